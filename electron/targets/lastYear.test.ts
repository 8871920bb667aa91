import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db } from '../../db/open';
import { getSheet, lastSheetOf } from '../monitoring';
import { createSelfEvaluation } from '../selfEvaluation';
import { seedCounty } from '../testSupport/county';
import { approveSelfEvaluation, approveSheet, continuing } from '../testSupport/lastYear';
import { addProject } from '../testSupport/projects';
import { countyWithSelfEvaluationTarget } from '../testSupport/selfEvaluation';
import { checkedProjectTarget } from './quality';

/**
 * 2020: the 教育局's LT-1 approved (受益学生人次 ≥1200, 单位餐费 ≤8, 学生营养状况 定性), its August and November
 * sheets reported (700 / 1000 人次, 9 / 7.5 元) but not yet submitted; the 卫健委's LT-2 only submitted.
 */
const county = () => countyWithSelfEvaluationTarget();

const lastYearOf = (db: Db, projectId: string) => checkedProjectTarget(db, projectId).quality.previous;

const actuals = (lastYear: ReturnType<typeof lastYearOf>) => lastYear!.indicators.map((i) => [i.name, i.value, i.actual]);

describe('last year’s target of a continuing project (one reader for the 申报表 and the quality checks)', () => {
  it('is last year’s approved target of the same code and unit, with the actual values of its approved self-evaluation', () => {
    const c = county();
    approveSelfEvaluation(c);
    const lastYear = lastYearOf(c.db, continuing(c.db).id);
    expect(lastYear).toMatchObject({ year: 2020, adjustedFen: 120_000_000, actualSource: { kind: 'selfEvaluation' } });
    expect(actuals(lastYear)).toEqual([
      ['受益学生人次', '1200', '1150'],
      ['单位餐费', '8', '7.5'],
      ['学生营养状况', '明显改善', '达成目标'],
    ]);
  });

  it('has none for a 新增 project reusing the code, nor for the same code implemented by another unit (the 申报表 used to show both)', () => {
    for (const over of [{ attribute: '新增' as const }, { unitCode: '102001', departmentCode: '102001' }]) {
      const c = county();
      approveSelfEvaluation(c);
      expect(lastYearOf(c.db, continuing(c.db, over).id)).toBeNull();
    }
  });

  it('has none when last year’s target was only submitted, never approved (the 申报表 used to show it)', () => {
    const { db } = county();
    const doctors = addProject(db, { year: 2021, code: 'LT-2', departmentCode: '102001', unitCode: '102001', attribute: '延续' });
    expect(lastYearOf(db, doctors.id)).toBeNull();
  });

  it('takes no actual from a self-evaluation still in draft (the quality checks used to), nor from sheets never approved', () => {
    const c = county();
    createSelfEvaluation(c.db, c.clerk, { targetId: c.approvedTarget });
    const lastYear = lastYearOf(c.db, continuing(c.db).id);
    expect(lastYear).toMatchObject({ year: 2020, actualSource: null });
    expect(lastYear!.indicators.every((i) => i.actual === null)).toBe(true);
  });

  it('falls back to the value reached on the latest approved monitoring sheet, marked with its month, and warns against it', () => {
    const c = county();
    approveSheet(c.db, c.clerk, c.reviewer, 8);
    // November's sheet is later but not approved: August's figures are what the bureau accepted.
    expect(getSheet(c.db, lastSheetOf(c.db, projectIdOf(c.db, 2020))!).round.month).toBe(11);
    const next = seedCounty(c.db, {
      year: 2021,
      projects: [{ code: 'LT-1', name: '学生营养改善计划', unitCode: '101001', funds: [{ source: '本级财政拨款', initialFen: 120_000_000 }] }],
      targets: [{ project: 'LT-1', status: 'draft', overallGoal: '改善学生营养状况', indicators: [{ name: '受益学生人次', operator: '≥', value: '650', unit: '人次' }] }],
    });
    const project = { id: next.projectIds.get('LT-1')! };
    const target = checkedProjectTarget(c.db, project.id);
    expect(target.quality.previous).toMatchObject({ actualSource: { kind: 'monitoring', month: 8 } });
    expect(actuals(target.quality.previous)).toEqual([
      ['受益学生人次', '1200', '700'],
      ['单位餐费', '8', '9'],
      ['学生营养状况', '明显改善', '部分达成并具有一定效果'],
    ]);
    expect(target.warnings.filter((w) => w.check === 'belowLastYear').map((w) => w.message)).toEqual([
      '第 1 个指标“受益学生人次”的指标值 650人次 低于上年（2020 年）监控至 8 月的完成值 700人次，目标设定偏低',
    ]);
    // Once the self-evaluation is approved, its 实际完成值 take over.
    approveSelfEvaluation(c);
    expect(lastYearOf(c.db, project.id)).toMatchObject({ actualSource: { kind: 'selfEvaluation' } });
  });
});

const projectIdOf = (db: Db, year: number) => (sqliteOf(db).prepare("SELECT id FROM projects WHERE code = 'LT-1' AND year = ?").get(year) as { id: string }).id;
