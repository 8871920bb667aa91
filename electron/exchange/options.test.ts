import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { countyStore } from '../testSupport/fixtures';
import { countyTargets } from '../prefecture/reviewLists';
import { exchangeOptions } from './options';

function addReturnedTarget(store: Store, year: number, code: string, opinion: string): void {
  const projectId = randomUUID();
  store.sqlite
    .prepare(`INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES (?, '652822', ?, ?, '校舍维修改造', '101001', '101002')`)
    .run(projectId, year, code);
  store.sqlite
    .prepare(`INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, review_opinion) VALUES (?, '652822', ?, 'project', ?, ?, 'returned', ?)`)
    .run(randomUUID(), year, code, projectId, opinion);
}

describe('数据交换 page options', () => {
  it('labels every kind of record, stage and action in Chinese', () => {
    const options = exchangeOptions(countyStore());
    expect(options.entities).toMatchObject({ unit: '预算单位', project: '项目', target: '绩效目标', 'monitoring-sheet': '监控表', rectification: '整改通知' });
    expect(options.stages).toContainEqual({ value: 'all', label: '全部', upward: true });
    expect(options.kinds['county-report']).toBe('县级上报包');
    expect(options.actions.conflict).toBe('冲突');
  });

  it('offers the years with data and the current year, defaulting to the newest year with data', () => {
    const store = countyStore();
    expect(exchangeOptions(store, new Date('2026-03-01'))).toMatchObject({ years: [2026], defaultYear: 2026 });
    addReturnedTarget(store, 2020, 'P001', '');
    expect(exchangeOptions(store, new Date('2026-03-01'))).toMatchObject({ years: [2026, 2020], defaultYear: 2020 });
  });
});

describe('a county reading its own targets', () => {
  it('sees a returned target with the opinion it came back with', () => {
    const store = countyStore();
    addReturnedTarget(store, 2020, 'P002', '州级审核：数量指标偏低，请调整');
    expect(countyTargets(store, '652822', 2020)).toEqual([
      expect.objectContaining({ ownerCode: 'P002', projectName: '校舍维修改造', status: 'returned', reviewOpinion: '州级审核：数量指标偏低，请调整', decision: null }),
    ]);
  });
});
