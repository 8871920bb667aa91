import { describe, expect, it } from 'vitest';
import type { ProjectTypeSummary } from '../../../../electron/library/contract';
import { groupBySector, statusCounts, versionSource } from './libraryView';

const type = (code: string, sector: string, accepted: number, proposed = 0): ProjectTypeSummary => ({
  id: code, code, name: code, sector, description: '', version: 1, counts: { draft: 0, proposed, accepted, retired: 0 },
});

describe('the library page view', () => {
  it('groups types under their sectors in the sector list’s order', () => {
    const groups = groupBySector([type('XZ01', '行政运行', 1), type('JY01', '教育', 2), type('QT01', '自定义', 1), type('JY02', '教育', 3)]);
    expect(groups.map((g) => [g.sector, g.types.map((t) => t.code)])).toEqual([
      ['教育', ['JY01', 'JY02']],
      ['行政运行', ['XZ01']],
      ['自定义', ['QT01']],
    ]);
  });

  it('counts statuses for one type or the whole library', () => {
    const types = [type('JY01', '教育', 10, 2), type('JY02', '教育', 5)];
    expect(statusCounts(types, null)).toEqual({ draft: 0, proposed: 2, accepted: 15, retired: 0 });
    expect(statusCounts(types, 'JY02')).toEqual({ draft: 0, proposed: 0, accepted: 5, retired: 0 });
  });

  it('names where a version came from', () => {
    const names = (code: string) => (code === '652800' ? '巴音郭楞蒙古自治州' : undefined);
    expect(versionSource({ source: 'local', sourceVersion: null }, names)).toBe('本机确认');
    expect(versionSource({ source: 'starter', sourceVersion: 1 }, names)).toBe('随软件提供的初始指标库');
    expect(versionSource({ source: '652800', sourceVersion: 7 }, names)).toBe('巴音郭楞蒙古自治州下发（第 7 版）');
    expect(versionSource({ source: '659000', sourceVersion: null }, names)).toBe('659000下发');
  });
});
