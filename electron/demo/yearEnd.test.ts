// The sample county's year end as a whole: its monitoring rounds, the self-evaluations prefilled from
// them, and the Excel tables a few units filled for 自评复核 — each read back through the services a
// user's pages call, on a real sample database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db, type Store } from '../../db/open';
import { assessSheet, satisfies, sheetRules, type Light } from '../domain/monitoring';
import { parseDecimal } from '../domain/ratio';
import { blockRows, parseWrittenTarget } from '../domain/selfEvaluation';
import { listRounds } from '../monitoring/rounds';
import { getSheet, listSheets, type SheetDetail } from '../monitoring/sheets';
import { getReview, listReviews } from '../selfEvaluation/review/reviews';
import { getSelfEvaluation, listSelfEvaluations } from '../selfEvaluation/selfEvaluations';
import { copySampleCounty2020, sampleCountyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { PLANTED_BREAKS } from './externalTables';
import { generateDemoCounty, type DemoSummary } from './generate';

let store: Store;
let db: Db;
let summary: DemoSummary;
let folder: string;

// One copy of the run's sample for the whole file, opened here rather than by the fixtures,
// which close their databases after each test.
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-year-end-'));
  const file = path.join(folder, '示例数据库.db');
  summary = copySampleCounty2020(file);
  store = openDatabase(file);
  db = store.db;
});

afterAll(() => {
  closeDatabase(store);
  fs.rmSync(folder, { recursive: true, force: true });
});

const sheetsOf = (month: number): SheetDetail[] => {
  const round = listRounds(db, 2020).find((r) => r.month === month)!;
  return listSheets(db, round.id).map((row) => getSheet(db, row.id));
};

/** The tier a monitoring result names, as domain.md §6 maps the monitoring wording. */
const TIER_OF_REACHED: Record<string, string> = { 达成目标: 'achieved', 部分达成并具有一定效果: 'partial', 未达成且效果较差: 'notAchieved' };

describe('the sample county’s monitoring year', () => {
  it('has the May, August and November rounds over every approved project, every sheet reported', () => {
    const rounds = listRounds(db, 2020);
    expect(rounds.map((r) => [r.month, r.title])).toEqual([
      [11, '2020年11月绩效运行监控'],
      [8, '2020年8月绩效运行监控'],
      [5, '2020年5月绩效运行监控'],
    ]);
    for (const round of rounds) {
      expect(round.counts.sheets).toBe(summary.projectTargets.approved);
      expect(listSheets(db, round.id).every((s) => s.reported)).toBe(true);
    }
  });

  it('shows lights of every colour, with reasons and measures wherever a submitted sheet has a red or yellow one', () => {
    const indicatorLights = new Set<Light>();
    const budgetLights = new Set<Light>();
    for (const month of [5, 8, 11]) {
      for (const sheet of sheetsOf(month)) {
        const assessment = assessSheet({ ...sheet, submitted: sheet.submittedAt !== null }, sheetRules(sheet.rules));
        assessment.indicators.forEach((i) => indicatorLights.add(i.light));
        budgetLights.add(assessment.budgetLight);
        // What went to review passed the §5 required fields for its lights.
        if (sheet.status !== 'draft') expect(sheet.problems).toEqual([]);
        sheet.indicators.forEach((row, i) => {
          const light = assessment.indicators[i]!.light;
          if (light === 'red' || light === 'yellow') expect([row.reasons.length > 0, row.measures !== '']).toEqual([true, true]);
        });
      }
    }
    expect([...indicatorLights].sort()).toEqual(['blue', 'green', 'red', 'yellow']);
    expect([...budgetLights].sort()).toEqual(['green', 'red', 'yellow']);
  });

  it('has every sheet of the earlier rounds approved by a second person, and the last round in every state', () => {
    for (const month of [5, 8]) {
      for (const sheet of sheetsOf(month)) {
        expect(sheet.status).toBe('approved');
        const by = (action: RegExp) => new Set(sheet.history.filter((h) => action.test(h.action)).map((h) => h.operatorName));
        expect([...by(/送审/)]).toEqual(['示例单位经办人']);
        expect([...by(/通过|退回/)]).toEqual(['示例审核人']);
      }
    }
    const returnedThenApproved = sheetsOf(8).filter((s) => s.history.some((h) => /退回/.test(h.action)));
    expect(returnedThenApproved.length).toBeGreaterThan(0);
    const states = new Set(sheetsOf(11).map((s) => s.status));
    expect([...states].sort()).toEqual(['approved', 'draft', 'returned', 'submitted']);
    expect(summary.monitoring.lastRound.approved).toBeGreaterThan(summary.projectTargets.approved / 2);
  });
});

