// Zod building blocks shared by the per-area contracts.
import { z } from 'zod';

z.config(z.locales.zhCN());

/** Declares a channel's output type; the value is never read at run time. */
export const returns = <T>() => undefined as unknown as T;

export const none = z.object({}).strict();
export const text = (max: number) => z.string().trim().max(max);
export const uuid = z.string().uuid();
export const year = z.number().int().min(2000).max(2100);
export const regionCode = z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字');

/** A file handed across the boundary (xlsx, backup): base64 bytes plus its name. */
export const file = z.object({ fileName: text(255), dataBase64: z.string().max(40 * 1024 * 1024) }).strict();
export type FilePayload = z.infer<typeof file>;

export interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}
export type ContractPart = Record<string, ChannelSpec>;
