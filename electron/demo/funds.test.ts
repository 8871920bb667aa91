import { describe, expect, it } from 'vitest';
import { fundsOverview } from '../funds';
import { listAudit } from '../audit/audit';
import { sampleCounty2020 } from '../testSupport/fixtures';

describe('衔接资金 of the sample county', () => {
  it('gives every fund project its category, documents of the centre and the county, and payments within the allocation, some behind', () => {
    const { db, summary } = sampleCounty2020();
    expect(summary.funds.projects).toBe(summary.povertyFundProjects);
    const o = fundsOverview(db, 2020, '2020-11-30');
    expect(o.levels.map((l) => l.level)).toEqual(['中央', '县']);
    expect(o.projects).toHaveLength(summary.povertyFundProjects);
    expect(o.projects.every((p) => p.category !== null && p.allocatedFen > 0 && p.paidFen > 0 && p.paidFen <= p.allocatedFen)).toBe(true);
    expect(o.totals.allocatedFen).toBe(o.levels.reduce((sum, l) => sum + l.allocatedFen, 0));
    // Every payment draws on a document, so 按资金文件 and 按资金级次 account for all that was paid.
    expect(o.unattributedPaidFen).toBe(0);
    expect(o.levels.every((l) => l.paidFen > 0)).toBe(true);
    expect(o.levels.reduce((sum, l) => sum + l.paidFen, 0)).toBe(o.totals.paidFen);
    expect(o.projects.some((p) => p.behind)).toBe(true);
    expect(o.projects.some((p) => !p.behind)).toBe(true);
    expect(o.industry.share).not.toBeNull();
    // Year-end loop: the approved targets and the self-evaluations of the sample show in the stages.
    expect(o.projects.some((p) => p.stages[0]!.state === 'done')).toBe(true);
    expect(o.projects.some((p) => p.links.monitoringSheetId !== null)).toBe(true);
    expect(listAudit(db, { entity: 'fund-payment', limit: 500 })).toHaveLength(summary.funds.payments);
  });
});
