// The sample county as data, before anything is written: units, projects with funds and targets drawn
// from the indicator library, and department-wide targets with their task tables. Pure and seeded, so
// the same seed gives the same county, and every target it plans passes the rules of domain.md §4 (a
// project's 88号 annex too, annex.ts).
import { checkIndicator, defaultAccrual, level1Kind, type Framework, type Level1Kind } from '../domain/indicators';
import { adjustedFen, type FundRow, type ProjectAttribute, type ProjectCategory } from '../domain/projects';
import type { ProjectAnnex } from '../domain/targetAnnex';
import type { DepartmentTask, ReviewGrade, TargetIndicator } from '../domain/targets';
import { hasErrors } from '../domain/validation';
import type { WorkflowState } from '../domain/workflow';
import { AppError } from '../errors';
import { withAnnex } from './annex';
import { DEMO_DEPARTMENTS, DEMO_PEOPLE, SECTOR_GOALS, type DemoDepartment } from './county';
import { copyLabel, projectName, uniqueName } from './names';
import { seededRandom, type Random } from './random';

export interface LibraryType {
  code: string;
  name: string;
  sector: string;
  /** Its accepted (已入库) indicators, in library order. */
  indicators: TargetIndicator[];
}

/** Weights (分值) of the self-evaluation table; indicator rows share all but the budget-execution one. */
export interface DemoWeights {
  budget: number;
  output: number;
  benefit: number;
  satisfaction: number;
}

/**
 * A county larger than the sample: its departments' units again at second sites (第一中学（二部）) until
 * there are `units`, and the sample's extra projects repeated until there are `projects`.
 */
export interface CountySize {
  units: number;
  projects: number;
}

/** A project of the sample's year before, by the slot (unit) it was planned for. */
export interface PreviousProject {
  code: string;
  name: string;
  projectTypeCode: string | null;
  startDate: string | null;
}

export interface DemoInput {
  /** The sample county's own size when absent. */
  size?: CountySize;
  regionCode: string;
  countyName: string;
  year: number;
  seed: number;
  library: readonly LibraryType[];
  framework: Framework;
  weights: DemoWeights;
  /** The 衔接资金 projects' 固化指标, as their targets start with them. */
  povertyMandatory: readonly TargetIndicator[];
  /** Last year's sample projects by slot: a 延续 project of the same sector continues one (its code, name and type). */
  previous?: ReadonlyMap<number, PreviousProject>;
}

export interface PlannedUnit {
  code: string;
  name: string;
  departmentCode: string | null;
  isDepartment: boolean;
}

export interface PlannedTarget {
  status: WorkflowState;
  reviewGrade: ReviewGrade | null;
  reviewOpinion: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  overallGoal: string;
  annualGoals: string[];
  indicators: TargetIndicator[];
}

export interface PlannedProject {
  code: string;
  name: string;
  departmentCode: string;
  unitCode: string;
  sector: string;
  category: ProjectCategory;
  attribute: ProjectAttribute;
  keyProject: boolean;
  povertyFund: boolean;
  confidential: boolean;
  projectTypeCode: string;
  startDate: string;
  endDate: string;
  personInCharge: string;
  funds: FundRow[];
  target: PlannedTarget;
  /** 88号 annex 1: the 中期 parts of a continuing or multi-year project, the funds split, 立项依据, schedule, contact. */
  annex: ProjectAnnex;
}

export interface PlannedDepartmentTarget extends PlannedTarget {
  unitCode: string;
  basicFen: number;
  projectFen: number;
  fiscalFen: number;
  otherFen: number;
  functions: string;
  tasks: DepartmentTask[];
}

export interface DemoPlan {
  units: PlannedUnit[];
  projects: PlannedProject[];
  departmentTargets: PlannedDepartmentTarget[];
}

