// What the sample's project targets carry for 财预〔2015〕88号 annex 1 beside their goals and indicators:
// the term of a continuing or multi-year project with its 中期目标, 中期资金 and 中期绩效指标, the year's
// funds as 财政拨款 / 其他资金, 立项依据, 实施进度计划 and the contact. Drawn from a stream of its own after
// the rest of the plan, so the units, projects and targets of a seed stay what they were; each annex is
// checked by the rules the 送审 check runs (checkProjectAnnex) before anything is written.
import { level1Kind, type Framework } from '../domain/indicators';
import { adjustedFen } from '../domain/projects';
import { mul, parseDecimal, ratio, toFixed } from '../domain/ratio';
import { checkProjectAnnex, hasMidterm, proposedAnnualSplit, termYears, type ProjectAnnex, type ScheduleStep } from '../domain/targetAnnex';
import { describeProblem, type TargetIndicator } from '../domain/targets';
import { AppError } from '../errors';
import { SECTOR_BASES, SECTOR_GOALS } from './county';
import type { PlannedProject, PreviousProject } from './plan';
import type { Random } from './random';

/** Sectors whose new works (roads, canals) often run into the next year. */
const LONG_WORKS = new Set(['交通运输', '水利']);

/**
 * A 延续 project began a year or two before this one (the year it began, when it continues last year's
 * sample project) and may run a year on; a few new large works run into next year.
 */
function projectTerm(random: Random, project: PlannedWithoutAnnex, year: number, previousStart: string | null): Pick<PlannedProject, 'startDate' | 'endDate'> {
  if (project.attribute === '延续') {
    const startDate = previousStart && previousStart < `${year}-01-01` ? previousStart : `${year - random.int(1, 2)}-01-01`;
    return { startDate, endDate: `${year + random.int(0, 1)}-12-31` };
  }
  if (LONG_WORKS.has(project.sector) && random.chance(0.3)) return { startDate: project.startDate, endDate: `${year + 1}-12-31` };
  return { startDate: project.startDate, endDate: project.endDate };
}

/** A count or amount that builds up (累计型) over the term is the year's times its years; rates and levels stay. */
function termValue(indicator: TargetIndicator, years: number): string {
  if (indicator.accrual !== 'cumulative' || !['≥', '>', '≤', '<'].includes(indicator.operator)) return indicator.value;
  const value = parseDecimal(indicator.value);
  if (!value || value.num === 0n) return indicator.value;
  return toFixed(mul(value, ratio(years)), indicator.value.split('.')[1]?.length ?? 0);
}

/** 中期绩效指标: the year's first two outputs, first benefit and first satisfaction indicator, over the term (so explained), unweighted. */
function midtermIndicators(indicators: readonly TargetIndicator[], years: number, fw: Framework): TargetIndicator[] {
  const ofKind = (kind: string, count: number) => indicators.filter((i) => level1Kind(fw, i.level1) === kind).slice(0, count);
  return [...ofKind('output', 2), ...ofKind('benefit', 1), ...ofKind('satisfaction', 1)].map((i) => ({ ...i, value: termValue(i, years), definition: i.definition.replaceAll('年度内', '项目期内'), weight: '' }));
}

/** 实施进度计划 of the year, quarter by quarter as units write it. */
const schedule = (year: number, procured: boolean): ScheduleStep[] => [
  { period: `${year}年1—3月`, work: '制定项目实施方案，落实项目资金和实施主体' },
  { period: `${year}年4—6月`, work: procured ? '完成政府采购（招标）程序，签订合同并开工实施' : '组织项目实施，按进度拨付资金' },
  { period: `${year}年7—10月`, work: '全面推进项目实施，开展绩效运行监控' },
  { period: `${year}年11—12月`, work: '完成项目验收和资金结算，开展绩效自评' },
];

/** A fictitious 联系电话: mostly the unit's landline in the county's area code, some a mobile number. */
const contactPhone = (random: Random) => (random.chance(0.7) ? `0996-46${String(random.int(0, 99_999)).padStart(5, '0')}` : `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`);

type PlannedWithoutAnnex = Omit<PlannedProject, 'annex'>;

/**
 * A project with its term and its annex; `continues` is last year's sample project it carries on, if any.
 * Refuses (a fault of the sample) an annex the 送审 check would refuse.
 */
export function withAnnex(project: PlannedWithoutAnnex, continues: PreviousProject | undefined, random: Random, context: { year: number; framework: Framework }): PlannedProject {
  const termed = { ...project, ...projectTerm(random, project, context.year, continues?.startDate ?? null) };
  const annualFunds = proposedAnnualSplit(termed.funds);
  const years = termYears(termed) ?? 1;
  const midterm = hasMidterm(termed);
  const annex: ProjectAnnex = {
    midtermGoal: midterm ? `${termed.startDate.slice(0, 4)}—${termed.endDate.slice(0, 4)}年，持续实施${termed.name}，${SECTOR_GOALS[termed.sector] ?? SECTOR_GOALS['行政运行']}。` : '',
    midtermIndicators: midterm ? midtermIndicators(termed.target.indicators, years, context.framework) : [],
    midtermFunds: midterm ? { fiscalFen: annualFunds.fiscalFen * years, otherFen: annualFunds.otherFen * years } : null,
    annualFunds,
    projectBasis: `${SECTOR_BASES[termed.sector] ?? SECTOR_BASES['行政运行']}；县委、县人民政府${context.year}年重点工作安排；本单位${context.year}年度工作计划。`,
    schedule: schedule(context.year, LONG_WORKS.has(termed.sector) || random.chance(0.4)),
    contactPerson: termed.personInCharge,
    contactPhone: contactPhone(random),
  };
  const annualTotalFen = termed.funds.reduce((sum, f) => sum + adjustedFen(f), 0);
  const problems = checkProjectAnnex(annex, { annualTotalFen, midterm }, context.framework);
  if (problems.length > 0) throw new AppError('CONFLICT', `示例项目“${termed.name}”的申报表附表不符合送审要求：${problems.map(describeProblem).join('；')}`);
  return { ...termed, annex };
}
