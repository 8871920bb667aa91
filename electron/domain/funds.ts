// 衔接资金 (domain.md §10): the closed loop for the poverty-alleviation / rural-revitalisation funds —
// target setting → monitoring → self-evaluation → payment supervision — and the figures the report asks
// for: what was allocated by which document and level, what was paid, the spending progress against the
// time progress, and the share that went into industry against the policy aim (a setting, 60%).
import { parseWanYuan, parseYuan, formatWanYuan, type Fen } from './money';
import { executionRate, timeProgress, timeProgressByDays, type Light, type TimeProgressMethod } from './monitoring';
import { isIsoDate } from './projects';
import { compare, div, parseDecimal, percent, ratio, type Ratio } from './ratio';
import type { FieldErrors } from './validation';
import type { WorkflowState } from './workflow';

/** Who issued the funds: 中央、自治区、地区（州）、县 — the levels the report's documents come from. */
export const FUND_LEVELS = ['中央', '自治区', '地区', '县'] as const;
export type FundLevel = (typeof FUND_LEVELS)[number];

/** What a project spends its funds on; 产业 counts towards the industry share. */
export const FUND_CATEGORIES = ['产业', '基础设施', '就业', '其他'] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];

export const PAYEE_TYPES = ['农户', '合作社', '企业', '村集体', '其他'] as const;
export type PayeeType = (typeof PAYEE_TYPES)[number];

/** A 凭证号 as budget systems print it: letters, digits and - _ / . (no spaces), 1–40 characters. */
const VOUCHER = /^[0-9A-Za-z_./-]{1,40}$/;

/** Why a date cannot be a fund record of `year`, or null. */
export function dateInYearProblem(date: string, year: number, what: string): string | null {
  if (date.trim() === '') return `请填写${what}`;
  if (!isIsoDate(date)) return `${what}应为“${year}-06-30”这样的日期`;
  if (!date.startsWith(`${year}-`)) return `${what} ${date} 不在 ${year} 年内，请填写本年度的日期`;
  return null;
}

/**
 * A date as budget systems and people write it (2020-05-01, 2020/5/1, 2020.5.1, 2020年5月1日, 20200501)
 * in ISO form; anything else comes back unchanged, for the date check to name.
 */