const KEY_PROJECTS = 3;
/** The annexes' own stream of the seed: drawn after the rest, they leave the county of a seed as it was. */
const ANNEX_STREAM = 0xa22e;
/** Projects of the sample county (domain.md §1: 111–145 with targets). */
const SAMPLE_PROJECTS = 140;
/** 公安局's projects are the sample's 涉密 ones: they need targets but are never published. */
const CONFIDENTIAL_DEPARTMENT = '公安局';
const CONFIDENTIAL_NAMES = ['公安业务专项装备购置项目', '维稳专项工作经费'];
/** 万元 ranges of a project by sector: a school's subsidy is small, a road is large. */
const SECTOR_AMOUNTS: Record<string, [number, number]> = {
  教育: [20, 600],
  卫生健康: [30, 800],
  交通运输: [150, 3000],
  农业农村: [50, 1500],
  水利: [80, 2000],
  乡村振兴: [50, 1200],
  社会保障: [20, 900],
  行政运行: [5, 200],
  生态环境: [20, 500],
};
const RETURN_OPINIONS = [
  '产出指标过于笼统，请细化数量指标并补充指标解释后重新送审',
  '指标值低于上年实际完成值，请结合上年完成情况重新测算',
  '效益指标与项目内容关联不紧密，请修改后重新送审',
];
const AGREED_OPINION = '已与单位商定：补充时效指标的完成时限，指标值按批复预算调整';

/** Valid library rows of a type, by kind of level 1, once checked against the year's dictionary. */
function usableIndicators(type: LibraryType, fw: Framework): Map<Level1Kind, TargetIndicator[]> {
  const byKind = new Map<Level1Kind, TargetIndicator[]>();
  for (const indicator of type.indicators) {
    const kind = level1Kind(fw, indicator.level1);
    if (!kind || hasErrors(checkIndicator(indicator, fw))) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), indicator]);
  }
  return byKind;
}

/** A type can carry a sample target only when it offers output, benefit and satisfaction indicators. */
const usableType = (type: LibraryType, fw: Framework) => {
  const kinds = usableIndicators(type, fw);
  return kinds.has('output') && kinds.has('benefit') && kinds.has('satisfaction');
};

/** Library types that suit a unit: by words in its name first (幼儿园 → 学前), else its department's sectors. */
const UNIT_TYPE_HINTS: [RegExp, RegExp][] = [
  [/幼儿园/, /学前/],
  [/中学|小学|学校|资助/, /学生资助|校舍/],
  [/卫生院|疾病预防|妇幼/, /公共卫生/],
  [/医院|急救/, /医疗设备/],
  [/公路|道路/, /公路|道路/],
  [/市政/, /道路/],
  [/环境卫生|园林/, /环境/],
  [/农业（畜牧业）发展/, /畜牧|产业|农田/],
  [/畜牧|兽医|动物/, /畜牧/],
  [/饮水/, /饮水/],
  [/水利|防汛/, /水利/],
  [/就业/, /就业/],
  [/医疗保险|医疗保障/, /救助/],
  [/保险/, /养老|保险/],
  [/福利|救助|养老|殡葬|社会保障服务|民政/, /救助|养老/],
  [/人力资源/, /就业|养老/],
  [/政务|信息/, /信息化/],
];

function typesFor(unitName: string, department: DemoDepartment, types: readonly LibraryType[]): LibraryType[] {
  const hint = UNIT_TYPE_HINTS.find(([unit]) => unit.test(unitName));
  const hinted = hint ? types.filter((t) => hint[1].test(t.name)) : [];
  if (hinted.length) return hinted;
  const bySector = department.sectors.flatMap((sector) => types.filter((t) => t.sector === sector));
  return bySector.length ? bySector : [...types];
}

function amountFen(random: Random, sector: string): number {
  const [low, high] = SECTOR_AMOUNTS[sector] ?? [10, 500];
  const wan = Math.exp(Math.log(low) + random.next() * (Math.log(high) - Math.log(low)));
  return Math.round(wan * 100) * 10_000; // to the 100 元, as budgets are made
}

