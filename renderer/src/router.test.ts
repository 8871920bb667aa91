import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('reads the segments of a hash route', () => {
    expect(parseRoute('#/registry/units')).toEqual(['registry', 'units']);
  });

  it('treats an empty or bare hash as the home route', () => {
    expect(parseRoute('')).toEqual([]);
    expect(parseRoute('#/')).toEqual([]);
  });

  it('decodes Chinese segments', () => {
    expect(parseRoute(`#/settings/${encodeURIComponent('参数')}`)).toEqual(['settings', '参数']);
  });
});
