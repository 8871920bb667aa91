import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { addExpert, expertDraft, planCounty } from '../testSupport/evaluationPlans';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { writeWorkbook } from '../xlsx/sheet';
import { commitExpertImport, exportExperts, previewExpertImport } from './excel';
import { createExpert, declareConflict, listExperts, removeConflict, updateExpert } from './experts';
import { addEngagement, createFirm, listEngagements, listFirms, rateEngagement, updateFirm } from './firms';

function county() {
  const store = countyStore();
  planCounty(store.db);
  return store.db;
}

const HEADERS = ['姓名', '领域', '职称', '工作单位', '单位编码', '联系方式', '状态', '备注'];
const sheet = (...rows: string[][]) => writeWorkbook([{ name: '专家库', headers: HEADERS, rows }]);

describe('专家库', () => {
  it('adds an expert, names a registered unit as the organisation, and refuses what the form refuses', () => {
    const db = county();
    expect(addExpert(db, { organisation: '', unitCode: '302002' })).toMatchObject({ name: '王芳', organisation: '轮台县第一中学', unitCode: '302002', available: true, version: 1, conflicts: [] });
    expect(() => createExpert(db, TEST_ACTOR, expertDraft({ field: ' ' }))).toThrow('请填写专业领域，如“交通”“教育”“财务”');
    expect(() => createExpert(db, TEST_ACTOR, expertDraft({ unitCode: '999999' }))).toThrow(/单位编码 999999 未登记/);
    expect(listExperts(db)).toHaveLength(1);
  });

  it('pauses an expert, refusing a stale edit, and logs it', () => {
    const db = county();
    const { id, version, conflicts: _c, ...draft } = addExpert(db);
    expect(updateExpert(db, TEST_ACTOR, { ...draft, id, version, available: false })).toMatchObject({ available: false, version: 2 });
    expect(() => updateExpert(db, TEST_ACTOR, { ...draft, id, version, notes: '旧版本' })).toThrow('该专家的信息已被他人修改，请关闭后重新打开再改');
    expect(listAudit(db, { entity: 'expert', limit: 5 }).map((e) => e.action)).toEqual(['暂停专家', '新增专家']);
  });

  it('records a declared conflict with a registered unit once, with its reason, and withdraws it', () => {
    const db = county();
    const expert = declareConflict(db, TEST_ACTOR, { expertId: addExpert(db).id, unitCode: '301002', reason: '配偶在该单位任职' });
    expect(expert.conflicts).toMatchObject([{ unitCode: '301002', unitName: '轮台县农村公路管理站', reason: '配偶在该单位任职', recordedBy: '测试员' }]);
    expect(() => declareConflict(db, TEST_ACTOR, { expertId: expert.id, unitCode: '301002', reason: '另一个' })).toThrow('专家王芳与轮台县农村公路管理站的利益冲突已登记过');
    expect(() => declareConflict(db, TEST_ACTOR, { expertId: expert.id, unitCode: '302001', reason: ' ' })).toThrow(/请写明利益冲突的原因/);
    expect(() => declareConflict(db, TEST_ACTOR, { expertId: expert.id, unitCode: '888888', reason: '亲属' })).toThrow(/单位编码 888888 未登记/);
    removeConflict(db, TEST_ACTOR, { id: expert.conflicts[0]!.id });
    expect(listExperts(db)[0]!.conflicts).toEqual([]);
  });

  it('imports from Excel: bad rows reported by row and column, the good rows written', () => {
    const db = county();
    const file = sheet(
      ['王芳', '交通', '高级工程师', '巴州公路勘察设计院', '', '139', '可用', ''],
      ['', '财务', '', '新疆大学', '', '', '', ''],
      ['李明', '教育', '', '', '302002', '', '休假', ''],
      ['赵强', '财务', '会计师', '', '777777', '', '', ''],
      ['钱进', '农业', '', '新疆农业大学', '', '', '暂停', '只评农业项目'],
      ['王芳', '交通', '', '巴州公路勘察设计院', '', '', '', ''],
    );
    const preview = previewExpertImport(db, 'experts.xlsx', file);
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 4 });
    expect(preview.problems).toEqual([
      { rowNumber: 3, column: '姓名', message: '请填写专家姓名' },
      { rowNumber: 4, column: '状态', message: '“休假”应填“可用”或“暂停”' },
      { rowNumber: 5, column: '单位编码', message: '单位编码 777777 未登记；不是本县预算单位的，单位编码留空，只填工作单位' },
      { rowNumber: 7, column: '姓名', message: '与第 2 行是同一位专家（姓名和工作单位相同）' },
    ]);
    expect(listExperts(db)).toEqual([]);
    expect(commitExpertImport(db, TEST_ACTOR, 'experts.xlsx', file).written).toBe(2);
    expect(listExperts(db).map((e) => [e.name, e.available, e.notes])).toEqual([
      ['王芳', true, ''],
      ['钱进', false, '只评农业项目'],
    ]);
  });

  it('round-trips its export: unchanged rows, and a corrected row updates the same expert', () => {
    const db = county();
    const first = addExpert(db, { organisation: '', unitCode: '302002' });
    addExpert(db, { name: '钱进', organisation: '新疆农业大学', available: false });
    expect(previewExpertImport(db, 'export.xlsx', exportExperts(db)).counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
    const corrected = sheet(['王芳', '教育', '教授', '轮台县第一中学', '302002', '', '可用', '']);
    expect(commitExpertImport(db, TEST_ACTOR, 'fix.xlsx', corrected).counts).toMatchObject({ update: 1 });
    expect(listExperts(db).find((e) => e.id === first.id)).toMatchObject({ field: '教育', title: '教授', version: 2 });
  });
});

