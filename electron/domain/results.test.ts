import { describe, expect, it } from 'vitest';
import { percent } from './ratio';
import { adoptionShare, cutAmount, decidedAmount, decisionProblem, proposeForProject, resultRules, type GradedSource, type ProjectResultInput } from './results';
import { settingDefinition, type SettingValue } from './settings';

const WAN = 1_000_000;
const defaults = (over: Record<string, SettingValue> = {}) => resultRules((key) => over[key] ?? settingDefinition(key)!.default);
const self = (grade: string): GradedSource => ({ source: 'self-evaluation', grade, recordId: 'se-1' });

const project = (over: Partial<ProjectResultInput> = {}): ProjectResultInput => ({
  sources: [self('良')],
  openNotices: [],
  nextYearAdjustedFen: 100 * WAN,
  thisYearAdjustedFen: 80 * WAN,
  executedFen: 80 * WAN,
  targetsMet: true,
  ...over,
});

describe('the measure per grade', () => {
  it('follows the default mapping 优先保障 / 据实保障 / 核减 10% / 取消或暂停', () => {
    const byGrade = ['优', '良', '中', '差'].map((grade) => proposeForProject(project({ sources: [self(grade)] }), defaults())!);
    expect(byGrade.map((p) => [p.measure, p.measureLabel, p.proposedFen])).toEqual([
      ['priority', '优先保障', 100 * WAN],
      ['asNeeded', '据实保障', 100 * WAN],
      ['cut', '核减 10%', 90 * WAN],
      ['cancel', '取消或暂停', 0],
    ]);
  });

  it('follows changed settings: other wording, a 25% cut and renamed grades', () => {
    const rules = defaults({ 'results.actionExcellent': '适当增加', 'results.cutFair': '25', 'results.actionPoor': '暂停安排', 'evaluation.gradeLabels': 'A/B/C/D' });
    const shown = ['A', 'B', 'C', 'D'].map((grade) => proposeForProject(project({ sources: [self(grade)] }), rules)!);
    expect(shown.map((p) => [p.measureLabel, p.proposedFen])).toEqual([
      ['适当增加', 100 * WAN],
      ['据实保障', 100 * WAN],
      ['核减 25%', 75 * WAN],
      ['暂停安排', 0],
    ]);
    expect(shown[2]!.rules).toContain('评价为“C”的核减比例：25%');
  });

  it('is example 17: grade 中, next-year request 100 万元, cut 10% → 90 万元', () => {
    const proposal = proposeForProject(project({ sources: [self('中')], nextYearAdjustedFen: 100 * WAN }), defaults())!;
    expect(proposal.proposedFen).toBe(90 * WAN);
    expect(proposal.base).toEqual({ fen: 100 * WAN, kind: 'next-year' });
  });

  it('refuses a grade that is not among the labels', () => {
    expect(() => proposeForProject(project({ sources: [self('A')] }), defaults())).toThrow('等级“A”不在等级名称（优/良/中/差）之中');
  });
});

describe('grade precedence', () => {
  it('takes a finance evaluation over a department evaluation over the self-evaluation, whatever the order given', () => {
    const sources: GradedSource[] = [
      self('优'),
      { source: 'department-evaluation', grade: '良', recordId: 'de-1' },
      { source: 'finance-evaluation', grade: '差', recordId: 'fe-1' },
    ];
    expect(proposeForProject(project({ sources }), defaults())!.grade).toEqual({ source: 'finance-evaluation', grade: '差', recordId: 'fe-1' });
    expect(proposeForProject(project({ sources: sources.slice(0, 2) }), defaults())!.grade.recordId).toBe('de-1');
    expect(proposeForProject(project({ sources: [] }), defaults())).toBeNull();
  });

  it('traces the source and the rule applied', () => {
    const proposal = proposeForProject(project({ sources: [{ source: 'finance-evaluation', grade: '中', recordId: 'fe-1' }] }), defaults())!;
    expect(proposal.rules.slice(0, 3)).toEqual(['财政评价等级“中”', '评价为“中”的核减比例：10%', '基数：下年申请数 100.0000 万元']);
  });
});

describe('unrectified findings', () => {
  it('override the grade with 整改后再安排, keeping the amount the grade gives for after the rectification', () => {
    const proposal = proposeForProject(project({ sources: [self('优')], openNotices: [3, 7] }), defaults())!;
    expect([proposal.measure, proposal.measureLabel, proposal.proposedFen]).toEqual(['rectifyFirst', '整改后再安排', 100 * WAN]);
    expect(proposal.rules).toContain('未整改到位（整改通知第 3、7 号）：整改后再安排');
  });
});

describe('the base amount', () => {
  it("is this year's adjusted budget, said so, for a project without a next-year request", () => {
    const proposal = proposeForProject(project({ sources: [self('中')], nextYearAdjustedFen: null, thisYearAdjustedFen: 80 * WAN }), defaults())!;
    expect(proposal.base).toEqual({ fen: 80 * WAN, kind: 'this-year' });
    expect(proposal.proposedFen).toBe(72 * WAN);
    expect(proposal.rules).toContain('基数：本年调整后预算 80.0000 万元');
  });
});

