import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { initInstallation } from '../registry/setup';
import { countyStore, freshStore, TEST_ACTOR } from '../testSupport/fixtures';
import { allIndicators, createIndicator, searchIndicators, suggestedIndicators } from './indicators';
import {
  applyLibraryPackage,
  encodeLibraryPackage,
  libraryPackage,
  previewLibraryPackage,
  readLibraryPackage,
  type LibraryPackage,
} from './package';
import { createProjectType } from './projectTypes';
import { confirmIndicators, proposeIndicator, retireIndicator } from './review';
import { seedStarterLibrary } from './starter';
import { listLibraryVersions } from './versions';

const PREFECTURE_OFFICE = { id: null, name: '州绩效科' };

/** 巴音郭楞州 with the starter library plus its own type and indicator, and one starter indicator retired. */
function prefectureLibrary() {
  const { db } = freshStore();
  initInstallation(db, { regionCode: '652800', role: 'prefecture', operatorName: '州管理员' });
  seedStarterLibrary(db, PREFECTURE_OFFICE);
  createProjectType(db, PREFECTURE_OFFICE, { code: 'JT03', name: '桥梁维修加固', sector: '交通运输', description: '危桥改造和桥梁加固。' });
  const bridge = createIndicator(db, PREFECTURE_OFFICE, {
    projectTypeCode: 'JT03', level1: '产出指标', level2: '数量指标', name: '维修加固桥梁数量', operator: '≥',
    referenceValue: '3', unit: '座', definition: '年度内完成维修加固并通过验收的桥梁座数。', basis: '计划标准',
  });
  proposeIndicator(db, PREFECTURE_OFFICE, { id: bridge.id });
  confirmIndicators(db, PREFECTURE_OFFICE, { ids: [bridge.id], note: '新增桥梁维修加固类型' });
  retireIndicator(db, PREFECTURE_OFFICE, { id: suggestedIndicators(db, 'JY01')[0]!.id, reason: '政策调整' });
  return db;
}

function countyWithStarter() {
  const { db } = countyStore();
  seedStarterLibrary(db, TEST_ACTOR);
  return db;
}

const roundTrip = (pkg: LibraryPackage) => readLibraryPackage(encodeLibraryPackage(pkg));