describe('第三方机构', () => {
  const firm = { name: '新疆天山绩效评价咨询有限公司', creditCode: '91440300708461136t', qualifications: '工程咨询甲级', contact: '0996-1234567' };

  it('registers a firm by a valid credit code, once', () => {
    const db = county();
    expect(createFirm(db, TEST_ACTOR, firm)).toMatchObject({ creditCode: '91440300708461136T', engagementCount: 0, averageRating: null });
    expect(() => createFirm(db, TEST_ACTOR, { ...firm, name: '另一家' })).toThrow('统一社会信用代码 91440300708461136T 已登记为“新疆天山绩效评价咨询有限公司”，同一机构不要重复登记');
    expect(() => createFirm(db, TEST_ACTOR, { ...firm, creditCode: '91440300708461137T' })).toThrow(/校验位不符/);
    const [saved] = listFirms(db);
    expect(updateFirm(db, TEST_ACTOR, { ...firm, qualifications: '工程咨询甲级；会计师事务所执业证书', id: saved!.id, version: saved!.version }).version).toBe(2);
  });

  it('lists engagements per year with contract and fee in 分, and rates each job 1–5 with a comment', () => {
    const db = county();
    const { id: firmId } = createFirm(db, TEST_ACTOR, firm);
    const job = { firmId, subject: '2020 年重点项目财政评价', contractFen: 12_000_000, feeFen: 6_000_000, startDate: '2021-03-01', endDate: '2021-05-31' };
    const first = addEngagement(db, TEST_ACTOR, { ...job, year: 2020 });
    addEngagement(db, TEST_ACTOR, { ...job, year: 2021, subject: '2021 年衔接资金项目评价', startDate: '2022-03-01', endDate: '2022-04-30' });
    expect(listEngagements(db, { year: 2020 }).map((e) => [e.firmName, e.subject, e.contractFen, e.feeFen])).toEqual([['新疆天山绩效评价咨询有限公司', '2020 年重点项目财政评价', 12_000_000, 6_000_000]]);
    expect(() => addEngagement(db, TEST_ACTOR, { ...job, year: 2020, feeFen: 12_000_001 })).toThrow('已付费用不能超过合同金额');
    expect(() => addEngagement(db, TEST_ACTOR, { ...job, year: 2020, endDate: '2021-02-01' })).toThrow('结束日期不能早于开始日期');
    expect(() => rateEngagement(db, TEST_ACTOR, { id: first.id, rating: 6, comment: '好' })).toThrow('质量评价应为 1–5 分的整数');
    expect(rateEngagement(db, TEST_ACTOR, { id: first.id, rating: 4, comment: '报告扎实，个别指标取证不足' })).toMatchObject({ rating: 4, ratedBy: '测试员' });
    expect(listFirms(db)[0]).toMatchObject({ engagementCount: 2, averageRating: '4.0' });
    expect(listAudit(db, { entity: 'firm', limit: 1 })[0]).toMatchObject({ action: '评价第三方机构工作质量', opinion: '报告扎实，个别指标取证不足' });
  });
});
