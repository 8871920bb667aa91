import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sqliteOf, type Db, type Store } from '../../db/open';
import { libraryIndicators } from '../../db/schema';
import { importPackage } from '../exchange/incoming';
import { exportReply, exportReport } from '../exchange/outgoing';
import { initInstallation } from '../registry/setup';
import { seedCounty } from '../testSupport/county';
import { countyStore, freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { addProject, ROAD_AND_SCHOOL_UNITS } from '../testSupport/projects';
import { ROAD_TYPE, seedRoadType } from '../testSupport/roadType';
import { proposeAdjustment } from '../targets';
import { projectTarget, saveTarget, transitionTarget } from '../targets/targets';
import { addMandatory, listMandatory, mandatoryFor, removeMandatory } from './mandatory';
import { seedStarterLibrary } from './starter';
import { listLibraryVersions } from './versions';

/** Two accepted county indicators of the road type that the 衔接资金 set will name. */
function seedPovertyIndicators(db: Db): void {
  const rows: [string, string, string, string, string][] = [
    ['L101', '产出指标', '数量指标', '带动脱贫人口', '人'],
    ['L102', '产出指标', '时效指标', '资金支出进度', '%'],
  ];
  for (const [code, level1, level2, name, unit] of rows) {
    db.insert(libraryIndicators).values({ id: randomUUID(), code, projectTypeCode: ROAD_TYPE, level1, level2, name, operator: '≥', referenceValue: '', unit, status: 'accepted' }).run();
  }
}

function setUp(povertyFund = true) {
  const { db } = countyStore({ colleagues: true });
  seedCounty(db, { units: ROAD_AND_SCHOOL_UNITS });
  seedRoadType(db);
  seedPovertyIndicators(db);
  addMandatory(db, TEST_ACTOR, { scope: 'fund', scopeCode: 'poverty', indicatorCode: 'L101', operator: '' });
  addMandatory(db, TEST_ACTOR, { scope: 'fund', scopeCode: 'poverty', indicatorCode: 'L102', operator: '≥' });
  const project = addProject(db, { projectTypeCode: ROAD_TYPE, povertyFund });
  return { db, project };
}

const goals = { overallGoal: '完成 12 公里农村公路硬化，带动脱贫人口增收', annualGoals: [] };

describe('固化指标 (mandatory indicators)', () => {
  it('are set per fund kind in the library, each change a library version', () => {
    const { db } = setUp();
    expect(listMandatory(db).map((e) => [e.scopeName, e.indicator.name])).toEqual([
      ['衔接资金', '带动脱贫人口'],
      ['衔接资金', '资金支出进度'],
    ]);
    expect(listLibraryVersions(db).map((v) => v.note).slice(0, 2)).toEqual(['衔接资金项目的固化指标新增“资金支出进度”', '衔接资金项目的固化指标新增“带动脱贫人口”']);
    expect(() => addMandatory(db, TEST_ACTOR, { scope: 'fund', scopeCode: 'poverty', indicatorCode: 'L101', operator: '' })).toThrow('“带动脱贫人口”已经是衔接资金项目的固化指标');
    expect(() => addMandatory(db, TEST_ACTOR, { scope: 'projectType', scopeCode: ROAD_TYPE, indicatorCode: 'L005', operator: '' })).toThrow(/还没有确认入库/);
  });

  it('start a 衔接资金 project’s new target, before its type’s suggestions, and not another project’s', () => {
    const { db, project } = setUp();
    const started = projectTarget(db, project.id);
    expect(started.indicators.map((i) => i.libraryCode)).toEqual(['L101', 'L102', 'L001', 'L002', 'L003', 'L004']);
    expect(started.mandatory.map((m) => [m.row.name, m.rule])).toEqual([
      ['带动脱贫人口', '衔接资金项目的固化指标'],
      ['资金支出进度', '衔接资金项目的固化指标'],
    ]);
    // Another project of the type gets them as ordinary suggestions, removable.
    const plain = setUp(false);
    const other = projectTarget(plain.db, plain.project.id);
    expect(other.indicators.map((i) => i.libraryCode)).toEqual(['L001', 'L002', 'L003', 'L004', 'L101', 'L102']);
    expect(other.mandatory).toEqual([]);
  });

  it('cannot be removed or renamed by a save, which writes nothing; their values are the unit’s', () => {
    const { db, project } = setUp();
    const started = projectTarget(db, project.id);
    const without = started.indicators.filter((i) => i.libraryCode !== 'L101');
    expect(() => saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...goals, indicators: without })).toThrow(
      '“带动脱贫人口”（衔接资金项目的固化指标）是指标库设定的固化指标，不能删除；指标值可以修改',
    );
    expect(projectTarget(db, project.id).id).toBeNull();

    const valued = started.indicators.map((i) => (i.libraryCode === 'L101' ? { ...i, value: '320' } : i.libraryCode === 'L102' ? { ...i, value: '100' } : i));
    const saved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...goals, indicators: valued });
    expect(saved.indicators.find((i) => i.libraryCode === 'L101')).toMatchObject({ value: '320' });
    const renamed = saved.indicators.map((i) => (i.libraryCode === 'L102' ? { ...i, name: '支出进度' } : i));
    expect(() => saveTarget(db, TEST_ACTOR, { projectId: project.id, version: saved.version, ...goals, indicators: renamed })).toThrow(/“资金支出进度”.*三级指标名称不能修改/);
  });

  it('refuse 送审 of an existing target that lacks one, naming it, until it is added', () => {
    const { db, project } = setUp();
    removeMandatory(db, TEST_ACTOR, listMandatory(db).find((e) => e.indicatorCode === 'L102')!);
    const started = projectTarget(db, project.id);
    const filled = started.indicators.flatMap((i) => (i.libraryCode === 'L102' ? [] : i.libraryCode === 'L101' ? [{ ...i, value: '320' }] : [i]));
    const saved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...goals, indicators: filled });
    // The bureau makes 资金支出进度 mandatory again after the unit saved its target without it.
    addMandatory(db, TEST_ACTOR, { scope: 'fund', scopeCode: 'poverty', indicatorCode: 'L102', operator: '' });
    expect(() => transitionTarget(db, TEST_ACTOR, { id: saved.id!, version: saved.version!, action: 'submit' })).toThrow(
      /暂不能送审：缺少固化指标 “资金支出进度”（衔接资金项目的固化指标）/,
    );
    const added = projectTarget(db, project.id);
    const withProgress = [...added.indicators, { ...added.mandatory.find((m) => m.libraryCode === 'L102')!.row, value: '100' }];
    const resaved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: added.version, ...goals, indicators: withProgress });
    expect(transitionTarget(db, TEST_ACTOR, { id: resaved.id!, version: resaved.version!, action: 'submit' }).status).toBe('submitted');
  });

  it('cannot be taken out by a target adjustment', () => {
    const { db, project } = setUp();
    const started = projectTarget(db, project.id);
    const filled = started.indicators.map((i) => ({ ...i, value: i.value || '100' }));
    const saved = saveTarget(db, TEST_ACTOR, { projectId: project.id, version: null, ...goals, indicators: filled });
    sqliteOf(db).prepare("UPDATE targets SET status = 'approved' WHERE id = ?").run(saved.id);
    const proposed = { ...goals, indicators: filled.filter((i) => i.libraryCode !== 'L101') };
    expect(() => proposeAdjustment(db, TEST_ACTOR, { targetId: saved.id!, targetVersion: saved.version!, reason: '调整', proposed })).toThrow(/目标调整不能去掉固化指标：“带动脱贫人口”/);
  });
});

