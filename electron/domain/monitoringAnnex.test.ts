import { describe, expect, it } from 'vitest';
import { annexFundRows, deviationText, monitoringAnnexGrid, placeCells, type AnnexSheet } from './monitoringAnnex';
import { gridCoverage } from '../testSupport/gridCoverage';

const sheet = (over: Partial<AnnexSheet> = {}): AnnexSheet => ({
  year: 2020,
  month: 8,
  projectName: '校舍维修改造',
  projectCode: 'LT2020-002',
  departmentName: '轮台县教育局',
  departmentCode: '101001',
  unitName: '轮台县第一中学',
  funds: [
    { source: '本级财政拨款', group: 'fiscal', initialFen: 200, adjustedFen: 240, executedFen: 80, forecastFen: 220 },
    { source: '单位资金', group: 'other', initialFen: 10, adjustedFen: 10, executedFen: 0, forecastFen: null },
  ],
  budget: { reasons: [], reasonOther: '', measures: '' },
  goal: '完成三所学校校舍维修',
  goalProgress: '',
  analysis: '',
  remarks: '',
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '维修面积', operator: '≥', target: '3000', unit: '平方米', reached: '1000', expectedFullYear: '3000', likelihood: '有可能', reasons: [], reasonOther: '', measures: '' },
    { level1: '产出指标', level2: '数量指标', name: '维修学校', operator: '≥', target: '3', unit: '所', reached: '1', expectedFullYear: '3', likelihood: '有可能', reasons: [], reasonOther: '', measures: '' },
    { level1: '效益指标', level2: '社会效益指标', name: '安全隐患', operator: '定性', target: '消除', unit: '', reached: '达成目标', expectedFullYear: '', likelihood: '确定能', reasons: [], reasonOther: '', measures: '' },
  ],
  ...over,
});

describe('the 136号 annex grid', () => {
  it('covers all 16 columns on every row, with and without indicators', () => {
    expect(new Set(gridCoverage(monitoringAnnexGrid(sheet()).rows))).toEqual(new Set([16]));
    expect(new Set(gridCoverage(monitoringAnnexGrid(sheet({ indicators: [] })).rows))).toEqual(new Set([16]));
  });

  it('spans 一级 and 二级 over the indicators that share them', () => {
    const rows = monitoringAnnexGrid(sheet()).rows;
    const first = rows.findIndex((r) => r.some((c) => c?.text === '维修面积'));
    expect(rows[first]![1]).toMatchObject({ text: '产出指标', rowSpan: 2 });
    expect(rows[first]![2]).toMatchObject({ text: '数量指标', rowSpan: 2 });
    expect(rows[first + 1]![1]).toBeNull();
    expect(rows[first + 2]![1]).toMatchObject({ text: '效益指标', rowSpan: 1 });
  });

  it('groups the fund sources into 年度资金总额, 财政拨款 and 其他资金; a total forecast only when every source has one', () => {
    expect(annexFundRows(sheet().funds).map((r) => [r.label, r.figures.adjustedFen, r.figures.forecastFen])).toEqual([
      ['年度资金总额', 250, null],
      ['其中：财政拨款', 240, 220],
      ['其他资金', 10, null],
    ]);
  });

  it('writes a deviation as its reasons, 其他 with its text, then the measures', () => {
    expect(deviationText({ reasons: ['政策调整', '其他'], reasonOther: '配套未到位', measures: '督促落实' })).toBe('原因：政策调整、其他（配套未到位）；措施：督促落实');
    expect(deviationText({ reasons: [], reasonOther: '', measures: '' })).toBe('');
  });

  it('refuses a row with more cells than the grid has columns', () => {
    expect(() => placeCells([[{ text: 'a', colSpan: 2 }, { text: 'b' }]], 2)).toThrow(RangeError);
  });
});
