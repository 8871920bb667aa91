// A round whose 学生营养改善计划 sheet has every 136号 field filled, as the annex and 一体化 exports read it.
import { createRound, getSheet, listSheets } from '../monitoring';
import { saveSheet } from '../monitoring/sheets';
import { updateSetting } from '../settings/settings';
import { luntaiApprovedTargets } from './approvedTargets';
import { countyStore, TEST_ACTOR } from './fixtures';

const WAN = 1_000_000;

/**
 * August 2020: 80 of 240 万元 本级 and 10 of 50 万元 自治区 spent, forecast 220 and 50 (20 万元 left over), slow
 * spending explained, 受益学生人次 500 of ≥1200 with its reasons. The 自治区 subsidy counts as 其他资金: the
 * annex's rows follow the bureau's grouping setting.
 */
export function filledNutritionSheet() {
  const store = countyStore();
  const { db } = store;
  luntaiApprovedTargets(db, 2020);
  updateSetting(db, TEST_ACTOR, 'evaluation.fundRow.region', 'other');
  const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const sheet = getSheet(db, listSheets(db, round.id).find((s) => s.projectCode === 'LT2020-001')!.id);
  saveSheet(db, TEST_ACTOR, {
    sheetId: sheet.id,
    version: sheet.version,
    analysis: '受疫情影响，春季学期配餐推迟',
    budget: { reasons: ['政府采购程序', '其他'], reasonOther: '供餐企业招标延期', measures: '九月完成招标' },
    goalProgress: '已向 800 人次学生供餐',
    remarks: '秋季学期集中支付',
    funds: [
      { source: '本级财政拨款', adjustedFen: 240 * WAN, executedFen: 80 * WAN, forecastFen: 220 * WAN },
      { source: '上级补助（自治区）', adjustedFen: 50 * WAN, executedFen: 10 * WAN, forecastFen: 50 * WAN },
    ],
    indicators: sheet.indicators.map((i, n) => ({
      indicatorId: i.indicatorId,
      reached: ['500', '0', '部分达成并具有一定效果'][n]!,
      expectedFullYear: ['1100', '0', ''][n]!,
      likelihood: n === 0 ? '有可能' : '确定能',
      reasons: n === 0 ? ['经费保障', '其他'] : [],
      reasonOther: n === 0 ? '供餐企业未确定' : '',
      measures: n === 0 ? '加快招标' : '',
    })),
  });
  return { db, path: store.path, round, sheet };
}

