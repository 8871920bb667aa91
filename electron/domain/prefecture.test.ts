import { describe, expect, it } from 'vitest';
import { reviewAboveRefusal } from './prefecture';

describe('what the review above may decide', () => {
  it('decides what the level below put forward: submitted for its review, or approved there', () => {
    expect(reviewAboveRefusal('submitted')).toBeNull();
    expect(reviewAboveRefusal('approved')).toBeNull();
  });

  it('refuses a draft and a record sent back for revision, naming the state', () => {
    expect(reviewAboveRefusal('draft')).toBe('下级的状态是“草稿”，尚未送审，不能审核；请等下级送审后再报来');
    expect(reviewAboveRefusal('returned')).toBe('下级的状态是“被退回”，尚未送审，不能审核；请等下级送审后再报来');
  });
});
