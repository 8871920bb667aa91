// Last year of a continuing project, as the 申报表 reads it (targets/lastYear.ts): over
// countyWithSelfEvaluationTarget's 2020 LT-1, its self-evaluation approved, or one of its monitoring sheets.
import { sqliteOf, type Db } from '../../db/open';
import type { Actor } from '../audit/audit';
import { getSheet, listSheets } from '../monitoring';
import { saveSheet, transitionSheet } from '../monitoring/sheets';
import { createSelfEvaluation, saveSelfEvaluation, transitionSelfEvaluation } from '../selfEvaluation';
import { addProject } from './projects';
import { entries, type countyWithSelfEvaluationTarget } from './selfEvaluation';

type County = ReturnType<typeof countyWithSelfEvaluationTarget>;

/** The clerk fills and submits LT-1's 2020 self-evaluation (actuals 1150 人次, 7.5 元, 达成目标), the reviewer approves it. */
export function approveSelfEvaluation({ db, clerk, reviewer, approvedTarget }: County): void {
  const created = createSelfEvaluation(db, clerk, { targetId: approvedTarget });
  const filled = saveSelfEvaluation(db, clerk, entries(created, { goalAchieved: '基本完成', budgetReason: '资金年底到位', problems: '无', measures: '无' }, { 0: { deviationReason: '转学' }, 2: { score: '27' } }));
  const submitted = transitionSelfEvaluation(db, clerk, { id: filled.id, version: filled.version, action: 'submit' });
  transitionSelfEvaluation(db, reviewer, { id: submitted.id, version: submitted.version, action: 'approve' });
}

/** The clerk submits LT-1's sheet of the round of `month` (reasons given for every light), the reviewer approves it. */
export function approveSheet(db: Db, clerk: Actor, reviewer: Actor, month: number): void {
  const roundId = (sqliteOf(db).prepare('SELECT id FROM monitoring_rounds WHERE month = ?').get(month) as { id: string }).id;
  const sheet = getSheet(db, listSheets(db, roundId).find((s) => s.projectCode === 'LT-1')!.id);
  const explained = { reasons: ['其他'], reasonOther: '学期安排', measures: '下学期补足' };
  const saved = saveSheet(db, clerk, {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: '按计划推进',
    budget: { reasons: ['计划暂未实施'], reasonOther: '', measures: '加快支付' },
    funds: sheet.funds,
    // A qualitative row is reported in the monitoring wording, as a submission asks.
    indicators: sheet.indicators.map((i) => ({ indicatorId: i.indicatorId, reached: i.operator === '定性' ? '部分达成并具有一定效果' : (i.reached ?? ''), expectedFullYear: i.expectedFullYear ?? '', likelihood: '有可能', ...explained })),
  });
  const submitted = transitionSheet(db, clerk, { sheetId: saved.id, version: saved.version, action: 'submit' });
  transitionSheet(db, reviewer, { sheetId: submitted.id, version: submitted.version, action: 'approve' });
}

/** LT-1 continued into 2021 by the same unit (延续, unless `over` says otherwise). */
export const continuing = (db: Db, over: Parameters<typeof addProject>[1] = {}) =>
  addProject(db, { year: 2021, code: 'LT-1', name: '学生营养改善计划', departmentCode: '101001', unitCode: '101001', attribute: '延续', ...over });