/** Funds by source: mostly 本级财政拨款, some with 上级补助, a few with the unit's own money; 衔接资金 from the centre. */
function plannedFunds(random: Random, totalFen: number, povertyFund: boolean): FundRow[] {
  const fund = (source: string, initialFen: number): FundRow => ({ source, initialFen, additionFen: 0, cutFen: 0 });
  // A percent of the total, to the 100 元.
  const share = (percent: number) => Math.round((totalFen * percent) / 100 / 10_000) * 10_000;
  let funds: FundRow[];
  if (povertyFund) {
    const central = share(random.int(60, 80));
    funds = [fund('上级补助（中央）', central), fund('本级财政拨款', totalFen - central)];
  } else if (random.chance(0.2)) {
    const upper = share(random.int(30, 70));
    funds = [fund('本级财政拨款', totalFen - upper), fund(random.pick(['上级补助（自治区）', '上级补助（州）']), upper)];
  } else if (random.chance(0.08)) {
    const own = share(random.int(10, 30));
    funds = [fund('本级财政拨款', totalFen - own), fund(random.pick(['单位资金', '其他资金']), own)];
  } else funds = [fund('本级财政拨款', totalFen)];
  const main = funds.find((f) => f.source === '本级财政拨款')!;
  // In-year changes on a few projects: 追加 on some, 调减 on fewer.
  if (random.chance(0.12)) main.additionFen = share(random.int(5, 20));
  else if (random.chance(0.05)) main.cutFen = Math.min(main.initialFen, share(random.int(5, 15)));
  return funds.filter((f) => f.initialFen > 0 || f.additionFen > 0);
}

/** A library reference value adjusted to the project's size; percentages and zero targets stay as they are. */
function targetValue(random: Random, indicator: TargetIndicator): string {
  if (indicator.operator === '定性' || indicator.unit === '%' || !/^\d+(\.\d+)?$/.test(indicator.value)) return indicator.value;
  const reference = Number(indicator.value);
  if (reference === 0) return indicator.value;
  const scaled = reference * (0.6 + random.next() * 0.8);
  const decimals = indicator.value.split('.')[1]?.length ?? 0;
  return decimals ? scaled.toFixed(decimals) : String(Math.max(1, Math.round(scaled)));
}

/** Integer weights summing to `total`, the remainder on the first rows. */
function split(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
}

/**
 * Weights by kind (output and cost share the output weight); left empty when the settings do not add up
 * to 100 with the kinds present, since an unweighted form is valid and a wrongly weighted one is not.
 */
function weighted(rows: TargetIndicator[], fw: Framework, weights: DemoWeights): TargetIndicator[] {
  const kindOf = (row: TargetIndicator) => (level1Kind(fw, row.level1) === 'cost' ? 'output' : level1Kind(fw, row.level1));
  const groups = { output: weights.output, benefit: weights.benefit, satisfaction: weights.satisfaction } as const;
  const present = (Object.keys(groups) as (keyof typeof groups)[]).filter((kind) => rows.some((r) => kindOf(r) === kind));
  const sharesTotal = present.reduce((sum, kind) => sum + groups[kind], 0);
  if (weights.budget + sharesTotal !== 100 || present.some((kind) => groups[kind] === 0)) return rows;
  const result = rows.map((row) => ({ ...row }));
  for (const kind of present) {
    const members = result.filter((r) => kindOf(r) === kind);
    split(groups[kind], members.length).forEach((weight, i) => (members[i]!.weight = String(weight)));
  }
  return result;
}

/**
 * A target's rows: a sample of the type's library indicators by kind, after the project's 固化指标 (at
 * their reference values; drawn the same way with or without them, so the rest of the county stays as it was).
 */
function projectIndicators(random: Random, type: LibraryType, input: DemoInput, withSatisfaction: boolean, mandatory: readonly TargetIndicator[]): TargetIndicator[] {
  const byKind = usableIndicators(type, input.framework);
  const outputs = byKind.get('output')!;
  const benefits = byKind.get('benefit')!;
  const sampled = [
    ...random.sample(outputs, random.int(Math.min(3, outputs.length), Math.min(5, outputs.length))),
    ...(byKind.get('cost') ?? []).slice(0, 1),
    ...random.sample(benefits, random.int(1, Math.min(3, benefits.length))),
    ...(withSatisfaction ? byKind.get('satisfaction')!.slice(0, 1) : []),
  ].map((row) => ({ ...row, value: targetValue(random, row) }));
  const rows = [...mandatory, ...sampled.filter((row) => !mandatory.some((m) => m.libraryCode === row.libraryCode))];
  return weighted(rows, input.framework, input.weights);
}