describe('固化指标 in the library update package', () => {
  const county = (dir: string): Store => {
    const store = freshStore(path.join(dir, 'county.db'));
    initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
    seedCounty(store.db, { units: [{ code: '101001', name: '轮台县教育局' }] });
    return store;
  };
  const prefecture = (dir: string): Store => {
    const store = freshStore(path.join(dir, 'prefecture.db'));
    initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
    return store;
  };
  const importInto = (store: Store, file: string) => importPackage(store, TEST_ACTOR, file, { dryRun: false, trust: true });

  it('go down from the prefecture to its county, and so does their removal', () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    seedStarterLibrary(c.db, TEST_ACTOR);
    seedStarterLibrary(pref.db, TEST_ACTOR);
    importInto(pref, exportReport(c, TEST_ACTOR, { year: 2020, stage: 'targets', full: false, out: path.join(dir, 'report.zip') }).file);
    const update = (name: string) => exportReply(pref, TEST_ACTOR, { county: '652822', year: 2020, stage: 'library', full: false, out: path.join(dir, name) }).file;

    addMandatory(pref.db, TEST_ACTOR, { scope: 'fund', scopeCode: 'poverty', indicatorCode: 'XC01-002', operator: '≥' });
    expect(importInto(c, update('library-1.zip')).counts).toMatchObject({ created: 1, conflict: 0 });
    expect(mandatoryFor(c.db, { projectTypeCode: 'JY01', povertyFund: true }).map((m) => [m.libraryCode, m.row.name, m.rule])).toEqual([
      ['XC01-002', '带动脱贫户和监测户户数', '衔接资金项目的固化指标'],
    ]);
    expect(listLibraryVersions(c.db)[0]).toMatchObject({ source: '652800', note: expect.stringContaining('下发的固化指标更新') });

    removeMandatory(pref.db, TEST_ACTOR, listMandatory(pref.db)[0]!);
    importInto(c, update('library-2.zip'));
    expect(mandatoryFor(c.db, { projectTypeCode: 'JY01', povertyFund: true })).toEqual([]);
  });
});
