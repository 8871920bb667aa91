// The stage 绩效评价 on real packages: what a county submitted or approved goes up with its scores, its
// template version and its report file; forged packages (a changed file, a broken template, another
// county's project) are refused whole and write nothing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../exchange/incoming';
import { updateSettings } from '../settings/settings';
import path from 'node:path';
import { initInstallation } from '../registry/setup';
import { freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { countyWithEvaluations, exportStage, prefectureStore } from '../testSupport/evaluationExchange';
import { dump, membersOf, packageRecords, setPackageRecords, signedBy } from '../testSupport/forgedPackages';

const refusalOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'imported';
};

describe('evaluations in exchange packages', () => {
  it('carries submitted and approved evaluations with their scores, their frozen template and the report file, but no draft', () => {
    const { county, template, report } = countyWithEvaluations();
    const pref = prefectureStore();
    const summary = importPackage(pref, TEST_ACTOR, exportStage(county, 'evaluation'), { dryRun: false, trust: true });
    expect(summary.records.filter((r) => r.entity === 'evaluation').map((r) => r.naturalKey).sort()).toEqual([
      '652822/2020/department-evaluation/EDU-1',
      '652822/2020/finance-evaluation/EDU-3',
      '652822/2020/finance-evaluation/LT-1',
    ]);
    expect(pref.sqlite.prepare('SELECT subject_code, status, grade, total_score FROM evaluations ORDER BY subject_code').all()).toEqual([
      { subject_code: 'EDU-1', status: 'submitted', grade: '优', total_score: '92.00' },
      { subject_code: 'EDU-3', status: 'approved', grade: '中', total_score: '75.00' },
      { subject_code: 'LT-1', status: 'approved', grade: '良', total_score: '86.50' },
    ]);
    const scored = county.sqlite.prepare("SELECT count(*) AS n FROM evaluation_scores WHERE evaluation_id IN (SELECT id FROM evaluations WHERE status <> 'draft')").get();
    expect(pref.sqlite.prepare('SELECT count(*) AS n FROM evaluation_scores').get()).toEqual(scored);
    // The county's copy of the template, kept as the county's, frozen, tree as scored.
    expect(pref.sqlite.prepare('SELECT id, version, frozen, origin_region, tree FROM evaluation_templates').all()).toEqual([
      { id: template.id, version: template.version, frozen: 1, origin_region: '652822', tree: JSON.stringify(template.tree) },
    ]);
    const file = pref.sqlite.prepare("SELECT name, size, sha256, content FROM attachments WHERE owner_kind = 'evaluation.report'").get() as { name: string; size: number; sha256: string; content: Buffer };
    expect({ ...file, content: file.content.equals(report) }).toEqual({ name: '评价报告.pdf', size: report.length, sha256: createHash('sha256').update(report).digest('hex'), content: true });

    // The same package again, and a later one with nothing changed, change nothing.
    const again = importPackage(pref, TEST_ACTOR, exportStage(county, 'evaluation'), { dryRun: false, trust: true });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, conflict: 0 });
  });

  it('refuses a forged package whose report file, template or project does not hold, and writes nothing', () => {
    const { county } = countyWithEvaluations();
    const exported = exportStage(county, 'evaluation');
    const pref = prefectureStore();
    const before = dump(pref.sqlite);
    const forged = (entity: string, change: (records: ReturnType<typeof packageRecords>) => void) => {
      const members = membersOf(exported);
      const records = packageRecords(members, entity);
      change(records);
      setPackageRecords(members, entity, records);
      return signedBy(county, members, { stage: 'evaluation' });
    };
    const attempt = (file: string) => refusalOf(() => importPackage(pref, TEST_ACTOR, file, { dryRun: false, trust: true }));
    const withReport = (records: ReturnType<typeof packageRecords>) => records.find((r) => (r.children.attachments ?? []).length > 0)!.children.attachments![0]!;

    // One byte of the report changed, its hash left as it was.
    const changedByte = forged('evaluation', (records) => {
      const file = withReport(records);
      const bytes = Buffer.from(String(file.content), 'base64');
      bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
      file.content = bytes.toString('base64');
    });
    expect(attempt(changedByte)).toMatch(/绩效评价（652822\/2020\/finance-evaluation\/LT-1）的附件“评价报告\.pdf”的内容与其 SHA-256 校验值不一致.*已拒绝整个数据包$/);

    // A program renamed to .pdf, hashed anew so only its type gives it away.
    const program = Buffer.from('MZ\x90\x00 not a pdf at all', 'latin1');
    const renamed = forged('evaluation', (records) => {
      Object.assign(withReport(records), { content: program.toString('base64'), size: program.length, sha256: createHash('sha256').update(program).digest('hex') });
    });
    expect(attempt(renamed)).toMatch(/“评价报告\.pdf”的内容不是 PDF 文件/);

    // The county's own plan item named on an evaluation: plans stay home, so the column must leave empty.
    const withPlan = forged('evaluation', (records) => {
      records[0]!.row.plan_item_id = '5f0c7c1e-3a2b-4c8d-9e6f-1a2b3c4d5e6f';
    });
    expect(attempt(withPlan)).toMatch(/plan_item_id/);

    expect(dump(pref.sqlite)).toBe(before);
    // A genuine PDF larger than the prefecture's own 附件大小上限 (1 MB there).
    updateSettings(pref.db, TEST_ACTOR, [{ key: 'attachments.maxMegabytes', value: 1 }]);
    const large = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024, 0x20)]);
    const oversize = forged('evaluation', (records) => {
      Object.assign(withReport(records), { content: large.toString('base64'), size: large.length, sha256: createHash('sha256').update(large).digest('hex') });
    });
    expect(attempt(oversize)).toMatch(/“评价报告\.pdf”大小为 1\.0 MB（1048585 字节），超过附件上限 1\.0 MB（1048576 字节）（本机的附件大小上限与类型规则）/);
    updateSettings(pref.db, TEST_ACTOR, [{ key: 'attachments.maxMegabytes', value: 10 }]);
    const settled = dump(pref.sqlite);

    // A template whose points no longer add up.
    const broken = forged('evaluation-template', (records) => {
      const tree = JSON.parse(String(records[0]!.row.tree)) as { points: string }[];
      tree[0]!.points = '99';
      records[0]!.row.tree = JSON.stringify(tree);
    });
    expect(attempt(broken)).toMatch(/评价模板“.*”第 1 版未通过模板校验/);

    // An evaluation hung on a project code the county does not have.
    const moved = forged('evaluation', (records) => void (records.find((r) => r.row.subject_code === 'LT-1')!.row.subject_code = 'EDU-2'));
    expect(attempt(moved)).toMatch(/评价的项目 LT-1“农村公路养护” 不是发送方本地区、本年度该单位的项目，已拒绝整个数据包$/);

    expect(dump(pref.sqlite)).toBe(settled);
    expect(settled).not.toBe(before);
    expect(attempt(exported)).toBe('imported');
  });

  it('never lets another county change a county’s template version at the prefecture: it is a conflict, not written', () => {
    const { county, template } = countyWithEvaluations();
    const exported = exportStage(county, 'evaluation');
    const pref = prefectureStore();
    importPackage(pref, TEST_ACTOR, exported, { dryRun: false, trust: true });
    const neighbour = freshStore(path.join(tempDir(), 'neighbour.db'));
    initInstallation(neighbour.db, { regionCode: '652823', role: 'county', operatorName: '赵六' });
    const members = membersOf(exported);
    const [copy] = packageRecords(members, 'evaluation-template');
    const tree = JSON.parse(String(copy!.row.tree)) as { name: string }[];
    tree[0]!.name = '决策（改）';
    const changed = new Map<string, Buffer>();
    setPackageRecords(changed, 'evaluation-template', [{ ...copy!, row: { ...copy!.row, tree: JSON.stringify(tree) } }]);
    const forged = signedBy(neighbour, changed, {
      sender: { region: '652823', name: '尉犁县', role: 'county' },
      stage: 'evaluation',
      sequence: 1,
    });
    const summary = importPackage(pref, TEST_ACTOR, forged, { dryRun: false, trust: true });
    expect(summary.counts).toMatchObject({ created: 0, updated: 0, conflict: 1 });
    expect(pref.sqlite.prepare('SELECT origin_region, tree FROM evaluation_templates WHERE id = ?').get(template.id)).toEqual({ origin_region: '652822', tree: JSON.stringify(template.tree) });
  });
});
