import { eq } from 'drizzle-orm';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { auditLog, projects, targets, units } from '../../db/schema';
import { projectKey } from '../projects/projects';
import { createUnit } from '../registry/units';
import { updateSetting } from '../settings/settings';
import { targetKey } from '../targets/store';
import { countyStore, sampleCounty2020, TEST_ACTOR } from '../testSupport/fixtures';
import { auditPage, auditWorkbook, recordAudit } from './audit';

const everything = { page: 1, pageSize: 200 };

describe('the audit log as people read it', () => {
  it('names each record by its kind, code and name instead of internal keys', () => {
    const { db } = sampleCounty2020();
    const project = db.select().from(projects).where(eq(projects.year, 2020)).orderBy(projects.code).get()!;
    const projectTarget = db.select().from(targets).where(eq(targets.projectId, project.id)).get()!;
    const departmentTarget = db.select().from(targets).where(eq(targets.kind, 'department')).get()!;
    const department = db.select().from(units).where(eq(units.code, departmentTarget.ownerCode)).get()!;
    recordAudit(db, TEST_ACTOR, { entity: 'project', naturalKey: projectKey('652822', 2020, project.code), action: '修改项目' });
    recordAudit(db, TEST_ACTOR, { entity: 'target', naturalKey: targetKey(departmentTarget), action: '审核通过' });
    recordAudit(db, TEST_ACTOR, { entity: 'target-adjustment', naturalKey: `${projectTarget.id}/1`, action: '提出第 1 次目标调整' });
    updateSetting(db, TEST_ACTOR, 'monitoring.dueSoonDays', 7);

    // The whole log: the sample's year-end self-evaluations add their own steps to it.
    const objects = auditPage(db, { ...everything, pageSize: 2000 }).rows.map((r) => `${r.kind} ${r.object}`);
    expect(objects.slice(0, 4)).toEqual([
      '参数设置 临近截止提醒（天）',
      `目标调整 2020 年 项目 ${project.code} ${project.name} 第 1 次调整`,
      `绩效目标 2020 年 部门整体 ${department.code} ${department.name}`,
      `项目 2020-${project.code} ${project.name}`,
    ]);
    expect(objects.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(objects).toContain('示例数据 2020 年度（虚构）');
    expect(objects).toContain('本机设置 轮台县（652822）');
  });

  it('offers every kind that occurs in the log, and filters by it', () => {
    const { db } = countyStore();
    createUnit(db, TEST_ACTOR, { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    const page = auditPage(db, { ...everything, entity: 'unit' });
    const kinds = page.kinds.map((k) => k.value);
    expect(kinds.sort()).toEqual([...new Set(db.select({ e: auditLog.entity }).from(auditLog).all().map((r) => r.e))].sort());
    expect(page.kinds).toContainEqual({ value: 'unit', label: '预算单位' });
    expect(page.rows.map((r) => `${r.kind} ${r.object} ${r.action}`)).toEqual(['预算单位 101001 轮台县教育局 新增单位']);
  });

  it('pages newest first and keeps a page past the end on the last page', () => {
    const { db } = countyStore();
    for (let i = 1; i <= 25; i++) recordAudit(db, TEST_ACTOR, { entity: 'operator', naturalKey: `操作员${i}`, action: '新增操作员' });
    const total = auditPage(db, everything).total;
    const second = auditPage(db, { page: 2, pageSize: 10 });
    expect(second).toMatchObject({ total, page: 2, pageSize: 10 });
    expect(second.rows.map((r) => r.object)).toEqual(Array.from({ length: 10 }, (_, i) => `操作员${15 - i}`));
    const last = Math.ceil(total / 10);
    expect(auditPage(db, { page: 99, pageSize: 10 }).page).toBe(last);
  });

  it('keeps the entries of a range of local dates, both ends included', () => {
    const { db } = countyStore();
    const at = (local: string) => new Date(local).toISOString();
    for (const [day, time] of [['2026-11-29', '23:59:00'], ['2026-11-30', '00:00:01'], ['2026-12-01', '23:59:59'], ['2026-12-02', '00:00:00']]) {
      db.insert(auditLog).values({ operatorName: '张三', entity: 'setting', naturalKey: 'results.cutFair', action: `修改于 ${day}`, at: at(`${day}T${time}`) }).run();
    }
    const actions = auditPage(db, { ...everything, entity: 'setting', from: '2026-11-30', to: '2026-12-01' }).rows.map((r) => r.action);
    expect(actions).toEqual(['修改于 2026-12-01', '修改于 2026-11-30']);
    expect(() => auditPage(db, { ...everything, from: '2026-12-02', to: '2026-12-01' })).toThrow('开始日期 2026-12-02 晚于结束日期 2026-12-01，请调换或改正');
  });

  it('exports the filtered log to a real xlsx with the same words as the screen', () => {
    const { db } = countyStore();
    createUnit(db, TEST_ACTOR, { code: '101001', name: '轮台县教育局', departmentCode: null, isDepartment: true });
    updateSetting(db, TEST_ACTOR, 'results.cutFair', '15');
    const book = XLSX.read(auditWorkbook(db, { entity: 'unit' }), { type: 'array' });
    expect(book.SheetNames).toEqual(['操作日志']);
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['操作日志']!, { header: 1 });
    expect(rows[0]).toEqual(['时间', '操作员', '对象类型', '对象', '动作', '意见']);
    expect(rows.slice(1).map((r) => r.slice(1, 5))).toEqual([['测试员', '预算单位', '101001 轮台县教育局', '新增单位']]);
    expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});