export function normaliseDate(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(trimmed);
  if (!match) return trimmed;
  const [, y, m = match[4]!, d = match[5]!] = match;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** An amount typed in 万元 (forms) as 分, or why not; zero is no amount. */
function positiveWan(text: string): { fen: Fen } | { problem: string } {
  const parsed = parseWanYuan(text);
  if (!parsed.ok) return { problem: parsed.message };
  if (parsed.fen <= 0) return { problem: '金额应大于 0' };
  return { fen: parsed.fen };
}

export interface DocumentDraft {
  docNumber: string;
  level: string;
  issuedOn: string;
  /** 万元 as typed. */
  amount: string;
}

/** A fund document (资金文件) as typed; the same check runs in the form and in the service. */
export function documentProblems(draft: DocumentDraft, year: number): FieldErrors<DocumentDraft> {
  const problems: FieldErrors<DocumentDraft> = {};
  const docNumber = draft.docNumber.trim();
  if (docNumber === '') problems.docNumber = '请填写文号，如“新财农〔2020〕12号”';
  else if (docNumber.length > 60) problems.docNumber = '文号不能超过 60 个字';
  if (!(FUND_LEVELS as readonly string[]).includes(draft.level)) problems.level = `资金级次应为：${FUND_LEVELS.join('、')}`;
  const date = dateInYearProblem(draft.issuedOn, year, '发文日期');
  if (date) problems.issuedOn = date;
  const amount = positiveWan(draft.amount);
  if ('problem' in amount) problems.amount = amount.problem;
  return problems;
}

export interface PaymentDraft {
  paidOn: string;
  /** 万元 as typed in the form. */
  amount: string;
  payeeType: string;
  voucher: string;
  note: string;
}

export function paymentProblems(draft: PaymentDraft, year: number): FieldErrors<PaymentDraft> {
  const problems: FieldErrors<PaymentDraft> = {};
  const date = dateInYearProblem(draft.paidOn, year, '支付日期');
  if (date) problems.paidOn = date;
  const amount = positiveWan(draft.amount);
  if ('problem' in amount) problems.amount = amount.problem;
  if (!(PAYEE_TYPES as readonly string[]).includes(draft.payeeType)) problems.payeeType = `收款人类型应为：${PAYEE_TYPES.join('、')}`;
  const voucher = draft.voucher.trim();
  if (voucher === '') problems.voucher = '请填写凭证号';
  else if (!VOUCHER.test(voucher)) problems.voucher = '凭证号只能由字母、数字和 - _ / . 组成，最多 40 位';
  if (draft.note.trim().length > 200) problems.note = '备注不能超过 200 个字';
  return problems;
}

/**
 * An amount of the budget system's export in the unit its header names (支付金额（元） or （万元））: the
 * export is in 元 more often than not, and a 万元 column read as 元 would be 10,000 times too small.
 */
export function parsePaymentAmount(text: string, unit: 'yuan' | 'wan'): { fen: Fen } | { problem: string } {
  if (unit === 'wan') return positiveWan(text);
  const parsed = parseYuan(text);
  if (!parsed.ok) return { problem: parsed.message };
  if (parsed.fen <= 0) return { problem: '金额应大于 0' };
  return { fen: parsed.fen };
}

export interface Beneficiaries {
  households: number;
  people: number;
  /** Of which 脱贫户 (households lifted out of poverty) and their people. */
  povertyHouseholds: number;
  povertyPeople: number;
  /** Of which 监测户 (households under the 防止返贫 monitoring) and their people. */
  monitoredHouseholds: number;
  monitoredPeople: number;
}

const BENEFICIARY_LABELS: Record<keyof Beneficiaries, string> = {
  households: '受益户数',
  people: '受益人数',
  povertyHouseholds: '其中脱贫户户数',
  povertyPeople: '其中脱贫户人数',
  monitoredHouseholds: '其中监测户户数',
  monitoredPeople: '其中监测户人数',
};

/**
 * Each 其中 is a part of its whole, never more; the two are checked apart, not summed, because a
 * 脱贫不稳定户 is both a 脱贫户 and a 监测户.
 */
export function beneficiaryProblems(b: Beneficiaries): FieldErrors<Beneficiaries> {
  const problems: FieldErrors<Beneficiaries> = {};
  for (const key of Object.keys(BENEFICIARY_LABELS) as (keyof Beneficiaries)[]) {
    if (!Number.isInteger(b[key]) || b[key] < 0 || b[key] > 10_000_000) problems[key] = `${BENEFICIARY_LABELS[key]}应为不小于 0 的整数`;
  }
  const partOf = (part: keyof Beneficiaries, whole: 'households' | 'people') => {
    if (!problems[part] && !problems[whole] && b[part] > b[whole]) problems[part] = `${BENEFICIARY_LABELS[part]}（${b[part]}）不能多于${BENEFICIARY_LABELS[whole]}（${b[whole]}）`;
  };
  partOf('povertyHouseholds', 'households');
  partOf('monitoredHouseholds', 'households');
  partOf('povertyPeople', 'people');
  partOf('monitoredPeople', 'people');
  if (!problems.people && !problems.households && b.people < b.households) problems.people = `受益人数（${b.people}）不能少于受益户数（${b.households}）`;
  return problems;
}

/** Paid beyond the project's allocation: accepted (a document may still be on its way) but said plainly. */
export function overAllocationWarning(paidFen: Fen, allocatedFen: Fen): string | null {
  if (paidFen <= allocatedFen) return null;
  return `累计支付 ${formatWanYuan(paidFen)} 万元 超过该项目已分配的衔接资金 ${formatWanYuan(allocatedFen)} 万元，请核对资金文件的分配或支付金额`;
}

export interface SpendingProgress {
  /** paid ÷ allocated, exact. */
  rate: Ratio;
  /** Nothing allocated yet: the progress is 0 and the project is flagged, as monitoring does for a zero budget. */
  zeroAllocation: boolean;
}

/** 支出进度 = paid ÷ allocated: monitoring's execution rate over the fund's own figures. */
export function spendingProgress(paidFen: Fen, allocatedFen: Fen): SpendingProgress {
  const { rate, zeroBudget } = executionRate(paidFen, allocatedFen);
  return { rate, zeroAllocation: zeroBudget };
}

/**
 * 序时进度 of a fund year on `today`, by monitoring's method (setting monitoring.timeProgress): nothing
 * before the year starts, all of it once the year is over.
 */
export function fundTimeProgress(year: number, today: string, method: TimeProgressMethod): Ratio {
  const todayYear = Number(today.slice(0, 4));
  if (todayYear < year) return ratio(0);
  if (todayYear > year) return ratio(1);
  return method === 'days' ? timeProgressByDays(today) : timeProgress(Number(today.slice(5, 7)));
}

/** Behind: spent less than the time progress; a project with nothing allocated is not behind on spending. */
export const behindTimeProgress = (progress: SpendingProgress, time: Ratio): boolean => !progress.zeroAllocation && compare(progress.rate, time) < 0;

export type IndustryVerdict = 'met' | 'below' | 'none';

export interface IndustryShare {
  industryFen: Fen;
  totalFen: Fen;
  /** industry ÷ total; null when nothing is allocated. */
  share: Ratio | null;
  aim: Ratio;
  verdict: IndustryVerdict;
}

/**
 * 资金投入产业比重 = 产业 projects' allocation ÷ all 衔接资金 allocated: the report speaks of money put
 * into (投入) industry, which is the allocation, not what has been paid out so far. Reaching the aim
 * exactly meets it (the policy says 不低于).
 */
export function industryShare(projects: readonly { category: FundCategory | null; allocatedFen: Fen }[], aimPercent: string): IndustryShare {
  const aim = div(parseDecimal(aimPercent) ?? ratio(60), ratio(100));
  const totalFen = projects.reduce((sum, p) => sum + p.allocatedFen, 0);
  const industryFen = projects.filter((p) => p.category === '产业').reduce((sum, p) => sum + p.allocatedFen, 0);
  if (totalFen === 0) return { industryFen, totalFen, share: null, aim, verdict: 'none' };
  const share = ratio(industryFen, totalFen);
  return { industryFen, totalFen, share, aim, verdict: compare(share, aim) >= 0 ? 'met' : 'below' };
}

export const INDUSTRY_VERDICT_LABELS: Record<IndustryVerdict, string> = { met: '达到政策要求', below: '低于政策要求', none: '尚未分配资金' };

/** One stage of a project's loop: done, needs attention, or not reached yet. */
export type StageState = 'done' | 'attention' | 'missing';

export interface LoopStage {
  key: 'targets' | 'monitoring' | 'selfEvaluation' | 'payments';
  label: string;
  state: StageState;
  /** What the stage stands at, in words. */
  detail: string;
}

export interface LoopFacts {
  targetStatus: WorkflowState | null;
  /** The latest monitoring round that reported on the project: its month and the worse light; null when none. */
  monitoring: { month: number; light: Light } | null;
  selfEvaluationStatus: WorkflowState | null;
  progress: SpendingProgress;
  behind: boolean;
}

const STATUS_WORDS: Record<WorkflowState, string> = { draft: '草稿', submitted: '已送审', approved: '已批复', returned: '被退回' };
const LIGHT_WORDS: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯', none: '无灯色' };

const percentText = (value: Ratio) => `${percent(value)}%`;

/** The loop's four stages of domain.md §10 for one project, from what the other workflows recorded. */
export function loopStages(facts: LoopFacts): LoopStage[] {
  const target: LoopStage =
    facts.targetStatus === 'approved'
      ? { key: 'targets', label: '目标设定', state: 'done', detail: '绩效目标已批复' }
      : { key: 'targets', label: '目标设定', state: 'missing', detail: facts.targetStatus ? `绩效目标${STATUS_WORDS[facts.targetStatus]}，尚未批复` : '尚未填报绩效目标' };
  const light = facts.monitoring?.light;
  const monitoring: LoopStage = facts.monitoring
    ? { key: 'monitoring', label: '运行监控', state: light === 'red' || light === 'yellow' ? 'attention' : 'done', detail: `${facts.monitoring.month}月监控：${LIGHT_WORDS[facts.monitoring.light]}` }
    : { key: 'monitoring', label: '运行监控', state: 'missing', detail: '尚无监控填报' };
  const selfEvaluation: LoopStage =
    facts.selfEvaluationStatus === 'approved'
      ? { key: 'selfEvaluation', label: '绩效自评', state: 'done', detail: '自评表已审核通过' }
      : { key: 'selfEvaluation', label: '绩效自评', state: 'missing', detail: facts.selfEvaluationStatus ? `自评表${STATUS_WORDS[facts.selfEvaluationStatus]}` : '尚未自评' };
  const payments: LoopStage = facts.progress.zeroAllocation
    ? { key: 'payments', label: '资金支付监管', state: 'missing', detail: '尚未分配资金' }
    : { key: 'payments', label: '资金支付监管', state: facts.behind ? 'attention' : 'done', detail: `支出进度 ${percentText(facts.progress.rate)}${facts.behind ? '，落后于序时进度' : ''}` };
  return [target, monitoring, selfEvaluation, payments];
}
