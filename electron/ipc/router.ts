// The single entry for every call from the renderer, whatever the transport: checks the sender, the
// channel and the input, requires a signed-in operator where needed, and turns every failure into
// { ok: false, error: { code, message } } with a message a person can act on.
import { z } from 'zod';
import { StoreError } from '../../db/open';
import { AppError, type ErrorPayload } from '../errors';
import { contract, isChannel, PUBLIC_CHANNELS, type Result } from './contract';
import type { CallContext } from './context';
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

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return { code: error.reportedCode, message: error.message };
  if (error instanceof StoreError) return { code: 'STORE', message: error.message };
  if (error instanceof z.ZodError) return { code: 'INVALID_INPUT', message: describeZodError(error) };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `程序内部错误：${detail}。数据未做修改，请重试或联系技术支持。` };
}

export interface Router {
  invoke(channel: unknown, input: unknown, ctx: CallContext, trustedSender: boolean): Promise<Result<unknown>>;
}

export function createRouter(handlers: Handlers): Router {
  return {
    async invoke(channel, input, ctx, trustedSender) {
      try {
        if (!trustedSender) throw new AppError('FORBIDDEN_SENDER', '拒绝来自未授权页面的调用');
        if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `未知的接口“${String(channel).slice(0, 60)}”`);
        if (!PUBLIC_CHANNELS.has(channel) && !ctx.session.operator) {
          throw new AppError('NOT_SIGNED_IN', '请先登录后再操作');
        }
        const parsed = contract[channel].input.safeParse(input ?? {});
        if (!parsed.success) throw parsed.error;
        const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
        return { ok: true, value: await handler(parsed.data, ctx) };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    },
  };
}
