import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db } from '../../db/open';
import { listAudit } from '../audit/audit';
import { updateSetting } from '../settings/settings';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, sampleCounty2020, TEST_ACTOR } from '../testSupport/fixtures';
import { schoolRepairReport } from '../testSupport/schoolRepairSheet';
import { createRound, listRounds } from './rounds';
import { getSheet, listSheets, saveSheet, transitionSheet, type SheetDetail } from './sheets';

const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

function schoolRepairSheet(): { db: Db; sheet: SheetDetail } {
  const { db } = countyStore();
  luntaiApprovedTargets(db, 2020);
  const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const row = listSheets(db, round.id).find((s) => s.projectCode === 'LT2020-002')!;
  return { db, sheet: getSheet(db, row.id) };
}


describe('filling a monitoring sheet', () => {
  it('computes 128 of 240 万元 in August as 53.33% and green, exactly (§13 #13)', () => {
    const { db, sheet } = schoolRepairSheet();
    const saved = saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 128, '2000'));
    expect(saved.figures).toMatchObject({ executionRate: '53.33', budgetLight: 'green', projectLight: 'green', attention: 'green' });
    expect(saved.version).toBe(sheet.version + 1);
    expect(saved.problems).toEqual([]);
    const row = listSheets(db, sheet.roundId).find((s) => s.id === sheet.id)!;
    expect(row).toMatchObject({ executedFen: 128 * WAN, adjustedFen: 240 * WAN, budgetLight: 'green', indicatorCount: 2 });
  });

  it('turns red at 80 of 240 and asks for the reason and the measure before it can be submitted (§13 #12)', () => {
    const { db, sheet } = schoolRepairSheet();
    const red = saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 80, '1000'));
    expect(red.figures).toMatchObject({ executionRate: '33.33', budgetLight: 'red', projectLight: 'red' });
    expect(red.problems).toEqual([
      '预算执行：请选择偏差原因',
      '预算执行：请填写纠偏措施',
      '指标“维修校舍面积”：请选择偏差原因',
      '指标“维修校舍面积”：请填写纠偏措施',
    ]);
    expect(() => transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: red.version, action: 'submit' })).toThrow(
      /还不能送审，请先补充：预算执行：请选择偏差原因/,
    );
    const explained = saveSheet(
      db,
      TEST_ACTOR,
      schoolRepairReport(red, 80, '1000', {
        budget: { reasons: ['合同约定暂未支付'], reasonOther: '', measures: '督促按进度支付' },
        indicators: [
          { ...schoolRepairReport(red, 80, '1000').indicators[0]!, reasons: ['其他'], reasonOther: '雨季停工', measures: '增加施工班组' },
          schoolRepairReport(red, 80, '1000').indicators[1]!,
        ],
      }),
    );
    expect(explained.problems).toEqual([]);
    const submitted = transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: explained.version, action: 'submit' });
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).not.toBeNull();
  });

  it('uses the bureau’s thresholds: with green from 90%, 128 of 240 is only yellow', () => {
    const { db, sheet } = schoolRepairSheet();
    updateSetting(db, TEST_ACTOR, 'monitoring.budgetGreenFrom', '90');
    expect(saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 128, '2000')).figures.budgetLight).toBe('yellow');
  });

  it('refuses a save built on an older version, so a concurrent edit is never overwritten', () => {
    const { db, sheet } = schoolRepairSheet();
    saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 100, '2000'));
    expect(() => saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 120, '2000'))).toThrow(/已被他人修改，请刷新后重新填写/);
    expect(getSheet(db, sheet.id).funds[0]!.executedFen).toBe(100 * WAN);
  });

  it('refuses unknown fund sources, negative amounts, unknown reasons and indicators of another project', () => {
    const { db, sheet } = schoolRepairSheet();
    const base = schoolRepairReport(sheet, 100, '2000');
    expect(() => saveSheet(db, TEST_ACTOR, { ...base, funds: [{ source: '单位资金', adjustedFen: 0, executedFen: 0 }] })).toThrow(/没有“单位资金”资金来源/);
    expect(() => saveSheet(db, TEST_ACTOR, { ...base, funds: [{ ...base.funds[0]!, executedFen: -1 }] })).toThrow(/执行数不能为负数/);
    expect(() => saveSheet(db, TEST_ACTOR, { ...base, budget: { ...none, reasons: ['天气'] } })).toThrow(/偏差原因“天气”不在可选范围内/);
    expect(() => saveSheet(db, TEST_ACTOR, { ...base, indicators: [{ ...base.indicators[0]!, indicatorId: 'x' }] })).toThrow(/不属于该项目/);
  });
});

