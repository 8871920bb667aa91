import { describe, expect, it } from 'vitest';
import { isUnitPeer, replyInput, unitCodeOf } from './peers';

describe('the other side of a package', () => {
  it('tells a budget unit (county/unit) from a county or prefecture by its peer id', () => {
    expect(isUnitPeer('652822/101001')).toBe(true);
    expect(unitCodeOf('652822/101001')).toBe('101001');
    expect(isUnitPeer('652822')).toBe(false);
  });

  it('names the receiver of a reply by the parameter its kind takes, and nothing for a report upwards', () => {
    expect(replyInput({ via: 'unit', code: '101001', name: '轮台县教育局' })).toEqual({ unit: '101001' });
    expect(replyInput({ via: 'county', code: '652822', name: '轮台县' })).toEqual({ county: '652822' });
    expect(replyInput(undefined)).toEqual({});
  });
});
