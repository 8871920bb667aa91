// Every workflow of domain.md, in the order staff meet them in a budget year: the order of the one list of
// workflows (electron/workflows.ts), which NAVIGATION mirrors key for key (navigation.test.ts checks it, and
// its type makes a declared workflow without an entry a compile error). A workflow without a page yet says
// what it will do instead of pretending.
import type { ComponentType } from 'react';
import type { WorkflowName } from '../../../electron/ipc/contract';
import { installationUses } from '../../../electron/domain/permissions';
import type { InstallationRole } from '../../../electron/domain/registry';
import { DisclosurePage } from '../pages/disclosure/DisclosurePage';
import { EvaluationPage } from '../pages/evaluation/EvaluationPage';
import { ExchangePage } from '../pages/exchange/ExchangePage';
import { FundsPage } from '../pages/funds/FundsPage';
import { HomePage } from '../pages/home/HomePage';
import { LibraryPage } from '../pages/library/LibraryPage';
import { MonitoringPage } from '../pages/monitoring/MonitoringPage';
import { PrefectureDashboardPage } from '../pages/prefectureDashboard/PrefectureDashboardPage';
import { CountyMonitoringPage } from '../pages/prefecture/CountyMonitoringPage';
import { CountyEvaluationsPage, CountyRectificationsPage, CountyResultsPage, CountySelfEvaluationsPage } from '../pages/prefecture/CountyOutcomePages';
import { CountyRegistryPage } from '../pages/prefecture/CountyRegistryPage';
import { CountyTargetsPage } from '../pages/prefecture/CountyTargetsPage';
import { ResultsPage } from '../pages/results/ResultsPage';
import { RectificationPage } from '../pages/rectification/RectificationPage';
import { RegistryPage } from '../pages/registry/RegistryPage';
import { SelfEvaluationPage } from '../pages/selfEvaluation/SelfEvaluationPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TargetsPage } from '../pages/targets/TargetsPage';

/** A workflow's entry in the navigation; its path is the workflow's name. */
export type NavigationEntry = { label: string } & ({ page: ComponentType; summary?: undefined } | { page?: undefined; summary: string });

export type Workflow = { path: string } & NavigationEntry;

const HOME: Workflow = { path: '', label: '首页', page: HomePage };

/** Each declared workflow's entry, or null for one shown inside another's page (or not at all). */
export const NAVIGATION: Readonly<Record<WorkflowName, NavigationEntry | null>> = {
  registry: { label: '单位与项目', page: RegistryPage },
  library: { label: '指标库', page: LibraryPage },
  // Projects are kept on 单位与项目.
  projects: null,
  targets: { label: '绩效目标', page: TargetsPage },
  monitoring: { label: '绩效监控', page: MonitoringPage },
  selfEvaluation: { label: '绩效自评', page: SelfEvaluationPage },
  evaluation: { label: '绩效评价', page: EvaluationPage },
  // 专家库 and 第三方机构 are tabs of 绩效评价.
  experts: null,
  results: { label: '结果应用', page: ResultsPage },
  rectification: { label: '整改问责', page: RectificationPage },
  funds: { label: '衔接资金', page: FundsPage },
  disclosure: { label: '绩效公开', page: DisclosurePage },
  // 上级通知 are written and read on 数据交换.
  notices: null,
  exchange: { label: '数据交换', page: ExchangePage },
  // The review lists are tabs of 数据交换; the counties' summary is the prefecture's own page (PREFECTURE_PAGES).
  prefecture: null,
  // The sample county is offered from the database menu and the first-run page.
  demo: null,
  settings: { label: '设置', page: SettingsPage },
};

/** 首页, then each workflow with an entry, in the workflows' order. */
export function navigationOf(order: readonly string[], entries: Readonly<Record<string, NavigationEntry | null>>): Workflow[] {
  return [HOME, ...order.flatMap((name) => {
    const entry = entries[name];
    return entry ? [{ ...entry, path: name }] : [];
  })];
}

export const WORKFLOWS: readonly Workflow[] = navigationOf(Object.keys(NAVIGATION), NAVIGATION);

/**
 * The prefecture's read-only pages across its counties, 州级汇总 first (the prefecture's 首页 leads to it), then the budget year's order: not workflows of their
 * own (the prefecture enters none of these records), so they are listed here rather than in NAVIGATION.
 */
export const PREFECTURE_PAGES: readonly Workflow[] = [
  { path: 'dashboard', label: '州级汇总', page: PrefectureDashboardPage },
  { path: 'county-registry', label: '各县单位与项目', page: CountyRegistryPage },
  { path: 'county-targets', label: '各县绩效目标', page: CountyTargetsPage },
  { path: 'county-monitoring', label: '各县绩效监控', page: CountyMonitoringPage },
  { path: 'county-self-evaluation', label: '各县绩效自评', page: CountySelfEvaluationsPage },
  { path: 'county-evaluation', label: '各县绩效评价', page: CountyEvaluationsPage },
  { path: 'county-results', label: '各县结果应用', page: CountyResultsPage },
  { path: 'county-rectification', label: '各县整改', page: CountyRectificationsPage },
];

/** What this installation's navigation offers: 首页, a prefecture's pages across its counties, and the workflows it uses (WORKFLOW_INSTALLATIONS). */
export function navigationFor(role: InstallationRole): Workflow[] {
  const used = WORKFLOWS.filter((workflow) => workflow !== HOME && installationUses(role, workflow.path as WorkflowName));
  return [HOME, ...(role === 'prefecture' ? PREFECTURE_PAGES : []), ...used];
}