describe('超支 and 未填报 on a sheet', () => {
  it('refuses to save an executed amount above the adjusted budget, naming both figures, and writes nothing', () => {
    const { db, sheet } = schoolRepairSheet();
    const overspent = { ...schoolRepairReport(sheet, 0, '2000'), funds: [{ source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 99_999 * WAN }] };
    expect(() => saveSheet(db, TEST_ACTOR, overspent)).toThrow('“本级财政拨款”执行数 99,999.0000 万元 超过调整后预算 240.0000 万元，请核对执行数。超支不能保存');
    expect(getSheet(db, sheet.id)).toMatchObject({ version: sheet.version, funds: [{ executedFen: 0 }] });
  });

  it('refuses to submit a sheet whose stored figures are overspent (written before this rule), and never shows it green', () => {
    const { db, sheet } = schoolRepairSheet();
    const saved = saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 128, '2000'));
    sqliteOf(db).prepare('UPDATE monitoring_funds SET executed_fen = ? WHERE sheet_id = ?').run(99_999 * WAN, sheet.id);
    const stored = getSheet(db, sheet.id);
    expect(stored.figures).toMatchObject({ overspent: true, budgetLight: 'red', attention: 'red' });
    expect(stored.problems[0]).toBe('本级财政拨款：执行数 99,999.0000 万元 超过调整后预算 240.0000 万元，请核对执行数');
    expect(() => transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: saved.version, action: 'submit' })).toThrow(/还不能送审，请先补充：本级财政拨款：执行数 99,999\.0000 万元 超过调整后预算/);
  });

  it('lists a sheet nobody has reported as 未填报 with no light, not red', () => {
    const { db, sheet } = schoolRepairSheet();
    expect(sheet.figures).toMatchObject({ reported: false, budgetLight: 'none', projectLight: 'none', attention: 'none' });
    const rows = listSheets(db, sheet.roundId);
    expect(rows.every((r) => !r.reported && r.attention === 'none')).toBe(true);
    const blank = schoolRepairReport(sheet, 0, '');
    saveSheet(db, TEST_ACTOR, { ...blank, indicators: blank.indicators.map((i) => ({ ...i, reached: '' })) });
    // 0 executed typed with nothing else is still nothing reported; a value reached makes it reported
    expect(getSheet(db, sheet.id).figures.reported).toBe(false);
    const withValue = saveSheet(db, TEST_ACTOR, schoolRepairReport(getSheet(db, sheet.id), 0, '2000'));
    expect(withValue.figures).toMatchObject({ reported: true, budgetLight: 'red' });
  });
});