/** Functional indicators of a department-wide target, valid in both dictionaries. */
function departmentIndicators(random: Random, tasks: number, input: DemoInput): TargetIndicator[] {
  const row = (level1: string, level2: string, name: string, operator: TargetIndicator['operator'], value: string, unit: string, definition: string): TargetIndicator => ({
    level1,
    level2,
    name,
    operator,
    value,
    unit,
    definition,
    basis: '计划标准',
    weight: '',
    accrual: defaultAccrual({ unit, level2 }),
    libraryCode: null,
  });
  const rows = [
    row('产出指标', '数量指标', '完成年度重点工作任务', '≥', String(tasks + random.int(2, 6)), '项', '年度内完成的部门重点工作任务数量。'),
    row('产出指标', '质量指标', '重点工作任务完成率', '≥', String(random.pick([90, 95, 98])), '%', '已完成重点工作任务数÷年度重点工作任务数×100%。'),
    row('产出指标', '时效指标', '资金支付及时率', '≥', String(random.pick([90, 95])), '%', '按进度及时支付的资金÷应支付资金×100%。'),
    row('效益指标', '社会效益指标', '部门职能履行情况', '定性', '有效履行部门职能，各项工作有序推进', '', '对照部门职能和年度工作计划评价履职情况。'),
    row('效益指标', '可持续影响指标', '内部管理制度健全性', '定性', '制度健全并有效执行', '', '预算、财务、资产、采购等内部管理制度的建立和执行情况。'),
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', String(random.pick([85, 90, 95])), '%', '通过问卷调查了解服务对象对部门工作的满意程度。'),
  ];
  return weighted(rows, input.framework, input.weights);
}

/** When a target reached its state, in the budget season before the year (三同步: with the budget). */
function review(random: Random, year: number, status: WorkflowState): Pick<PlannedTarget, 'status' | 'reviewGrade' | 'reviewOpinion' | 'submittedAt' | 'decidedAt'> {
  const day = (month: number) => `${year - 1}-${month}-${String(random.int(1, 28)).padStart(2, '0')}T0${random.int(1, 8)}:${random.int(10, 59)}:00.000Z`;
  const submittedAt = status === 'draft' ? null : day(11);
  if (status === 'approved') {
    const agreed = random.chance(0.2);
    return { status, reviewGrade: agreed ? '良' : '优', reviewOpinion: agreed ? AGREED_OPINION : null, submittedAt, decidedAt: day(12) };
  }
  if (status === 'returned') return { status, reviewGrade: '中', reviewOpinion: random.pick(RETURN_OPINIONS), submittedAt, decidedAt: day(12) };
  return { status, reviewGrade: null, reviewOpinion: null, submittedAt, decidedAt: null };
}

function projectStatus(random: Random): WorkflowState {
  const r = random.next();
  return r < 0.8 ? 'approved' : r < 0.88 ? 'submitted' : r < 0.93 ? 'returned' : 'draft';
}

interface ProjectSlot {
  department: DemoDepartment;
  departmentCode: string;
  unit: PlannedUnit;
}

interface UnitsAndSlots {
  units: ProjectSlot[];
  /** Where the extra projects go, beyond the one of every unit. */
  extras: ProjectSlot[];
}

/**
 * A department's units at one site: the first (copy 1) is the department itself with its units, each
 * further copy its units again at a second site, numbered on after the first site's codes.
 */
function departmentSite(input: DemoInput, department: DemoDepartment, d: number, copy: number): UnitsAndSlots {
  const departmentCode = `${101 + d}001`;
  const head: PlannedUnit = { code: departmentCode, name: `${input.countyName}${department.name}`, departmentCode: null, isDepartment: true };
  const first = (copy - 1) * department.units.length;
  const members = [
    ...(copy === 1 ? [head] : []),
    ...department.units.map((name, u) => ({
      code: `${101 + d}${String(first + u + 2).padStart(3, '0')}`,
      name: `${input.countyName}${name}${copy === 1 ? '' : copyLabel(copy)}`,
      departmentCode,
      isDepartment: false,
    })),
  ];
  const own = members.map((unit) => ({ department, departmentCode, unit }));
  // The extra projects go to the department itself and its first units.
  return { units: own, extras: Array.from({ length: department.extraProjects }, (_, extra) => own[extra % own.length]!) };
}

