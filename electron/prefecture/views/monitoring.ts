// 各县绩效监控: the counties' monitoring rounds of a year with their sheets' lights, a round's sheets (and its
// units' 部门整体 sheets) a page at a time, and one sheet's rows with their lights — all by the monitoring rules
// the county's own board uses.
import type { Store } from '../../../db/open';
import { assessSheet, sheetRules, type Light } from '../../domain/monitoring';
import { percent } from '../../domain/ratio';
import { AppError } from '../../errors';
import { getSheet, listDepartmentSheets, listSheets, roundLightCounts, type LightCounts } from '../../monitoring';
import type { DepartmentSheetRow, SheetListRow } from '../../monitoring/contract';
import type { CountyListInput, RoundSheetsInput } from '../contract';
import { countyScope, inCounties, pageOf, searchCondition, SOURCE_COLUMNS, sourceJoin, withSource, type CountyPage, type SourceColumns, type SourcePackage } from './scope';

export interface CountyRoundRow {
  id: string;
  countyName: string;
  month: number;
  seq: number;
  title: string;
  deadline: string;
  sheets: number;
  submitted: number;
  /** 部门整体 sheets of the round, one per unit with an approved department-wide target. */
  departmentSheets: number;
  /** Project lights of the reported sheets, and the sheets with nothing reported (未填报). */
  lights: LightCounts;
  unreported: number;
  source: SourcePackage | null;
}

type RoundRaw = Omit<CountyRoundRow, 'source' | 'lights' | 'unreported'> & SourceColumns;

export function countyRounds(store: Store, input: CountyListInput): CountyPage<CountyRoundRow> {
  const scope = countyScope(store, input);
  const where = `m.deleted = 0 AND ${inCounties('m')} AND m.year = @year ${searchCondition(input.search, ['m.title', 'r.name'])}`;
  const from = 'monitoring_rounds m JOIN regions r ON r.code = m.region_code';
  const page = pageOf(
    scope,
    {
      count: `SELECT count(*) AS n FROM ${from} WHERE ${where}`,
      rows: `SELECT m.id, r.name AS countyName, m.month, m.seq, m.title, m.deadline,
                    (SELECT count(*) FROM monitoring_sheets s WHERE s.round_id = m.id AND s.deleted = 0) AS sheets,
                    (SELECT count(*) FROM monitoring_sheets s WHERE s.round_id = m.id AND s.deleted = 0 AND s.status IN ('submitted', 'approved')) AS submitted,
                    (SELECT count(*) FROM monitoring_department_sheets d WHERE d.round_id = m.id AND d.deleted = 0) AS departmentSheets,
                    ${SOURCE_COLUMNS}
               FROM ${from} ${sourceJoin('m', 'monitoring-round')}
              WHERE ${where} ORDER BY m.region_code, m.month, m.seq`,
    },
    (raw: RoundRaw) => withSource(raw),
  );
  const counted = roundLightCounts(store.db, page.rows.map((row) => row.id));
  return {
    ...page,
    rows: page.rows.map((row) => {
      const { lights, unreported } = counted.get(row.id)!;
      return { ...row, lights, unreported };
    }),
  };
}

export interface CountySheetRow extends SheetListRow {
  source: SourcePackage | null;
}

export interface RoundSheets {
  round: { id: string; countyName: string; title: string; month: number };
  rows: CountySheetRow[];
  total: number;
}

/** A round of one of the prefecture's counties, or NOT_FOUND. */
function requireCountyRound(scope: ReturnType<typeof countyScope>, roundId: string): RoundSheets['round'] {
  const round = scope.sqlite
    .prepare(`SELECT m.id, r.name AS countyName, m.title, m.month FROM monitoring_rounds m JOIN regions r ON r.code = m.region_code WHERE m.id = @roundId AND m.deleted = 0 AND ${inCounties('m')}`)
    .get({ ...scope.params, roundId }) as RoundSheets['round'] | undefined;
  if (!round) throw new AppError('NOT_FOUND', '找不到该监控轮次，它可能不属于本州下辖县市或已被删除；请刷新后重试');
  return round;
}

const roundScope = (store: Store, input: RoundSheetsInput) => countyScope(store, { county: null, year: null, search: input.search, offset: input.offset, limit: input.limit });

