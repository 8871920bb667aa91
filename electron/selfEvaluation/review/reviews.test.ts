import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../../db/open';
import { listAudit } from '../../audit/audit';
import { createOperator } from '../../registry/operators';
import { updateSetting } from '../../settings/settings';
import { seedCounty } from '../../testSupport/county';
import { countyStore, TEST_ACTOR } from '../../testSupport/fixtures';
import { addProject } from '../../testSupport/projects';
import { roadTable, selfEvaluationWorkbook, withIndicator } from '../../testSupport/selfEvaluationTables';
import { acceptReview, commitReviewImport, getReview, listReviews, previewReviewImport, returnReview } from './reviews';

const UNITS = [
  { code: '301001', name: '轮台县交通运输局' },
  { code: '301002', name: '轮台县公路管理站', departmentCode: '301001' },
];

function county() {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: UNITS });
  const project = addProject(db, { code: 'XM2020031', name: '农村道路硬化工程', unitCode: '301002' });
  const clerk = createOperator(db, TEST_ACTOR, { name: '李经办', role: 'clerk', password: null });
  const reviewer = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  return { db, project, clerk, reviewer };
}

const markedDown = withIndicator(roadTable({ projectName: '乡村路灯安装', total: 92.59 }), '受益人口', { score: 13 });
const unregistered = roadTable({ projectName: '外县项目', unitName: '库尔勒市公路段' });
const FILE = selfEvaluationWorkbook({ 自评表: [roadTable(), markedDown], 外单位: [unregistered] });

describe('importing self-evaluation tables for review', () => {
  it('previews one row per table with its differences and names a table whose unit is not registered; nothing is written', () => {
    const { db } = county();
    const preview = previewReviewImport(db, 2020, '交通局自评.xlsx', FILE);
    expect(preview.rows.map((r) => [r.sheet, r.rowNumber, r.projectName, r.unitCode, r.projectCode, r.differences, r.action])).toEqual([
      ['自评表', 3, '农村道路硬化工程', '301002', 'XM2020031', 0, 'create'],
      ['自评表', 28, '乡村路灯安装', '301002', null, 2, 'create'],
      ['外单位', 3, '外县项目', null, null, null, 'error'],
    ]);
    expect(preview.problems).toEqual([
      { sheet: '外单位', rowNumber: 3, column: '实施单位', message: '实施单位“库尔勒市公路段”不在本县预算单位名录中：请核对单位名称，或先在“单位与项目 → 预算单位”中登记后再导入' },
    ]);
    expect(listReviews(db, 2020)).toEqual([]);
  });

  it('commits the readable tables in one go, records who imported them, and replaces a table still waiting on re-import', () => {
    const { db, project, clerk } = county();
    const result = commitReviewImport(db, clerk, 2020, '交通局自评.xlsx', FILE);
    expect([result.written, result.counts]).toEqual([2, { create: 2, update: 0, unchanged: 0, error: 1 }]);
    const listed = listReviews(db, 2020);
    expect(listed.map((r) => [r.projectName, r.projectId, r.status, r.importedByName, r.enteredTotal, r.ruleTotal, r.differences])).toEqual(
      expect.arrayContaining([
        ['农村道路硬化工程', project.id, 'pending', '李经办', '94.59', '94.59', 0],
        ['乡村路灯安装', null, 'pending', '李经办', '92.59', '94.59', 2],
      ]),
    );
    const again = commitReviewImport(db, clerk, 2020, '交通局自评（改）.xlsx', selfEvaluationWorkbook({ 自评表: [roadTable({ projectName: '乡村路灯安装' })] }));
    expect(again.counts.update).toBe(1);
    const replaced = listReviews(db, 2020).filter((r) => r.projectName === '乡村路灯安装');
    expect(replaced.map((r) => [r.fileName, r.differences, r.version])).toEqual([['交通局自评（改）.xlsx', 0, 2]]);
    expect(listAudit(db, { entity: 'self-evaluation-review', limit: 10 }).map((a) => a.action).sort()).toEqual(['导入自评表（待复核）', '导入自评表（待复核）', '重新导入自评表（待复核）']);
  });

  it('refuses a file without a table, writing nothing', () => {
    const { db, clerk } = county();
    expect(() => commitReviewImport(db, clerk, 2020, '空.xlsx', selfEvaluationWorkbook({ Sheet1: [['说明']] }))).toThrow(/找不到项目支出绩效自评表/);
    expect(listReviews(db, 2020)).toEqual([]);
  });
});

