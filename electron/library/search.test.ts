import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/open';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { generateLibrary } from '../testSupport/library';
import { createIndicator, searchIndicators, updateIndicator } from './indicators';
import { seedStarterLibrary } from './starter';

const names = (result: { indicators: { name: string }[] }) => result.indicators.map((i) => i.name);

function starterStore() {
  const store = countyStore();
  seedStarterLibrary(store.db, TEST_ACTOR);
  return store;
}

describe('library search (FTS5 trigram)', () => {
  it('finds an indicator by three or more characters from the middle of its Chinese name', () => {
    const { db } = starterStore();
    expect(names(searchIndicators(db, { text: '通硬化路' }))).toEqual(['具备条件的行政村通硬化路率']);
    expect(names(searchIndicators(db, { text: '寄宿生' }))).toEqual(['资助家庭经济困难寄宿生人数', '小学寄宿生生活补助标准']);
  });

  it('finds one- and two-character words, which the trigram index cannot, by LIKE', () => {
    const { db } = starterStore();
    expect(names(searchIndicators(db, { text: '厕所' }))).toEqual(['新建（改造）公共厕所数量', '农村卫生厕所普及率']);
    expect(names(searchIndicators(db, { text: '渠' }))).toEqual(['新建（改造）防渗渠道长度', '配套渠系建筑物数量', '每公里渠道防渗改造成本']);
  });

  it('requires every word when several are typed, and matches the start of a code', () => {
    const { db } = starterStore();
    expect(names(searchIndicators(db, { text: '验收 校舍' }))).toEqual([]);
    expect(names(searchIndicators(db, { text: '工程 按期', projectTypeCode: 'JY03' }))).toEqual(['工程按期完工率']);
    expect(searchIndicators(db, { text: 'jt01-00' }).indicators.map((i) => i.code)).toEqual(
      ['JT01-001', 'JT01-002', 'JT01-003', 'JT01-004', 'JT01-005', 'JT01-006', 'JT01-007', 'JT01-008', 'JT01-009'],
    );
  });

  it('narrows by project type and status and reports the total beyond the limit', () => {
    const { db } = starterStore();
    const inType = searchIndicators(db, { projectTypeCode: 'SB02' });
    expect(inType.total).toBe(10);
    expect(inType.indicators.every((i) => i.projectTypeCode === 'SB02')).toBe(true);
    expect(searchIndicators(db, { status: 'draft' }).total).toBe(0);
    const limited = searchIndicators(db, { text: '率', limit: 5 });
    expect(limited.indicators).toHaveLength(5);
    expect(limited.total).toBeGreaterThan(50);
  });

  it('treats quotes, FTS operators and LIKE wildcards in the search box as plain text', () => {
    const { db } = starterStore();
    for (const text of ['"三公', 'AND OR NOT', 'name:*', '100%', '_ _', '（改建）"']) {
      expect(() => searchIndicators(db, { text })).not.toThrow();
    }
    expect(names(searchIndicators(db, { text: '“三公”' }))).toEqual(['“三公”经费支出增长率']);
    expect(searchIndicators(db, { text: '%' }).total).toBe(0);
  });

  it('keeps the index in step with new, renamed and deleted indicators', () => {
    const store = starterStore();
    const { db } = store;
    const created = createIndicator(db, TEST_ACTOR, {
      projectTypeCode: 'JT01', level1: '产出指标', level2: '数量指标', name: '安装波形护栏长度', operator: '≥',
      referenceValue: '3', unit: '公里', definition: '', basis: '计划标准',
    });
    expect(names(searchIndicators(db, { text: '波形护栏' }))).toEqual(['安装波形护栏长度']);
    updateIndicator(db, TEST_ACTOR, { ...created, name: '安装钢筋混凝土护栏长度' });
    expect(searchIndicators(db, { text: '波形护栏' }).total).toBe(0);
    expect(names(searchIndicators(db, { text: '混凝土护' }))).toEqual(['安装钢筋混凝土护栏长度']);
    sqliteOf(db).prepare('DELETE FROM library_indicators WHERE id = ?').run(created.id);
    expect(searchIndicators(db, { text: '混凝土护' }).total).toBe(0);
    expect(sqliteOf(db).prepare("INSERT INTO library_indicators_fts(library_indicators_fts) VALUES ('integrity-check')").run()).toBeTruthy();
  });
});

describe('library search at 10,000 indicators', () => {
  it('finds every indicator whose name contains a partial Chinese name, by trigram and by LIKE', () => {
    const { db } = countyStore();
    const all = generateLibrary(db, 10_000);
    const needle = createIndicator(db, TEST_ACTOR, {
      projectTypeCode: 'G007', level1: '效益指标', level2: '生态效益指标', name: '乡镇卫生院污水处理设施达标排放率', operator: '≥',
      referenceValue: '95', unit: '%', definition: '', basis: '行业标准',
    });
    expect(searchIndicators(db, {}).total).toBe(10_001);
    expect(searchIndicators(db, { text: '污水处理' }).indicators.map((i) => i.id)).toEqual([needle.id]);
    expect(searchIndicators(db, { text: '卫生院污' }).indicators.map((i) => i.id)).toEqual([needle.id]);

    for (const partial of ['供水管网验收', '厕所覆盖', '灌区桥梁', '第1234批', '网', '护率']) {
      const expected = all.filter((name) => name.includes(partial)).length;
      const found = searchIndicators(db, { text: partial, limit: 10_000 });
      expect(found.total, partial).toBe(expected);
      expect(found.indicators.every((i) => i.name.includes(partial)), partial).toBe(true);
    }
    expect(searchIndicators(db, { text: '供水管网验收' }).total).toBe(100);
  });
});