/** A page of one county round's sheets, by unit and project code, each with its lights and source package. */
export function countyRoundSheets(store: Store, input: RoundSheetsInput): RoundSheets {
  const scope = roundScope(store, input);
  const round = requireCountyRound(scope, input.roundId);
  const params = { ...scope.params, roundId: input.roundId };
  const where = `s.round_id = @roundId AND s.deleted = 0 ${searchCondition(input.search, ['p.code', 'p.name', 'u.name'])}`;
  const from = `monitoring_sheets s JOIN projects p ON p.id = s.project_id LEFT JOIN units u ON u.region_code = p.region_code AND u.code = p.unit_code`;
  const total = (scope.sqlite.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(params) as { n: number }).n;
  const page = scope.sqlite
    .prepare(
      `SELECT s.id, ${SOURCE_COLUMNS} FROM ${from} ${sourceJoin('s', 'monitoring-sheet', 'p.region_code')}
        WHERE ${where} ORDER BY p.unit_code, p.code LIMIT @limit OFFSET @offset`,
    )
    .all(params) as ({ id: string } & SourceColumns)[];
  const sources = new Map(page.map((raw) => [raw.id, withSource(raw).source]));
  const rows = page.length ? listSheets(store.db, input.roundId, [...sources.keys()]).map((sheet) => ({ ...sheet, source: sources.get(sheet.id) ?? null })) : [];
  return { round, rows, total };
}

export interface CountyDepartmentSheetRow extends DepartmentSheetRow {
  source: SourcePackage | null;
}

export interface RoundDepartmentSheets {
  round: RoundSheets['round'];
  rows: CountyDepartmentSheetRow[];
  total: number;
}

/** A page of one county round's 部门整体 sheets, by unit code, each with its lights and source package. */
export function countyRoundDepartmentSheets(store: Store, input: RoundSheetsInput): RoundDepartmentSheets {
  const scope = roundScope(store, input);
  const round = requireCountyRound(scope, input.roundId);
  const params = { ...scope.params, roundId: input.roundId };
  const where = `d.round_id = @roundId AND d.deleted = 0 ${searchCondition(input.search, ['d.unit_code', 'u.name'])}`;
  const from = `monitoring_department_sheets d JOIN monitoring_rounds m ON m.id = d.round_id LEFT JOIN units u ON u.region_code = m.region_code AND u.code = d.unit_code`;
  const total = (scope.sqlite.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(params) as { n: number }).n;
  const page = scope.sqlite
    .prepare(
      `SELECT d.id, ${SOURCE_COLUMNS} FROM ${from} ${sourceJoin('d', 'monitoring-department-sheet', 'm.region_code')}
        WHERE ${where} ORDER BY d.unit_code LIMIT @limit OFFSET @offset`,
    )
    .all(params) as ({ id: string } & SourceColumns)[];
  const sources = new Map(page.map((raw) => [raw.id, withSource(raw).source]));
  const rows = page.length ? listDepartmentSheets(store.db, input.roundId, [...sources.keys()]).map((sheet) => ({ ...sheet, source: sources.get(sheet.id) ?? null })) : [];
  return { round, rows, total };
}

export interface CountySheetIndicator {
  level2: string;
  name: string;
  operator: string;
  target: string;
  unit: string;
  reached: string;
  light: Light;
  /** Reached ÷ expected to date, percent with 2 decimals, for positive quantitative indicators. */
  ratio: string | null;
}

export interface CountySheetDetail {
  id: string;
  projectCode: string;
  projectName: string;
  unitName: string;
  roundTitle: string;
  status: string;
  executionRate: string;
  budgetLight: Light;
  projectLight: Light;
  reported: boolean;
  analysis: string;
  indicators: CountySheetIndicator[];
}

/** One sheet's rows with their lights, as the county's sheet shows them. */
export function countySheetDetail(store: Store, sheetId: string): CountySheetDetail {
  const sheet = getSheet(store.db, sheetId);
  const assessment = assessSheet({ funds: sheet.funds, submitted: sheet.submittedAt !== null, budget: sheet.budget, indicators: sheet.indicators }, sheetRules(sheet.rules));
  return {
    id: sheet.id,
    projectCode: sheet.project.code,
    projectName: sheet.project.name,
    unitName: sheet.project.unitName,
    roundTitle: sheet.round.title,
    status: sheet.status,
    executionRate: sheet.figures.executionRate,
    budgetLight: sheet.figures.budgetLight,
    projectLight: sheet.figures.projectLight,
    reported: sheet.figures.reported,
    analysis: sheet.analysis,
    indicators: sheet.indicators.map((indicator, n) => {
      const assessed = assessment.indicators[n]!;
      return {
        level2: indicator.level2,
        name: indicator.name,
        operator: indicator.operator,
        target: indicator.target,
        unit: indicator.unit,
        reached: indicator.reached,
        light: assessed.light,
        ratio: assessed.ratio ? percent(assessed.ratio) : null,
      };
    }),
  };
}
