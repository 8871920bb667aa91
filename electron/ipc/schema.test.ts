import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fen, isoDate, signedFen, version } from './schema';

const message = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('the shared building blocks of the contracts', () => {
  it('refuses a negative executed amount at the boundary, in Chinese', () => {
    expect(message(fen, -1)).toBe('金额不能为负数');
    expect(message(fen, 0)).toBeNull();
  });

  it('lets a negative form amount through to the domain check that names its field', () => {
    expect(message(signedFen, -2_500_000)).toBeNull();
    expect(message(signedFen, 0.5)).not.toBeNull();
  });

  it('refuses amounts that an integer cannot hold exactly', () => {
    expect(message(fen, Number.MAX_SAFE_INTEGER + 2)).not.toBeNull();
    expect(message(signedFen, -Number.MAX_SAFE_INTEGER - 2)).not.toBeNull();
  });

  it('accepts only a stored version, which starts at 1', () => {
    expect(message(version, 0)).not.toBeNull();
    expect(message(version, 1)).toBeNull();
  });

  it('says how a date is written when it is not', () => {
    expect(message(isoDate, '2020/08/31')).toBe('日期应为“2020-08-31”这样的格式');
    expect(message(isoDate, '2020-08-31')).toBeNull();
  });
});
