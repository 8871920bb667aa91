// The single entry for every call from the renderer, whatever the transport: checks the sender, the
// channel and the input, requires a signed-in operator where needed, and turns every failure into
// { ok: false, error: { code, message } } with a message a person can act on.
import { z } from 'zod';
import { BUSY_TIMEOUT_MS, StoreError } from '../../db/open';
import { installationRefusal, isPrivileged, refusalReason, type Permission } from '../domain/permissions';
import { AppError, type ErrorPayload } from '../errors';
import type { WorkflowName } from '../workflows';
import { auditRefusal, currentInstallation, currentOperator } from '../registry';
import { CHANNEL_WORKFLOWS, contract, PUBLIC_CHANNELS, type Contract, type Result } from './contract';
import { actorOf, signInto, type CallContext } from './context';
import type { ContractPart } from './schema';

/** The handlers of one contract part: each workflow exports one such map for its own channels. */
export type HandlersFor<P extends ContractPart> = {
  [C in keyof P]: (input: z.output<P[C]['input']>, ctx: CallContext) => P[C]['output'] | Promise<P[C]['output']>;
};

export type Handlers = HandlersFor<typeof contract>;


function describeZodError(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}：` : '';
    return `${where}${issue.message}`;
  });
  return `输入有误：${issues.join('；')}`;
}

/** SQLite's "database is locked": another connection kept the write lock past the busy timeout. */
const isDatabaseBusy = (error: unknown): boolean =>
  error instanceof Error && error.name === 'SqliteError' && String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return { code: error.reportedCode, message: error.message };
  if (error instanceof StoreError) return { code: 'STORE', message: error.message };
  if (error instanceof z.ZodError) return { code: 'INVALID_INPUT', message: describeZodError(error) };
  if (isDatabaseBusy(error)) {
    return {
      code: 'CONFLICT',
      message: `数据库正被另一个程序（另一个窗口、命令行或正在进行的导入）写入，等了 ${BUSY_TIMEOUT_MS / 1000} 秒仍未结束。本次操作没有写入任何内容，请等它完成后重试。`,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `程序内部错误：${detail}。数据未做修改，请重试或联系技术支持。` };
}

/**
 * Ends a session opened against a database since restored or switched, or whose operator was removed,
 * deactivated or given another role since signing in, and says why; null while it still holds.
 */
function endStaleSession(ctx: CallContext): string | null {
  const signedIn = ctx.session.operator;
  if (!signedIn) return null;
  const current = ctx.session.signedInTo === ctx.app.store() ? currentOperator(ctx.app.store().db, signedIn) : null;
  signInto(ctx.session, ctx.app, current);
  return current ? null : `登录已失效（数据库已恢复或切换，或操作员“${signedIn.name}”已停用或角色已变更），请重新登录`;
}

/** Before sign-in only public channels are reachable; once signed in, the role must allow the channel. */
function refuseUnlessAllowed(ctx: CallContext, channel: string, permission: Permission): void {
  const operator = ctx.session.operator;
  if (!operator || permission === 'public') return;
  const reason = refusalReason(operator.role, permission);
  if (!reason) return;
  if (isPrivileged(permission)) auditRefusal(ctx.app.store().db, actorOf(ctx.session), channel, permission);
  throw new AppError('FORBIDDEN', reason);
}

/**
 * A prefecture does not enter a county's records, nor a unit the county's: a channel of a workflow the
 * installation does not use refuses its entering and reviewing (WORKFLOW_INSTALLATIONS).
 */
function refuseUnlessInstallationUses(ctx: CallContext, workflow: WorkflowName | undefined, permission: Permission): void {
  if (!workflow) return;
  const installation = currentInstallation(ctx.app.store().db);
  const reason = installation && installationRefusal(installation.role, workflow, permission);
  if (reason) throw new AppError('FORBIDDEN', reason);
}

export interface Router {
  invoke(channel: unknown, input: unknown, ctx: CallContext, trustedSender: boolean): Promise<Result<unknown>>;
}

/** What a router serves: the application's contract by default, or that of a list of workflows built elsewhere. */
export interface Routing<C extends ContractPart> {
  contract: C;
  publicChannels: ReadonlySet<string>;
  /** The application's workflow of each channel, whose installations are checked; none: no such check. */
  channelWorkflows?: ReadonlyMap<string, WorkflowName>;
}

const APP_ROUTING: Routing<Contract> = { contract, publicChannels: PUBLIC_CHANNELS, channelWorkflows: CHANNEL_WORKFLOWS };

export function createRouter(handlers: Handlers): Router;
export function createRouter<C extends ContractPart>(handlers: HandlersFor<C>, routing: Routing<C>): Router;
export function createRouter(handlers: Readonly<Record<string, unknown>>, routing: Routing<ContractPart> = APP_ROUTING): Router {
  const served = routing.contract;
  const isServed = (name: unknown): name is string => typeof name === 'string' && Object.hasOwn(served, name);
  return {
    async invoke(channel, input, ctx, trustedSender) {
      try {
        if (!trustedSender) throw new AppError('FORBIDDEN_SENDER', '拒绝来自未授权页面的调用');
        if (!isServed(channel)) throw new AppError('UNKNOWN_CHANNEL', `未知的接口“${String(channel).slice(0, 60)}”`);
        const ended = endStaleSession(ctx);
        if (!routing.publicChannels.has(channel) && !ctx.session.operator) {
          throw new AppError('NOT_SIGNED_IN', ended ?? '请先登录后再操作');
        }
        const { permission, input: schema } = served[channel]!;
        const refuseUnlessPermitted = (required: Permission) => {
          refuseUnlessAllowed(ctx, channel, required);
          refuseUnlessInstallationUses(ctx, routing.channelWorkflows?.get(channel), required);
        };
        // A permission fixed by the channel is checked before the input is even read.
        if (typeof permission === 'string') refuseUnlessPermitted(permission);
        const parsed = schema.safeParse(input ?? {});
        if (!parsed.success) throw parsed.error;
        if (typeof permission === 'function') refuseUnlessPermitted((permission as (input: unknown) => Permission)(parsed.data));
        const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
        return { ok: true, value: await handler(parsed.data, ctx) };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    },
  };
}