describe('accrual kind in a round', () => {
  it('snapshots each indicator’s kind: the same 2000 of ≥3000 in August is green as 累计型, yellow as 状态型', () => {
    const { db, sheet } = schoolRepairSheet();
    // 单位造价 ≤800 元/平方米 is a standard per unit (状态型); as a ceiling it lights by its operator alone.
    expect(sheet.indicators.map((i) => i.accrual)).toEqual(['cumulative', 'level']);
    expect(saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 128, '2000')).figures.projectLight).toBe('green');
    sqliteOf(db).prepare("UPDATE monitoring_indicators SET accrual = 'level' WHERE sheet_id = ? AND seq = 1").run(sheet.id);
    const level = getSheet(db, sheet.id);
    expect(level.figures.projectLight).toBe('yellow');
  });

  it('takes the kind from the approved target when the round opens: 服务对象满意度 ≥90% is 状态型, 92 in August green', () => {
    const { db, sheet } = schoolRepairSheet();
    const health = getSheet(db, listSheets(db, sheet.roundId).find((s) => s.projectCode === 'LT2020-004')!.id);
    expect(health.indicators.map((i) => [i.name, i.accrual])).toEqual([['服务对象满意度', 'level']]);
    const saved = saveSheet(db, TEST_ACTOR, {
      sheetId: health.id, version: health.version, analysis: '', budget: none, funds: health.funds.map((f) => ({ ...f, executedFen: 80 * WAN })),
      indicators: [{ indicatorId: health.indicators[0]!.indicatorId, reached: '92', expectedFullYear: '92', likelihood: '确定能', ...none }],
    });
    expect(saved.figures.projectLight).toBe('green');
  });

  it('prorates every positive indicator when the bureau sets “all cumulative”', () => {
    const { db, sheet } = schoolRepairSheet();
    sqliteOf(db).prepare("UPDATE monitoring_indicators SET accrual = 'level' WHERE sheet_id = ?").run(sheet.id);
    saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 128, '2000'));
    expect(getSheet(db, sheet.id).figures.projectLight).toBe('yellow');
    updateSetting(db, TEST_ACTOR, 'monitoring.accrual', 'allCumulative');
    expect(getSheet(db, sheet.id)).toMatchObject({ rules: { accrualRule: 'allCumulative' }, figures: { projectLight: 'green' } });
  });
});

