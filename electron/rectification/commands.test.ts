// `jixiao rectification list` on a real database file: each notice with its number, source and record,
// unit, deadline, status and days overdue; --overdue keeps the late ones, --year one year.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from '../../db/open';
import { seedCounty } from '../testSupport/county';
import { runCli } from '../testSupport/cli';
import { countyStore, daysFromToday, TEST_ACTOR } from '../testSupport/fixtures';
import { ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { issueRectification, openRectification } from './notices';

function countyFile(): string {
  const store = countyStore();
  seedCounty(store.db, { units: ROAD_AND_SCHOOL_UNITS, projects: [] });
  const open = (sourceId: string, year: number) =>
    openRectification(store.db, TEST_ACTOR, { problems: '执行进度滞后', requirements: '', deadline: daysFromToday(10) }, () => ({
      source: 'monitoring', sourceId, label: `${year}年8月监控 · ${sourceId}`, regionCode: '652822', year, projectId: null, unitCode: '301002', subject: sourceId, occasion: '本轮', audit: {},
    }));
  const late = open('LT-1', 2020);
  issueRectification(store.db, TEST_ACTOR, late);
  open('LT-2', 2020);
  open('LT-3', 2021);
  store.sqlite.prepare('UPDATE rectifications SET deadline = ? WHERE id = ?').run(daysFromToday(-4), late.id);
  closeDatabase(store);
  return store.path;
}

describe('jixiao rectification list', () => {
  it('prints every notice as JSON, and only the overdue ones of a year with --overdue', async () => {
    const db = countyFile();
    const all = await runCli('--db', db, 'rectification', 'list', '--json');
    expect(all.code).toBe(0);
    expect((JSON.parse(all.out) as { number: string }[]).map((n) => n.number)).toEqual(['〔2021〕1号', '〔2020〕2号', '〔2020〕1号']);
    const overdue = await runCli('--db', db, 'rectification', 'list', '--year', '2020', '--overdue', '--json');
    expect(JSON.parse(overdue.out)).toEqual([
      { number: '〔2020〕1号', source: 'monitoring', sourceLabel: '2020年8月监控 · LT-1', sourceId: 'LT-1', unitCode: '301002', unitName: '轮台县农村公路管理站', deadline: daysFromToday(-4), status: 'issued', daysOverdue: 4 },
    ]);
  });

  it('prints a readable table, says when nothing is overdue, and refuses a bad year', async () => {
    const db = countyFile();
    const text = await runCli('--db', db, 'rectification', 'list', '--year', '2020');
    expect(text.out.split('\n').filter(Boolean)).toEqual([
      `〔2020〕2号\t绩效监控\t2020年8月监控 · LT-2\t轮台县农村公路管理站（301002）\t${daysFromToday(10)}\t待下达\t进行中`,
      `〔2020〕1号\t绩效监控\t2020年8月监控 · LT-1\t轮台县农村公路管理站（301002）\t${daysFromToday(-4)}\t已下达\t逾期 4 天`,
    ]);
    expect((await runCli('--db', db, 'rectification', 'list', '--year', '2021', '--overdue')).out.trim()).toBe('没有逾期未通过的整改通知');
    const bad = await runCli('--db', db, 'rectification', 'list', '--year', '二〇二〇');
    expect([bad.code, bad.err.trim()]).toEqual([2, '用法错误：年度“二〇二〇”不正确，应为 2000–2100 之间的整数']);
  });
});