describe('library version file: the prefecture issues, the county applies', () => {
  it('exports the published library with its version, issuer and retirements, but no drafts', () => {
    const db = prefectureLibrary();
    createIndicator(db, PREFECTURE_OFFICE, {
      projectTypeCode: 'JT03', level1: '产出指标', level2: '质量指标', name: '草稿中的指标', operator: '=', referenceValue: '100', unit: '%', definition: '', basis: '计划标准',
    });
    const pkg = roundTrip(libraryPackage(db));
    expect(pkg).toMatchObject({ format: 'jixiao-library', version: 3, source: '652800', sourceName: '巴音郭楞蒙古自治州' });
    expect(pkg.note).toMatch(/^停用指标：/);
    expect(pkg.indicators.map((i) => i.name)).not.toContain('草稿中的指标');
    expect(pkg.indicators.find((i) => i.code === 'JY01-001')?.status).toBe('retired');
    expect(pkg.indicators.find((i) => i.code === 'JT03-652800-001')).toMatchObject({ status: 'accepted', name: '维修加固桥梁数量' });
    expect(pkg.projectTypes.map((t) => t.code)).toContain('JT03');
  });

  it('carries each indicator’s accrual kind to the county, and gives a file without them the defaults', () => {
    const db = prefectureLibrary();
    const pkg = roundTrip(libraryPackage(db));
    expect(pkg.indicators.find((i) => i.code === 'JT03-652800-001')?.accrual).toBe('cumulative');
    expect(pkg.indicators.find((i) => i.code === 'SB02-006')?.accrual).toBe('level');
    const chosen = { ...pkg, indicators: pkg.indicators.map((i) => (i.code === 'JT03-652800-001' ? { ...i, accrual: 'level' as const } : i)) };
    const county = countyWithStarter();
    applyLibraryPackage(county, TEST_ACTOR, roundTrip(chosen), 'v3.json');
    expect(allIndicators(county).find((i) => i.code === 'JT03-652800-001')?.accrual).toBe('level');
    const old = { ...pkg, indicators: pkg.indicators.map(({ accrual: _accrual, ...i }) => i) };
    const fresh = countyWithStarter();
    applyLibraryPackage(fresh, TEST_ACTOR, roundTrip(old), 'old.json');
    const accruals = new Map(allIndicators(fresh).map((i) => [i.code, i.accrual]));
    expect([accruals.get('JT03-652800-001'), accruals.get('SB02-006')]).toEqual(['cumulative', 'level']);
  });

  it('previews what a county would create, update and leave, then applies it keeping the issuer’s number', () => {
    const pkg = roundTrip(libraryPackage(prefectureLibrary()));
    const county = countyWithStarter();
    const total = pkg.indicators.length;

    const preview = previewLibraryPackage(county, pkg);
    expect(preview).toMatchObject({
      version: 3,
      source: '652800',
      refusal: null,
      problems: [],
      projectTypes: { create: 1, update: 0, unchanged: pkg.projectTypes.length - 1 },
      indicators: { create: 1, update: 1, unchanged: total - 2 },
    });
    expect(preview.changes).toEqual([
      { kind: '项目类型', code: 'JT03', name: '桥梁维修加固', action: 'create' },
      { kind: '指标', code: 'JT03-652800-001', name: '维修加固桥梁数量', action: 'create' },
      { kind: '指标', code: 'JY01-001', name: '资助家庭经济困难寄宿生人数', action: 'update' },
    ]);
    expect(searchIndicators(county, { text: '桥梁数量' }).total).toBe(0);

    const result = applyLibraryPackage(county, TEST_ACTOR, pkg, '指标库.json');
    expect(result.libraryVersion).toBe(2);
    expect(listLibraryVersions(county)[0]).toMatchObject({ version: 2, source: '652800', sourceVersion: 3, note: pkg.note });
    expect(suggestedIndicators(county, 'JT03')).toEqual([expect.objectContaining({ code: 'JT03-652800-001', libraryVersion: 2 })]);
    expect(searchIndicators(county, { text: '桥梁数量' }).total).toBe(1);
    expect(allIndicators(county).find((i) => i.code === 'JY01-001')?.status).toBe('retired');
    expect(listAudit(county, { entity: 'library_version', naturalKey: '2', limit: 5 }).map((a) => a.action)).toContain('导入指标库版本');
  });

  it('refuses the same version twice, an older one, and the county’s own export', () => {
    const prefecture = prefectureLibrary();
    const older = roundTrip(libraryPackage(prefecture));
    const county = countyWithStarter();
    const newer = { ...older, version: 4 };
    applyLibraryPackage(county, TEST_ACTOR, newer, 'v4.json');
    expect(previewLibraryPackage(county, newer).refusal).toMatch(/^已于 \d{4}-\d\d-\d\d 导入过巴音郭楞蒙古自治州的第 4 版（本机第 2 版），无需重复导入$/);
    expect(() => applyLibraryPackage(county, TEST_ACTOR, newer, 'v4.json')).toThrow(/无需重复导入/);
    expect(() => applyLibraryPackage(county, TEST_ACTOR, older, 'v3.json')).toThrow('该文件是巴音郭楞蒙古自治州的第 3 版，本机已导入更新的第 4 版，不能用旧版本覆盖');
    const own = roundTrip(libraryPackage(county));
    expect(previewLibraryPackage(county, own).refusal).toBe('这是本机导出的指标库版本，不需要导入本机');
    expect(listLibraryVersions(county)).toHaveLength(2);
  });

  it('lists every problem inside a file and applies nothing of it', () => {
    const pkg = roundTrip(libraryPackage(prefectureLibrary()));
    pkg.indicators[0] = { ...pkg.indicators[0]!, referenceValue: '很多' };
    pkg.indicators[1] = { ...pkg.indicators[1]!, projectTypeCode: 'ZZ99' };
    pkg.indicators[2] = { ...pkg.indicators[2]!, code: pkg.indicators[3]!.code };
    const county = countyWithStarter();
    const { problems } = previewLibraryPackage(county, pkg);
    expect(problems).toEqual([
      `指标 ${pkg.indicators[0]!.code}（${pkg.indicators[0]!.name}）：定量指标的参考值应为数字`,
      `指标 ${pkg.indicators[1]!.code}（${pkg.indicators[1]!.name}）：项目类型 ZZ99 不在文件和本机中`,
      `指标 ${pkg.indicators[3]!.code}（${pkg.indicators[3]!.name}）：指标编码重复出现`,
    ]);
    expect(() => applyLibraryPackage(county, TEST_ACTOR, pkg, 'bad.json')).toThrow(/有 3 处问题，未导入/);
    expect(listLibraryVersions(county)).toHaveLength(1);
    expect(searchIndicators(county, { projectTypeCode: 'JT03' }).total).toBe(0);
  });

  it('refuses a file that is not a library version, or one from a newer program', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(() => readLibraryPackage(bytes('单位编码,单位名称'))).toThrow('该文件不是指标库版本文件（应为本软件导出的 .json 文件）');
    expect(() => readLibraryPackage(bytes('{"format":"jixiao-package"}'))).toThrow(/不是指标库版本文件/);
    expect(() => readLibraryPackage(bytes('{"format":"jixiao-library","formatVersion":2}'))).toThrow('该文件由更新版本的绩效软件导出（格式第 2 版），请先升级本软件');
    expect(() => readLibraryPackage(bytes('{"format":"jixiao-library","formatVersion":1,"version":1,"source":"652800","projectTypes":[]}'))).toThrow(
      /^指标库版本文件内容不完整：indicators/,
    );
  });

  it('refuses to export a library that has never published a version', () => {
    expect(() => libraryPackage(countyStore().db)).toThrow(/还没有发布过版本/);
  });
});
