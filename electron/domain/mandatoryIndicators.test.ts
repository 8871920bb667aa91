import { describe, expect, it } from 'vitest';
import {
  completedWithMandatory,
  mandatoryChangeRefusal,
  mandatoryRenameProblem,
  mandatoryScopes,
  mandatoryProblems,
  mandatoryRow,
  recognisedMandatory,
  renamesMandatory,
  withMandatory,
  type MandatoryIndicator,
} from './mandatoryIndicators';
import type { TargetIndicator } from './targets';

const row = (over: Partial<TargetIndicator> = {}): TargetIndicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '带动脱贫人口',
  operator: '≥',
  value: '',
  unit: '人',
  definition: '',
  basis: '计划标准',
  weight: '',
  accrual: 'cumulative',
  libraryCode: 'XC01-001',
  ...over,
});

const people: MandatoryIndicator = { libraryCode: 'XC01-001', row: row(), rule: '衔接资金项目的固化指标' };
const progress: MandatoryIndicator = { libraryCode: 'XC01-002', row: row({ name: '资金支出进度', unit: '%', libraryCode: 'XC01-002' }), rule: '衔接资金项目的固化指标' };
const mandatory = [people, progress];

describe('which sets bind a project', () => {
  it('binds a 衔接资金 project by its fund flag and any project by its own type', () => {
    expect(mandatoryScopes({ projectTypeCode: 'JY01', povertyFund: true })).toEqual([
      { scope: 'fund', code: 'poverty' },
      { scope: 'projectType', code: 'JY01' },
    ]);
    expect(mandatoryScopes({ projectTypeCode: 'JY01', povertyFund: false })).toEqual([{ scope: 'projectType', code: 'JY01' }]);
    expect(mandatoryScopes({ projectTypeCode: null, povertyFund: false })).toEqual([]);
  });

  it('starts a row with the set’s direction, and a qualitative one without a unit', () => {
    expect(mandatoryRow(row(), '')).toEqual(row());
    expect(mandatoryRow(row(), '>')).toMatchObject({ operator: '>', unit: '人' });
    expect(mandatoryRow(row(), '定性')).toMatchObject({ operator: '定性', unit: '' });
  });
});

describe('a new target', () => {
  it('starts with the mandatory rows first, replacing a suggestion of the same library indicator', () => {
    const typed = row({ libraryCode: 'JY01-001', name: '受益学生' });
    const started = withMandatory([row({ operator: '=' }), typed], mandatory);
    expect(started.map((r) => [r.name, r.operator])).toEqual([
      ['带动脱贫人口', '≥'],
      ['资金支出进度', '≥'],
      ['受益学生', '≥'],
    ]);
  });
});

describe('removing or renaming a mandatory indicator', () => {
  const held = [row({ value: '500' }), progress.row];

  it('refuses a removal, naming the indicator and its rule', () => {
    expect(mandatoryChangeRefusal(held, [progress.row], mandatory)).toBe('“带动脱贫人口”（衔接资金项目的固化指标）是指标库设定的固化指标，不能删除；指标值可以修改');
  });

  it('refuses a renaming', () => {
    expect(mandatoryChangeRefusal(held, [row({ name: '带动人口' }), progress.row], mandatory)).toMatch(/“带动脱贫人口”.*三级指标名称不能修改/);
  });

  it('lets the unit change the value, unit and weight, and leaves an older target lacking one alone', () => {
    expect(mandatoryChangeRefusal(held, [row({ value: '800', unit: '户', weight: '20' }), progress.row], mandatory)).toBeNull();
    expect(mandatoryChangeRefusal([progress.row], [progress.row], mandatory)).toBeNull();
  });
});

describe('submitting without a mandatory indicator', () => {
  it('is a problem naming every missing one', () => {
    expect(mandatoryProblems([progress.row], mandatory)).toEqual([
      { area: 'indicators', message: '缺少固化指标 “带动脱贫人口”（衔接资金项目的固化指标）：请从指标库添加，固化指标不能省略' },
    ]);
    expect(mandatoryProblems([people.row, progress.row], mandatory)).toEqual([]);
  });
});

describe('an Excel file’s rows and the mandatory indicators', () => {
  it('takes a row for the mandatory indicator its 指标库编码 names, else one without a code by its name', () => {
    expect(recognisedMandatory({ libraryCode: 'XC01-002', name: '支出进度（改）' }, mandatory)).toBe(progress);
    expect(recognisedMandatory({ libraryCode: null, name: ' 带动脱贫人口 ' }, mandatory)).toBe(people);
    expect(recognisedMandatory({ libraryCode: 'JY01-001', name: '带动脱贫人口' }, mandatory)).toBeNull();
    expect(recognisedMandatory({ libraryCode: null, name: '受益学生' }, mandatory)).toBeNull();
  });

  it('locks only the level-3 name: a new value or direction is the unit’s', () => {
    expect(renamesMandatory({ name: '支出进度（改）' }, progress)).toBe(true);
    expect(renamesMandatory(row({ operator: '>', value: '600', level1: '效益指标' }), people)).toBe(false);
    expect(mandatoryRenameProblem(progress)).toBe('“资金支出进度”（衔接资金项目的固化指标）是指标库设定的固化指标，三级指标名称不能修改，请改回“资金支出进度”；指标值可以修改');
  });

  it('adds the mandatory indicators a file lacks in front, keeping the rows it has as they are', () => {
    const typed = row({ libraryCode: null, name: '受益学生' });
    const carried = row({ value: '500' });
    const { indicators, added } = completedWithMandatory([typed, carried], mandatory);
    expect(added).toEqual([progress]);
    expect(indicators.map((r) => [r.name, r.value])).toEqual([
      ['资金支出进度', ''],
      ['受益学生', ''],
      ['带动脱贫人口', '500'],
    ]);
    expect(completedWithMandatory([carried, progress.row], mandatory).added).toEqual([]);
    // A row the target already held keeps the value the unit gave it.
    const held = row({ name: '资金支出进度', unit: '%', libraryCode: 'XC01-002', value: '90' });
    expect(completedWithMandatory([typed, carried], mandatory, [held]).indicators[0]!.value).toBe('90');
  });
});