/** Every unit once, then the extra projects' units: a slot is a unit that holds one project. */
function plannedUnits(input: DemoInput): { units: ProjectSlot[]; slots: ProjectSlot[] } {
  const sites = (copy: number) => DEMO_DEPARTMENTS.map((department, d) => departmentSite(input, department, d, copy));
  if (!input.size) {
    const sample = sites(1);
    const units = sample.flatMap((site) => site.units);
    return { units, slots: sample.flatMap((site) => [...site.units, ...site.extras]) };
  }
  const { units: wanted, projects } = input.size;
  const units: ProjectSlot[] = [];
  const extras: ProjectSlot[] = [];
  for (let copy = 1; units.length < wanted; copy++) {
    for (const site of sites(copy)) {
      units.push(...site.units.slice(0, wanted - units.length));
      extras.push(...site.extras.filter((slot) => units.includes(slot)));
    }
  }
  const extraCount = Math.max(0, projects - units.length);
  return { units, slots: [...units, ...Array.from({ length: extraCount }, (_, i) => extras[i % extras.length]!)] };
}

export function planDemoCounty(input: DemoInput): DemoPlan {
  const random = seededRandom(input.seed);
  const types = input.library.filter((type) => usableType(type, input.framework));
  if (types.length === 0) {
    throw new AppError('CONFLICT', '指标库中没有同时具备产出、效益和满意度已入库指标的项目类型，无法生成示例项目。请先在指标库中确认入库相应指标');
  }
  const { units, slots } = plannedUnits(input);
  const names = new Set<string>();
  const drafts = slots.map((slot, index) => {
    const confidentialIndex = slot.department.name === CONFIDENTIAL_DEPARTMENT ? slots.filter((s, i) => i < index && s.department === slot.department).length : -1;
    const type = random.pick(typesFor(slot.unit.name, slot.department, types));
    const povertyFund = type.sector === '乡村振兴';
    const total = amountFen(random, type.sector);
    const township = slot.department.name.endsWith('人民政府');
    const draft = {
      slot,
      type,
      project: {
        code: `${input.regionCode}${input.year}${String(index + 1).padStart(5, '0')}`,
        name: confidentialIndex >= 0 ? uniqueName(CONFIDENTIAL_NAMES[confidentialIndex % CONFIDENTIAL_NAMES.length]!, names) : projectName(random, type, slot.unit.name, input.countyName, input.year, names),
        departmentCode: slot.departmentCode,
        unitCode: slot.unit.code,
        sector: type.sector,
        category: township ? '对下转移支付' : '本级支出',
        attribute: random.chance(0.4) ? '新增' : '延续',
        keyProject: false,
        povertyFund,
        confidential: confidentialIndex >= 0,
        projectTypeCode: type.code,
        startDate: `${input.year}-01-01`,
        endDate: `${input.year}-12-31`,
        personInCharge: random.pick(DEMO_PEOPLE),
        funds: plannedFunds(random, total, povertyFund),
      } satisfies Omit<PlannedProject, 'target' | 'annex'>,
    };
    return continued(draft, input.previous?.get(index), input);
  });
  markKeyProjects(drafts.map((d) => d.project), keyProjectCount(input));
  const planned = drafts.map(({ project, type }) => {
    const indicators = projectIndicators(random, type, input, project.keyProject || random.chance(0.85), project.povertyFund ? input.povertyMandatory : []);
    const firstOutput = indicators[0]!;
    return {
      ...project,
      target: {
        ...review(random, input.year, project.keyProject || project.confidential ? 'approved' : projectStatus(random)),
        overallGoal: `通过实施${project.name}，${SECTOR_GOALS[type.sector] ?? SECTOR_GOALS['行政运行']}。`,
        annualGoals: [`${input.year}年完成${firstOutput.name}${firstOutput.operator === '定性' ? `：${firstOutput.value}` : firstOutput.operator + firstOutput.value + firstOutput.unit}`, `项目资金按进度拨付，年底预算执行率达到90%以上`],
        indicators,
      },
    };
  });
  const annexRandom = seededRandom(input.seed + ANNEX_STREAM);
  const projects = planned.map((project, slot) => {
    const previous = input.previous?.get(slot);
    return withAnnex(project, previous?.code === project.code ? previous : undefined, annexRandom, input);
  });
  return { units: units.map((u) => u.unit), projects, departmentTargets: units.map((slot) => departmentTarget(random, input, slot, projects)) };
}