describe('the sample county’s self-evaluations', () => {
  it('are prefilled from each project’s November sheet: 状态型 the value reached, 累计型 the full-year expectation, 执行数 as reported', () => {
    const november = new Map(sheetsOf(11).map((s) => [s.project.id, s]));
    const started = listSelfEvaluations(db, { year: 2020 }).filter((r) => r.id !== null);
    expect(started.length).toBeGreaterThan(50);
    let cumulative = 0;
    let level = 0;
    for (const row of started) {
      const evaluation = getSelfEvaluation(db, row.id!);
      const sheet = november.get(row.projectId)!;
      expect(blockRows(evaluation.funds)[0]!.executedFen).toBe(sheet.figures.executedFen);
      for (const indicator of evaluation.indicators) {
        const seen = sheet.indicators.find((i) => i.indicatorId === indicator.indicatorId)!;
        if (indicator.operator === '定性') {
          expect([indicator.actual, indicator.tier]).toEqual([seen.reached, TIER_OF_REACHED[seen.reached]]);
        } else if (indicator.accrual === 'cumulative') {
          expect(indicator.actual).toBe(seen.expectedFullYear);
          cumulative++;
        } else {
          expect(indicator.actual).toBe(seen.reached);
          level++;
        }
      }
    }
    // Both kinds are there, and a 累计型 indicator's expectation is not merely what November reached.
    expect([cumulative > 50, level > 50]).toEqual([true, true]);
    const differ = [...november.values()].flatMap((s) => s.indicators).filter((i) => i.accrual === 'cumulative' && i.reached !== i.expectedFullYear);
    expect(differ.length).toBeGreaterThan(50);
  });

  it('leave the units that fill theirs in Excel to 自评复核', () => {
    const inExcel = new Set(summary.selfEvaluationReviews.units);
    const rows = listSelfEvaluations(db, { year: 2020 }).filter((r) => inExcel.has(r.unitCode));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => null));
  });
});

describe('the sample county’s tables for 自评复核', () => {
  it('were imported from the units’ Excel files, one returned with its differences and the rest 待复核', () => {
    const reviews = listReviews(db, 2020);
    expect(reviews).toHaveLength(summary.selfEvaluationReviews.tables.length);
    expect(reviews.map((r) => r.status).sort()).toEqual([...reviews.map(() => 'pending').slice(1), 'returned'].sort());
    const returned = reviews.find((r) => r.status === 'returned')!;
    expect(returned.opinion).toMatch(/^复核发现以下问题，请改正后重新填报：\n1\. /);
    expect(returned.reviewedByName).toBe('示例审核人');
    expect(reviews.every((r) => r.fileName.startsWith('2020年项目支出绩效自评表-') && r.projectId !== null)).toBe(true);
  });

  it('recompute to exactly the planted breaks, none invented, each kind of break once', () => {
    const planted = summary.selfEvaluationReviews.tables;
    expect(planted.map((t) => t.planted).filter(Boolean).sort()).toEqual([...PLANTED_BREAKS].sort());
    for (const table of planted) {
      const review = listReviews(db, 2020).find((r) => r.projectCode === table.projectCode)!;
      const found = getReview(db, review.id).differences.map(({ kind, row, entered, rule }) => ({ kind, ...(row === undefined ? {} : { row }), entered, rule }));
      expect(found).toEqual(table.expected);
    }
  });

  it('carry each break where a reviewer sees it in the written table itself', () => {
    for (const table of summary.selfEvaluationReviews.tables) {
      const review = listReviews(db, 2020).find((r) => r.projectCode === table.projectCode)!;
      const { written } = getReview(db, review.id);
      const weights = written.rows.reduce((sum, r) => sum + Number(r.weight), Number(written.budget.weight));
      const scores = written.rows.reduce((sum, r) => sum + Number(r.score), Number(written.budget.score));
      // Sums of 2-decimal figures, compared in hundredths so that no float rounding decides.
      const total = Math.round(Number(written.total!.score) * 100);
      expect(weights === 100).toBe(table.planted !== 'weightsNot100');
      expect(total === Math.round(scores * 100)).toBe(table.planted !== 'totalNotSum');
      const row = table.expected[0]?.row;
      if (table.planted === 'misrounded') expect(written.rows[row!]!.score).toMatch(/^\d+\.\d$/);
      if (table.planted === 'markedDown') {
        // A target met (by the written value and operator) and yet fewer points than its weight.
        const marked = written.rows[row!]!;
        const target = parseWrittenTarget(marked.target, { operator: marked.operator, unit: marked.unit });
        expect(target.kind).toBe('quantitative');
        if (target.kind !== 'quantitative') continue;
        expect(satisfies(target.operator!, parseDecimal(marked.actual)!, target.value)).toBe(true);
        expect(Number(marked.score)).toBeLessThan(Number(marked.weight));
      }
    }
  });
});

describe('the same seed', () => {
  it('gives the same monitoring figures, self-evaluations and review tables', () => {
    const yearEnd = (sample: Db, result: DemoSummary) => ({
      rounds: listRounds(sample, 2020).map((round) =>
        listSheets(sample, round.id).map((s) => [round.month, s.projectCode, s.status, s.executedFen, s.budgetLight, s.projectLight]),
      ),
      evaluations: listSelfEvaluations(sample, { year: 2020 }).map((r) => [r.projectCode, r.status, r.executionRate, r.totalScore, r.grade]),
      reviews: result.selfEvaluationReviews,
    });
    const { db: again } = sampleCountyStore();
    expect(yearEnd(again, generateDemoCounty(again, TEST_ACTOR, { year: 2020 }))).toEqual(yearEnd(db, summary));
  }, 60_000);
});
