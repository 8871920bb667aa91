// JSON piped into a calc command: a person who sends nothing or something else is told what to send.
import { AppError } from '../errors';

export function parseStdinJson(text: string, example: string): unknown {
  if (text.trim() === '') throw new AppError('INVALID_INPUT', `请在标准输入中提供 JSON，例如：${example}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('INVALID_INPUT', `标准输入不是有效的 JSON（${(error as Error).message}）。例如：${example}`);
  }
}