/**
 * A 延续 project carries on last year's project of its slot when that one was of the same sector (so its
 * funds and 衔接资金 flag still fit): the same code, name and type, so its 申报表 shows last year's target and
 * actual values. Nothing random is drawn here, so a year without a previous one plans exactly as before.
 */
function continued<D extends { type: LibraryType; project: Omit<PlannedProject, 'target' | 'annex'> }>(draft: D, previous: PreviousProject | undefined, input: DemoInput): D {
  if (!previous || draft.project.attribute !== '延续') return draft;
  const type = input.library.find((t) => t.code === previous.projectTypeCode);
  if (!type || type.sector !== draft.type.sector) return draft;
  const name = previous.name.replaceAll(String(input.year - 1), String(input.year));
  return { ...draft, type, project: { ...draft.project, code: previous.code, name: draft.project.confidential ? draft.project.name : name, projectTypeCode: type.code } };
}

const projectTotal = (project: Pick<PlannedProject, 'funds'>) => project.funds.reduce((sum, f) => sum + adjustedFen(f), 0);

/** The sample's 3 重点项目, and as many for every further sample county's worth of projects in a larger county. */
const keyProjectCount = (input: DemoInput) => (input.size ? Math.max(KEY_PROJECTS, Math.round((KEY_PROJECTS * input.size.projects) / SAMPLE_PROJECTS)) : KEY_PROJECTS);

/** The largest projects of different departments, never a 涉密 one, are the sample's 重点项目. */
function markKeyProjects(projects: Omit<PlannedProject, 'target' | 'annex'>[], count: number): void {
  const departments = new Set<string>();
  for (const project of [...projects].sort((a, b) => projectTotal(b) - projectTotal(a))) {
    if (departments.size === count) break;
    if (project.confidential || departments.has(project.departmentCode)) continue;
    project.keyProject = true;
    departments.add(project.departmentCode);
  }
}

function departmentTarget(random: Random, input: DemoInput, { unit, department }: ProjectSlot, projects: readonly PlannedProject[]): PlannedDepartmentTarget {
  const own = projects.filter((p) => p.unitCode === unit.code);
  const projectTasks: DepartmentTask[] = own.map((p) => ({
    function: department.functions.split('，')[0]!,
    task: `组织实施${p.name}`,
    content: p.target.annualGoals[0] ?? '',
    projectCodes: [p.code],
    amountFen: projectTotal(p),
    ...p.annex.annualFunds!,
  }));
  const projectFen = projectTasks.reduce((sum, t) => sum + t.amountFen, 0);
  const basicFen = random.int(unit.isDepartment ? 80 : 20, unit.isDepartment ? 600 : 300) * 1_000_000; // whole 万元
  // 88号 annex 2: the tasks add up to the whole budget, so the basic spending is the first task.
  const basicTask: DepartmentTask = {
    function: '机构运转',
    task: '保障人员工资和机构正常运转',
    content: '保障在职人员工资福利、社会保障缴费和日常公用经费，维持机构正常运转',
    projectCodes: [],
    amountFen: basicFen,
    fiscalFen: basicFen,
    otherFen: 0,
  };
  const tasks: DepartmentTask[] = [basicTask, ...projectTasks];
  // The budget's split by source is its tasks' splits added up, so the two tables agree.
  const otherFen = tasks.reduce((sum, t) => sum + (t.otherFen ?? 0), 0);
  const status = random.next() < 0.85 ? 'approved' : random.chance(0.5) ? 'submitted' : 'draft';
  return {
    unitCode: unit.code,
    ...review(random, input.year, status),
    basicFen,
    projectFen,
    fiscalFen: basicFen + projectFen - otherFen,
    otherFen,
    functions: unit.isDepartment ? department.functions : `在${input.countyName}${department.name}领导下，承担${unit.name.replace(input.countyName, '')}的业务工作。`,
    overallGoal: `${input.year}年，${unit.name}围绕部门职能，保障机构正常运转，完成年度重点工作任务，提高资金使用效益。`,
    annualGoals: tasks.map((t) => t.task),
    tasks,
    indicators: departmentIndicators(random, projectTasks.length, input),
  };
}