describe('rounding of a cut', () => {
  it('rounds to the 分 half up: 10% off 15 分 is 13.5 → 14 分, off 14 分 is 12.6 → 13 分, off 11 分 is 9.9 → 10 分', () => {
    expect([cutAmount(15, '10'), cutAmount(14, '10'), cutAmount(11, '10')]).toEqual([14, 13, 10]);
  });

  it('is exact for fractional percentages: 12.5% off 1,000,001 分 is 875,000.875 → 875,001 分', () => {
    expect(cutAmount(1_000_001, '12.5')).toBe(875_001);
  });
});

describe('balances to recover', () => {
  it('are adjusted − executed for a grade of 中 or 差, and for a missed target at any grade', () => {
    const spent = { thisYearAdjustedFen: 80 * WAN, executedFen: 60 * WAN };
    expect(proposeForProject(project({ ...spent, sources: [self('中')] }), defaults())!.recoverFen).toBe(20 * WAN);
    expect(proposeForProject(project({ ...spent, sources: [self('差')] }), defaults())!.recoverFen).toBe(20 * WAN);
    expect(proposeForProject(project({ ...spent, sources: [self('优')], targetsMet: false }), defaults())!.recoverFen).toBe(20 * WAN);
    expect(proposeForProject(project({ ...spent, sources: [self('优')], targetsMet: true }), defaults())!.recoverFen).toBe(0);
  });

  it('are never negative when more was executed than the budget', () => {
    expect(proposeForProject(project({ sources: [self('差')], thisYearAdjustedFen: 10, executedFen: 12 }), defaults())!.recoverFen).toBe(0);
  });
});

describe("the budget section's decision", () => {
  const cut = { proposedFen: 90 * WAN, baseFen: 100 * WAN };

  it('needs a reason unless it is 采纳', () => {
    expect(decisionProblem({ decision: 'adopted', amountFen: null, reason: '' }, cut)).toBeNull();
    expect(decisionProblem({ decision: 'rejected', amountFen: null, reason: ' ' }, cut)).toBe('“未采纳”须填写理由，请写明预算科的考虑');
    expect(decisionProblem({ decision: 'partly', amountFen: 95 * WAN, reason: '' }, cut)).toBe('“部分采纳”须填写理由，请写明预算科的考虑');
  });

  it('takes a 部分采纳 amount strictly between the proposal and the base', () => {
    const partly = (amountFen: number) => decisionProblem({ decision: 'partly', amountFen, reason: '保留续建部分' }, cut);
    expect(partly(95 * WAN)).toBeNull();
    expect(partly(90 * WAN)).toBe('“部分采纳”的安排金额应在 90.0000 与 100.0000 万元之间（不含两端），现为 90.0000 万元');
    expect(partly(100 * WAN)).toMatch(/不含两端/);
    expect(partly(90 * WAN + 1)).toBeNull();
  });

  it('takes a 部分采纳 amount strictly between 0 and the proposal on a line kept at its base', () => {
    const kept = { proposedFen: 100 * WAN, baseFen: 100 * WAN };
    expect(decisionProblem({ decision: 'partly', amountFen: 60 * WAN, reason: '财力有限' }, kept)).toBeNull();
    expect(decisionProblem({ decision: 'partly', amountFen: 0, reason: '财力有限' }, kept)).toMatch(/0.0000 与 100.0000 万元之间/);
  });

  it('arranges the proposal when adopted, its amount when partly, the base when rejected', () => {
    expect(decidedAmount({ decision: 'adopted', amountFen: null }, cut)).toBe(90 * WAN);
    expect(decidedAmount({ decision: 'partly', amountFen: 95 * WAN }, cut)).toBe(95 * WAN);
    expect(decidedAmount({ decision: 'rejected', amountFen: null }, cut)).toBe(100 * WAN);
  });
});

describe('the adoption share', () => {
  it('counts lines adopted or partly adopted among those decided, and the part of the cuts carried out, exactly', () => {
    const share = adoptionShare([
      { decision: 'adopted', decidedFen: 90 * WAN, proposedFen: 90 * WAN, baseFen: 100 * WAN },
      { decision: 'partly', decidedFen: 95 * WAN, proposedFen: 90 * WAN, baseFen: 100 * WAN },
      { decision: 'rejected', decidedFen: 50 * WAN, proposedFen: 0, baseFen: 50 * WAN },
      { decision: null, decidedFen: null, proposedFen: 0, baseFen: 70 * WAN },
    ]);
    expect([share.decided, share.adopted, share.partly]).toEqual([3, 1, 1]);
    expect(percent(share.lineShare!)).toBe('66.67');
    // cuts proposed 10 + 10 + 50 = 70 万元, carried out 10 + 5 + 0 = 15 万元
    expect(share.cutShare).toEqual({ num: 3n, den: 14n });
  });

  it('is undefined before any decision', () => {
    expect(adoptionShare([{ decision: null, decidedFen: null, proposedFen: 1, baseFen: 2 }])).toMatchObject({ lineShare: null, cutShare: null });
  });
});
