import { describe, expect, it } from 'vitest';
import { tokenFromFragment } from './api';

describe('tokenFromFragment', () => {
  it('takes the token from the fragment the bridge prints', () => {
    expect(tokenFromFragment('#token=9f0a1b')).toBe('9f0a1b');
  });

  it('ignores page routes and malformed tokens', () => {
    expect(tokenFromFragment('#/registry/units')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('#token=abc&x=1')).toBeNull();
  });
});
