import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { seedCounty } from '../testSupport/county';
import { runCli } from '../testSupport/cli';
import { tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { createEvaluation, evaluationSubjects, saveEvaluation } from './evaluations';
import { listTemplates } from './templates';

describe('jixiao evaluation list', () => {
  it('prints the year’s evaluations with the template version, the total as a decimal string, the grade and the status', async () => {
    const file = path.join(tempDir(), 'lt.db');
    await runCli('--db', file, 'init', '--region', '652822', '--role', 'county');
    const store = openDatabase(file);
    seedCounty(store.db, { units: ROAD_AND_SCHOOL_UNITS, projects: [{ code: 'LT-1', name: '农村公路养护', unitCode: '301002', funds: [] }] });
    const template = listTemplates(store.db).find((t) => t.kind === 'department')!;
    const created = createEvaluation(store.db, TEST_ACTOR, { kind: 'finance-evaluation', year: 2020, templateId: template.id, unitCode: '301002' });
    saveEvaluation(store.db, TEST_ACTOR, { id: created.id, version: created.version, leaves: [{ path: '0.0.0', value: '', target: '', count: '', score: '4.5', evidence: '' }], methods: [], standard: null, evaluators: '', findings: [] });
    expect(evaluationSubjects(store.db, 2020).projects).toHaveLength(1);
    closeDatabase(store);

    const json = await runCli('--db', file, 'evaluation', 'list', '--year', '2020', '--json');
    expect(JSON.parse(json.out)).toEqual([{ kind: 'finance-evaluation', projectCode: '301002', template: '部门整体支出绩效评价指标体系', templateVersion: 1, total: '4.50', grade: null, status: 'draft' }]);
    expect((await runCli('--db', file, 'evaluation', 'list', '--year', '2020')).out).toBe('财政评价\t301002\t部门整体支出绩效评价指标体系 第 1 版\t4.50\t—\t草稿');
    expect((await runCli('--db', file, 'evaluation', 'list', '--year', '2021')).out).toBe('2021 年还没有绩效评价');
    const bad = await runCli('--db', file, 'evaluation', 'list', '--year', '20');
    expect([bad.code, bad.err]).toEqual([2, '用法错误：年度“20”不正确，应为 2000–2100 之间的整数']);
  });
});