describe('review of a monitoring sheet', () => {
  function submittedSheet() {
    const { db, sheet } = schoolRepairSheet();
    const saved = saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 128, '2000'));
    return { db, sheet: transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: saved.version, action: 'submit' }) };
  }

  it('locks a submitted sheet until it is withdrawn or returned', () => {
    const { db, sheet } = submittedSheet();
    expect(() => saveSheet(db, TEST_ACTOR, schoolRepairReport(sheet, 130, '2000'))).toThrow(/当前为“已送审”，不能修改。如需修改，请先撤回/);
    const withdrawn = transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: sheet.version, action: 'withdraw' });
    expect(saveSheet(db, TEST_ACTOR, schoolRepairReport(withdrawn, 130, '2000')).funds[0]!.executedFen).toBe(130 * WAN);
  });

  it('returns with an opinion only, and the unit can correct and resubmit', () => {
    const { db, sheet } = submittedSheet();
    expect(() => transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: sheet.version, action: 'return', opinion: ' ' })).toThrow(/退回时必须填写审核意见/);
    const returned = transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: sheet.version, action: 'return', opinion: '执行数与国库支付不符' });
    expect(returned).toMatchObject({ status: 'returned', reviewOpinion: '执行数与国库支付不符' });
    const fixed = saveSheet(db, TEST_ACTOR, schoolRepairReport(returned, 129, '2000'));
    expect(transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: fixed.version, action: 'submit' }).status).toBe('submitted');
  });

  it('approves, locks the sheet for good, and keeps every step with its opinion in the history', () => {
    const { db, sheet } = submittedSheet();
    const approved = transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: sheet.version, action: 'approve', opinion: '同意' });
    expect(approved.status).toBe('approved');
    expect(() => saveSheet(db, TEST_ACTOR, schoolRepairReport(approved, 130, '2000'))).toThrow(/已通过的监控表不能再修改/);
    expect(() => transitionSheet(db, TEST_ACTOR, { sheetId: sheet.id, version: approved.version, action: 'submit' })).toThrow(/当前状态为“通过”，不能送审/);
    expect(approved.history.map((h) => [h.action, h.opinion])).toEqual([
      ['审核通过监控表', '同意'],
      ['送审监控表', null],
      ['保存监控表', null],
    ]);
    expect(listAudit(db, { entity: 'monitoring-sheet', limit: 10 })[0]!.naturalKey).toBe('652822/2020/8-1/LT2020-002');
  });

  it('keeps the 136号 fields: forecast per source, the goal’s progress and remarks, beside the approved goal', () => {
    const { db, sheet } = schoolRepairSheet();
    expect(sheet.goal).not.toBe('');
    const saved = saveSheet(db, TEST_ACTOR, {
      ...schoolRepairReport(sheet, 128, '2000', { goalProgress: '已完成两所学校校舍维修', remarks: '第三所学校待暑期施工' }),
      funds: [{ source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 128 * WAN, forecastFen: 220 * WAN }],
    });
    expect(saved).toMatchObject({ goalProgress: '已完成两所学校校舍维修', remarks: '第三所学校待暑期施工' });
    expect(saved.funds[0]).toMatchObject({ initialFen: 240 * WAN, forecastFen: 220 * WAN });
    // A save that leaves the new fields out (an older client, a script) keeps them as they were.
    const again = saveSheet(db, TEST_ACTOR, schoolRepairReport(saved, 130, '2000'));
    expect(again).toMatchObject({ goalProgress: '已完成两所学校校舍维修', remarks: '第三所学校待暑期施工' });
    expect(again.funds[0]).toMatchObject({ executedFen: 130 * WAN, forecastFen: 220 * WAN });
  });

  it('refuses a forecast above the adjusted budget or below what is spent, and writes nothing', () => {
    const { db, sheet } = schoolRepairSheet();
    const above = { ...schoolRepairReport(sheet, 128, '2000'), funds: [{ source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 128 * WAN, forecastFen: 250 * WAN }] };
    expect(() => saveSheet(db, TEST_ACTOR, above)).toThrow('“本级财政拨款”全年预计执行数 250.0000 万元 超过调整后预算 240.0000 万元：预计执行不能超过预算，确需追加的请先办理预算调整。没有保存');
    const below = { ...above, funds: [{ ...above.funds[0]!, forecastFen: 100 * WAN }] };
    expect(() => saveSheet(db, TEST_ACTOR, below)).toThrow(/少于 1—8 月已执行的 128\.0000 万元/);
    expect(getSheet(db, sheet.id)).toMatchObject({ version: sheet.version, funds: [{ executedFen: 0, forecastFen: null }] });
  });

  it('explains slow spending by its own reasons: an indicator’s 保障 reason is refused for the budget, and the other way round', () => {
    const { db, sheet } = schoolRepairSheet();
    const base = schoolRepairReport(sheet, 80, '1000');
    expect(() => saveSheet(db, TEST_ACTOR, { ...base, budget: { reasons: ['经费保障'], reasonOther: '', measures: '督促支付' } })).toThrow(
      '预算执行的偏差原因“经费保障”不在可选范围内：政策调整、政府采购程序、计划暂未实施、合同约定暂未支付、不可控因素、其他',
    );
    const slowOnIndicator = { ...base, indicators: [{ ...base.indicators[0]!, reasons: ['政策调整'], measures: '加快' }, base.indicators[1]!] };
    expect(() => saveSheet(db, TEST_ACTOR, slowOnIndicator)).toThrow(/指标“维修校舍面积”的偏差原因“政策调整”不在可选范围内/);
  });

  it('lists every sheet of every round of a year with the figures and lights its own whole assessment gives, and a page of them alone', () => {
    const { db } = sampleCounty2020();
    let compared = 0;
    for (const round of listRounds(db, 2020)) {
      const rows = listSheets(db, round.id);
      expect(new Set(rows.map((row) => row.projectLight)).size, round.title).toBeGreaterThan(1);
      for (const row of rows) {
        const sheet = getSheet(db, row.id);
        expect({ ...row }, row.projectCode).toEqual({
          id: sheet.id, version: sheet.version, status: sheet.status, projectId: sheet.project.id, projectCode: sheet.project.code, projectName: sheet.project.name,
          unitCode: sheet.project.unitCode, unitName: sheet.project.unitName, keyProject: sheet.project.keyProject, indicatorCount: sheet.indicators.length,
          submittedAt: sheet.submittedAt, decidedAt: sheet.decidedAt, ...sheet.figures,
        });
        compared++;
      }
      const page = [rows[2]!.id, rows[0]!.id];
      expect(listSheets(db, round.id, page)).toEqual([rows[0], rows[2]]);
    }
    expect(compared).toBeGreaterThan(100);
  });
});
