// Who may do what: the one table of permissions by operator role. The router checks a channel's
// permission before its handler runs, services check it again for the command line and tests, and the
// renderer hides or disables what the signed-in role may not do — all from this table.
import { OPERATOR_ROLE_LABELS, ROLE_LABELS, ROLES, type InstallationRole, type OperatorRole } from './registry';
import type { WorkflowAction } from './workflow';

interface PermissionSpec {
  /** What the permission lets a person do, as the refusal names it. */
  label: string;
  roles: readonly OperatorRole[];
  /** A refusal of a privileged action is written to the audit log: someone tried to reach past their role. */
  privileged: boolean;
}

const EVERYONE: readonly OperatorRole[] = ['admin', 'office', 'reviewer', 'clerk', 'department'];
const ENTERING: readonly OperatorRole[] = ['admin', 'office', 'reviewer', 'clerk'];
// The performance office (绩效办) reviews like a reviewer; an administrator can stand in for either.
const REVIEWING: readonly OperatorRole[] = ['admin', 'office', 'reviewer'];
const ADMINISTERING: readonly OperatorRole[] = ['admin'];

export const PERMISSIONS = {
  /** Usable before anyone has signed in: first-run setup, the sign-in screen. */
  public: { label: '登录前使用', roles: EVERYONE, privileged: false },
  view: { label: '查看', roles: EVERYONE, privileged: false },
  enter: { label: '填报和送审', roles: ENTERING, privileged: false },
  review: { label: '审核（通过或退回）', roles: REVIEWING, privileged: true },
  /** A review on a record that may pass its 主管部门 first (reviewChain.ts says who acts at which step). */
  'review.chained': { label: '审核（通过或退回）', roles: [...REVIEWING, 'department'], privileged: true },
  /** 部门评价 is a 主管部门's own work on its units, so its reviewer enters and submits evaluations too. */
  evaluate: { label: '填报和送审绩效评价', roles: [...ENTERING, 'department'], privileged: false },
  'library.confirm': { label: '确认指标库条目', roles: REVIEWING, privileged: true },
  'rounds.open': { label: '开启监控轮次', roles: REVIEWING, privileged: true },
  'operators.manage': { label: '管理操作员', roles: ADMINISTERING, privileged: true },
  'settings.manage': { label: '修改设置', roles: ADMINISTERING, privileged: true },
  'regions.manage': { label: '维护区划', roles: ADMINISTERING, privileged: true },
  'backup.manage': { label: '备份与恢复', roles: ADMINISTERING, privileged: true },
  'database.switch': { label: '切换数据库', roles: ADMINISTERING, privileged: true },
  'peers.trust': { label: '信任新的数据交换对方', roles: ADMINISTERING, privileged: true },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isAllowed(role: OperatorRole, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly OperatorRole[]).includes(role);
}

export const isPrivileged = (permission: Permission): boolean => PERMISSIONS[permission].privileged;

/** The roles that hold a permission, in Chinese: 「系统管理员、绩效办或审核人」. */
export function rolesAllowed(permission: Permission): string {
  const labels = PERMISSIONS[permission].roles.map((role) => OPERATOR_ROLE_LABELS[role]);
  return labels.length > 1 ? `${labels.slice(0, -1).join('、')}或${labels[labels.length - 1]}` : labels[0]!;
}

/** Why a role may not do something, or null when it may: the same sentence in the router and the UI. */
export function refusalReason(role: OperatorRole, permission: Permission): string | null {
  if (isAllowed(role, permission)) return null;
  return `${OPERATOR_ROLE_LABELS[role]}不能${PERMISSIONS[permission].label}，请由${rolesAllowed(permission)}操作`;
}

/** Submitting and withdrawing is the clerk's part of a workflow; approving and returning is a review. */
export const workflowActionPermission = ({ action }: { action: WorkflowAction }): Permission =>
  action === 'approve' || action === 'return' ? 'review' : 'enter';