describe('reviewing an imported table', () => {
  const imported = () => {
    const setup = county();
    commitReviewImport(setup.db, setup.clerk, 2020, '交通局自评.xlsx', FILE);
    const byName = (name: string) => listReviews(setup.db, 2020).find((r) => r.projectName === name)!;
    return { ...setup, byName };
  };

  it('shows row by row the unit’s score beside the rule’s, the differences on their rows and in the summary, and the opinion they make', () => {
    const { db, byName } = imported();
    const detail = getReview(db, byName('乡村路灯安装').id);
    const beneficiaries = detail.rows.find((r) => r.label === '受益人口')!;
    expect([beneficiaries.score, beneficiaries.ruleScore, beneficiaries.differences.map((d) => d.message)]).toEqual(['13', '15.00', ['“受益人口”填报得分 13.00，按规则应为 15.00']]);
    expect(detail.rows.find((r) => r.label === '安装路灯')!.flags).toEqual(['未达成指标，须填写偏差原因分析及改进措施']);
    expect(detail.rows[0]!.ruleScore).toBeNull();
    expect(detail.budget).toMatchObject({ rate: '90.00%', ruleScore: '9.00', difference: null });
    expect(detail.summary.map((d) => d.kind)).toEqual(['total']);
    expect(detail.total).toEqual({ ruleTotal: '94.59', grade: '优', cappedAt: null });
    expect(detail.suggestedOpinion).toBe('复核发现以下问题，请改正后重新填报：\n1. “受益人口”填报得分 13.00，按规则应为 15.00\n2. 总分填报 92.59，按规则应为 94.59');
  });

  it('recomputes on read with the settings of now', () => {
    const { db, byName } = imported();
    const id = byName('乡村路灯安装').id;
    expect(getReview(db, id).rows.find((r) => r.label === '每公里造价')!.ruleScore).toBe('9.09');
    updateSetting(db, TEST_ACTOR, 'evaluation.lessOrEqualScoring', 'deviation');
    expect(getReview(db, id).rows.find((r) => r.label === '每公里造价')!.ruleScore).toBe('9.00');
  });

  it('refuses to show a stored table that no longer validates, instead of guessing at it', () => {
    const { db, byName } = imported();
    const id = byName('乡村路灯安装').id;
    sqliteOf(db).prepare('UPDATE self_evaluation_reviews SET written_table = ? WHERE id = ?').run('{"rows": "被改过"}', id);
    expect(() => getReview(db, id)).toThrow('“乡村路灯安装”的自评表数据已损坏，无法复核；请删除后重新导入原 Excel 文件');
  });

  it('refuses the importer as reviewer and a clerk, accepts by another reviewer, and locks the decision', () => {
    const { db, byName, clerk, reviewer } = imported();
    const correct = byName('农村道路硬化工程');
    expect(() => acceptReview(db, clerk, { id: correct.id, version: correct.version })).toThrow('经办人不能审核（通过或退回）');
    updateSetting(db, TEST_ACTOR, 'review.selfReview', 'forbid');
    const importerReviewer = createOperator(db, TEST_ACTOR, { name: '赵审核', role: 'reviewer', password: null });
    commitReviewImport(db, importerReviewer, 2020, '重导.xlsx', selfEvaluationWorkbook({ 自评表: [roadTable()] }));
    const reimported = byName('农村道路硬化工程');
    expect(() => acceptReview(db, importerReviewer, { id: reimported.id, version: reimported.version })).toThrow('不能审核本人送审的记录');
    const accepted = acceptReview(db, reviewer, { id: reimported.id, version: reimported.version });
    expect([accepted.status, accepted.reviewedByName]).toEqual(['accepted', '王审核']);
    expect(() => returnReview(db, reviewer, { id: accepted.id, version: accepted.version, opinion: '再看看' })).toThrow('已通过，不能再次复核');
    expect(() => acceptReview(db, reviewer, { id: accepted.id, version: reimported.version })).toThrow('请刷新后再复核');
  });

  it('returns with the typed opinion, or with the differences when none is typed, and audits it', () => {
    const { db, byName, reviewer } = imported();
    const marked = byName('乡村路灯安装');
    const returned = returnReview(db, reviewer, { id: marked.id, version: marked.version, opinion: '  ' });
    expect([returned.status, returned.opinion]).toEqual(['returned', getReview(db, marked.id).suggestedOpinion]);
    const audit = listAudit(db, { entity: 'self-evaluation-review', limit: 10 }).find((a) => a.action === '自评表复核退回')!;
    expect([audit.operatorName, audit.opinion]).toEqual(['王审核', returned.opinion]);
    const correct = byName('农村道路硬化工程');
    expect(() => returnReview(db, reviewer, { id: correct.id, version: correct.version })).toThrow('请填写退回意见');
  });
});
