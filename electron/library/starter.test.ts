import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { framework } from '../domain/indicators';
import { checkLibraryIndicator, INDICATOR_CODE } from '../domain/library';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { searchIndicators, suggestedIndicators } from './indicators';
import { createProjectType, listProjectTypes } from './projectTypes';
import { seedStarterLibrary, starterLibrary } from './starter';
import { listLibraryVersions } from './versions';

const starter = starterLibrary();
const classic = framework('classic');

describe('the shipped starter library', () => {
  it('covers at least 15 county project types across the sectors the report names, with 150+ indicators', () => {
    expect(starter.projectTypes.length).toBeGreaterThanOrEqual(15);
    expect(starter.indicators.length).toBeGreaterThanOrEqual(150);
    const sectors = new Set(starter.projectTypes.map((t) => t.sector));
    for (const sector of ['教育', '卫生健康', '交通运输', '农业农村', '水利', '乡村振兴', '社会保障', '行政运行']) expect(sectors).toContain(sector);
  });

  it('has only indicators that pass the rules of a target form, with unique well-formed codes', () => {
    const problems = starter.indicators
      .map((i) => ({ code: i.code, problems: checkLibraryIndicator({ ...i, operator: i.operator as '≥', accrual: i.accrual ?? 'cumulative' }, classic) }))
      .filter((p) => Object.keys(p.problems).length > 0);
    expect(problems).toEqual([]);
    expect(starter.indicators.every((i) => INDICATOR_CODE.test(i.code) && i.code.startsWith(`${i.projectTypeCode}-`))).toBe(true);
    expect(new Set(starter.indicators.map((i) => i.code)).size).toBe(starter.indicators.length);
    expect(starter.indicators.every((i) => i.definition.length >= 10)).toBe(true);
  });

  it('gives every type the four outputs, a benefit and a satisfaction target of at least 90%', () => {
    for (const type of starter.projectTypes) {
      const own = starter.indicators.filter((i) => i.projectTypeCode === type.code);
      const level2s = new Set(own.map((i) => i.level2));
      for (const output of ['数量指标', '质量指标', '时效指标', '成本指标']) expect(level2s, `${type.name} ${output}`).toContain(output);
      expect(own.some((i) => i.level1 === '效益指标'), type.name).toBe(true);
      const satisfaction = own.filter((i) => i.level1 === '满意度指标');
      expect(satisfaction.length, type.name).toBeGreaterThan(0);
      for (const s of satisfaction) expect(s.operator === '≥' && Number(s.referenceValue) >= 90 && s.unit === '%', s.name).toBe(true);
    }
  });
});

describe('seedStarterLibrary', () => {
  it('loads the starter into an empty library as accepted version 1, with an audit entry', () => {
    const { db } = countyStore();
    const result = seedStarterLibrary(db, TEST_ACTOR);
    expect(result).toEqual({ seeded: true, libraryVersion: 1, projectTypes: starter.projectTypes.length, indicators: starter.indicators.length });
    expect(listLibraryVersions(db)).toEqual([expect.objectContaining({ version: 1, source: 'starter', sourceVersion: 1, publishedBy: '测试员' })]);
    const roads = suggestedIndicators(db, 'JT01');
    expect(roads.length).toBe(starter.indicators.filter((i) => i.projectTypeCode === 'JT01').length);
    expect(roads.every((i) => i.status === 'accepted' && i.libraryVersion === 1)).toBe(true);
    expect(roads[0]).toMatchObject({ code: 'JT01-001', name: '新建（改建）农村公路里程', operator: '≥', referenceValue: '50', unit: '公里' });
    expect(listAudit(db, { entity: 'library_version', limit: 10 }).map((a) => a.action)).toContain('导入指标库版本');
  });

  it('is idempotent and never touches a library that already has content', () => {
    const { db } = countyStore();
    seedStarterLibrary(db, TEST_ACTOR);
    expect(seedStarterLibrary(db, TEST_ACTOR).seeded).toBe(false);
    expect(searchIndicators(db, {}).total).toBe(starter.indicators.length);
    expect(listLibraryVersions(db)).toHaveLength(1);
  });

  it('leaves a library alone once the bureau has started its own', () => {
    const { db } = countyStore();
    createProjectType(db, TEST_ACTOR, { code: 'QT01', name: '会议培训', sector: '其他', description: '' });
    expect(seedStarterLibrary(db, TEST_ACTOR)).toMatchObject({ seeded: false, libraryVersion: null });
    expect(listProjectTypes(db).map((t) => t.code)).toEqual(['QT01']);
    expect(listLibraryVersions(db)).toEqual([]);
  });

  it('counts each type’s indicators by status for the page’s type list', () => {
    const { db } = countyStore();
    seedStarterLibrary(db, TEST_ACTOR);
    const types = listProjectTypes(db);
    expect(types.map((t) => t.code)).toEqual([...starter.projectTypes.map((t) => t.code)].sort());
    const schools = types.find((t) => t.code === 'JY03')!;
    expect(schools).toMatchObject({ name: '校舍维修改造', sector: '教育', counts: { draft: 0, proposed: 0, accepted: 10, retired: 0 } });
  });
});