/** The same for a record on the review chain: the 主管部门审核人 reviews too, at the department's step only. */
export const chainedActionPermission = ({ action }: { action: WorkflowAction }): Permission =>
  action === 'approve' || action === 'return' ? 'review.chained' : 'enter';

export type SelfReview = { ok: true; self: boolean } | { ok: false; message: string };

/**
 * Separation of duties: nobody approves or returns what they submitted themselves, unless a
 * single-person installation allows it. An unknown submitter (the command line, older records) or
 * reviewer (the command line) is not a person to compare.
 */
export function checkSelfReview(submittedBy: string | null, reviewerId: string | null, allowSelfReview: boolean): SelfReview {
  const self = submittedBy !== null && submittedBy === reviewerId;
  if (self && !allowSelfReview) {
    return { ok: false, message: '不能审核本人送审的记录，请由另一位审核人审核（只有一位操作员的电脑可在“设置 → 参数设置 → 审核与权限”中允许）' };
  }
  return { ok: true, self };
}

const EVERY_INSTALLATION = ROLES;
const COUNTY: readonly InstallationRole[] = ['county'];
// A unit enters and answers for its own records only; the county registers, evaluates, uses results and
// publishes for the whole county, and the prefecture oversees its counties from the packages they send.
const COUNTY_AND_UNIT: readonly InstallationRole[] = ['county', 'unit'];

/**
 * Which installations use each workflow: there its page shows in the navigation and its entering and
 * reviewing channels answer; elsewhere the page is not offered and those channels are refused. A unit
 * keeps 单位与项目 (its own projects travel in its packages) and the library its targets start from; the
 * prefecture keeps the library it issues to its counties, and sees the counties through 数据交换.
 */
export const WORKFLOW_INSTALLATIONS = {
  registry: COUNTY_AND_UNIT,
  library: EVERY_INSTALLATION,
  projects: COUNTY_AND_UNIT,
  targets: COUNTY_AND_UNIT,
  monitoring: COUNTY_AND_UNIT,
  selfEvaluation: COUNTY_AND_UNIT,
  evaluation: COUNTY,
  experts: COUNTY,
  results: COUNTY,
  rectification: COUNTY_AND_UNIT,
  funds: COUNTY,
  disclosure: COUNTY,
  // The prefecture writes 通知 to its counties, which read them.
  notices: ['county', 'prefecture'],
  exchange: EVERY_INSTALLATION,
  // Its decisions are also the county's on its units' packages.
  prefecture: ['county', 'prefecture'],
  demo: COUNTY,
  settings: EVERY_INSTALLATION,
} as const satisfies Readonly<Record<string, readonly InstallationRole[]>>;

/**
 * A workflow of the one list (electron/workflows.ts), named here without importing it, as the domain
 * imports nothing outside itself; the router passes every listed workflow's name, so one missing here
 * fails to compile.
 */
export type InstalledWorkflow = keyof typeof WORKFLOW_INSTALLATIONS;

export const installationUses = (role: InstallationRole, workflow: InstalledWorkflow): boolean =>
  (WORKFLOW_INSTALLATIONS[workflow] as readonly InstallationRole[]).includes(role);

// Working on a workflow's records; viewing, signing in and administering the installation are every installation's.
const RECORD_WORK: ReadonlySet<Permission> = new Set(['enter', 'review', 'review.chained', 'evaluate', 'library.confirm', 'rounds.open']);

/** Why this installation may not work on a workflow's records, or null when it may. */
export function installationRefusal(role: InstallationRole, workflow: InstalledWorkflow, permission: Permission): string | null {
  if (!RECORD_WORK.has(permission) || installationUses(role, workflow)) return null;
  const users = WORKFLOW_INSTALLATIONS[workflow].map((user) => ROLE_LABELS[user]).join('、');
  return `本机是${ROLE_LABELS[role]}，这项业务只在${users}办理，本机不能${PERMISSIONS[permission].label}；需要的数据请通过数据交换收发`;
}
