// Zod building blocks shared by the per-area contracts.
import { z } from 'zod';
import type { Permission } from '../domain/permissions';

z.config(z.locales.zhCN());

/** Declares a channel's output type; the value is never read at run time. */
export const returns = <T>() => undefined as unknown as T;

export const none = z.object({}).strict();
export const text = (max: number) => z.string().trim().max(max);
export const uuid = z.string().uuid();
export const year = z.number().int().min(2000).max(2100);
export const regionCode = z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字');

/** An amount in 分 that can never be negative, such as an executed figure. */
export const fen = z.number().int().min(0, '金额不能为负数').max(Number.MAX_SAFE_INTEGER);
/**
 * An amount in 分 typed into a form whose domain check names a negative figure at its own field and
 * row (项目资金, 部门整体预算); refusing it here would replace that message with a generic one.
 */
export const signedFen = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** A non-negative exact decimal as text ("240", "128.5"), for JSON where a float would lose digits. */
export const decimalText = z.string({ error: '应为数字字符串，如 "240"' }).regex(/^\s*\d+(\.\d+)?\s*$/, '应为不小于 0 的数字，如 "240" 或 "128.5"');
/** The version of a stored record the user edited, so a change made meanwhile is not overwritten. */
export const version = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为“2020-08-31”这样的格式');

/** A file handed across the boundary (xlsx, backup): base64 bytes plus its name. */
export const file = z.object({ fileName: text(255), dataBase64: z.string().max(40 * 1024 * 1024) }).strict();
export type FilePayload = z.infer<typeof file>;

export interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
  /**
   * What the caller's role must allow (electron/domain/permissions.ts). A function of the parsed input
   * where the input decides, such as a workflow transition that submits or approves.
   */
  permission: Permission | ((input: never) => Permission);
}
export type ContractPart = Record<string, ChannelSpec>;
