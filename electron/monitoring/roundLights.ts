// A round's project lights and budget totals as its report counts them, for the prefecture's screens: its
// dashboard (each county's latest round of a year) and 各县监控轮次 (27 rounds of 1,200 sheets a page). Each
// round's counts are kept in monitoring_round_lights once counted, so that a screen reads a row a round
// instead of judging 8,000 indicator rows a round again. A kept row is used only while it is exact: triggers
// (migration 0045) delete it on any write to one of the round's sheets, whichever path wrote it (a sheet's
// funds and indicators are written only with the sheet, which takes a new version so that the change
// travels), a package import counts again the rounds of every sheet it wrote, and a row is kept under the
// fingerprint of the rules it was judged by, which every read compares.
import { sqliteOf, type Db } from '../../db/open';
import { LIGHTS, projectLight, sheetReported, sheetRules, type Light, type RoundRuleSettings, type SheetRules } from '../domain/monitoring';
import { appVersion } from '../paths';
import { judgedBySheet, requireRound, roundRuleSettings, type IndicatorValues } from './store';

export type LightCounts = Record<Light, number>;

export const zeroCounts = (): LightCounts => Object.fromEntries(LIGHTS.map((l) => [l, 0])) as LightCounts;

export interface RoundLights {
  /** Project lights of the reported sheets, and the sheets with nothing reported (未填报). */
  lights: LightCounts;
  unreported: number;
  adjustedFen: number;
  executedFen: number;
}

/**
 * Counts one round from its rows. Only what the project light and 未填报 depend on is read (a sheet's
 * submission and fund totals, its indicators' values), and an indicator's light depends on nothing else
 * but the rules of the round's month, so each distinct value is judged once a month (`judged`).
 */
function countRound(db: Db, roundId: string, rules: SheetRules, judged: Map<string, Light>): RoundLights {
  const sqlite = sqliteOf(db);
  // Rows as arrays (raw): at 8,000 indicator rows a round, building an object per row costs more than the read.
  const sheets = sqlite
    .prepare(
      `SELECT s.id, s.submitted_at IS NOT NULL, coalesce(sum(f.adjusted_fen), 0), coalesce(sum(f.executed_fen), 0)
         FROM monitoring_sheets s JOIN projects p ON p.id = s.project_id LEFT JOIN monitoring_funds f ON f.sheet_id = s.id
        WHERE s.round_id = ? AND s.deleted = 0 GROUP BY s.id`,
    )
    .raw();
  const indicators = sqlite
    .prepare(
      `SELECT i.sheet_id, i.operator, i.target_value, i.accrual, coalesce(i.reached, '')
         FROM monitoring_sheets s JOIN monitoring_indicators i ON i.sheet_id = s.id WHERE s.round_id = ? AND s.deleted = 0`,
    )
    .raw();
  const bySheet = judgedBySheet(indicators.all(roundId) as IndicatorValues[], rules, judged);
  const round: RoundLights = { lights: zeroCounts(), unreported: 0, adjustedFen: 0, executedFen: 0 };
  for (const [id, submitted, adjustedFen, executedFen] of sheets.all(roundId) as [string, number, number, number][]) {
    round.adjustedFen += adjustedFen;
    round.executedFen += executedFen;
    const judgedIndicators = bySheet.get(id) ?? [];
    const reported = sheetReported({ submitted: submitted === 1, funds: [{ source: '', adjustedFen, executedFen }], indicators: judgedIndicators });
    if (reported) round.lights[projectLight(judgedIndicators.map((i) => i.light))]++;
    else round.unreported++;
  }
  return round;
}

/**
 * What a count was judged by besides the rows: the round's month and the bureau's §5 settings, which a
 * settings change or an edited round changes, and the app version, since a new version may judge by
 * changed rules. A kept count under another fingerprint is counted again.
 */
const rulesFingerprint = (settings: RoundRuleSettings): string => JSON.stringify({ app: appVersion(), ...settings });

type KeptRow = [rules: string, red: number, yellow: number, green: number, blue: number, none: number, unreported: number, adjustedFen: number, executedFen: number];

const keptLights = ([, red, yellow, green, blue, none, unreported, adjustedFen, executedFen]: KeptRow): RoundLights => ({
  lights: { red, yellow, green, blue, none },
  unreported,
  adjustedFen,
  executedFen,
});

/**
 * The project lights and budget totals of rounds as their reports count them, without loading the
 * reports: a kept count when it still stands, else counted from the rows and kept. Counting and keeping
 * run in one transaction, so nothing written between them can be kept under an older count.
 */
export function roundLightCounts(db: Db, roundIds: readonly string[]): Map<string, RoundLights> {
  const sqlite = sqliteOf(db);
  const kept = sqlite
    .prepare('SELECT rules, red, yellow, green, blue, "none", unreported, adjusted_fen, executed_fen FROM monitoring_round_lights WHERE round_id = ?')
    .raw();
  const keep = sqlite.prepare(
    `INSERT INTO monitoring_round_lights (round_id, rules, red, yellow, green, blue, "none", unreported, adjusted_fen, executed_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (round_id) DO UPDATE SET rules = excluded.rules, red = excluded.red, yellow = excluded.yellow, green = excluded.green,
       blue = excluded.blue, "none" = excluded."none", unreported = excluded.unreported, adjusted_fen = excluded.adjusted_fen,
       executed_fen = excluded.executed_fen, computed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  // Rounds of the same year and month judge by the same rules (the settings are the installation's).
  const judgedByMonth = new Map<string, Map<string, Light>>();
  return sqlite.transaction(() => {
    const counted = new Map<string, RoundLights>();
    for (const roundId of roundIds) {
      const settings = roundRuleSettings(db, requireRound(db, roundId));
      const rules = rulesFingerprint(settings);
      const row = kept.get(roundId) as KeptRow | undefined;
      if (row && row[0] === rules) {
        counted.set(roundId, keptLights(row));
        continue;
      }
      const month = `${settings.year}-${settings.month}`;
      const judged = judgedByMonth.get(month) ?? new Map<string, Light>();
      judgedByMonth.set(month, judged);
      const round = countRound(db, roundId, sheetRules(settings), judged);
      // A read-only store (a file being checked) counts without keeping.
      if (!sqlite.readonly) keep.run(roundId, rules, ...LIGHTS.map((l) => round.lights[l]), round.unreported, round.adjustedFen, round.executedFen);
      counted.set(roundId, round);
    }
    return counted;
  })();
}

/**
 * After a package wrote `sheetIds`: their rounds' kept counts are dropped, whatever versions the sheets came
 * with, and where `count`, counted again in the import's transaction, so that the first screen after the
 * import reads them kept.
 */
export function recountRoundsOfSheets(db: Db, sheetIds: readonly string[], count: boolean): void {
  const sqlite = sqliteOf(db);
  const rounds = sqlite
    .prepare(
      `SELECT DISTINCT s.round_id AS id, r.deleted FROM monitoring_sheets s JOIN monitoring_rounds r ON r.id = s.round_id
        WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(sheetIds)) as { id: string; deleted: number }[];
  sqlite.prepare('DELETE FROM monitoring_round_lights WHERE round_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(rounds.map((r) => r.id)));
  if (count) roundLightCounts(db, rounds.filter((r) => r.deleted === 0).map((r) => r.id));
}
