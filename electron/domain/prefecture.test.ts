import { describe, expect, it } from 'vitest';
import { REDECISION_REASON_MAX, redecisionRefusal, reviewAboveRefusal } from './prefecture';

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

describe('a 改判 and its reason', () => {
  it('asks nothing of a first decision, and a reason of a 改判', () => {
    expect(redecisionRefusal(false, undefined)).toBeNull();
    expect(redecisionRefusal(true, ' ')).toBe('对这一版本的审核结论已随回复发给下级，再次审核即为改判：请填写改判理由，下级会看到它');
    expect(redecisionRefusal(true, '县里补充了测算依据')).toBeNull();
  });

  it('takes a reason up to the limit, counted without the spaces around it, and names the length past it', () => {
    expect(redecisionRefusal(true, ` ${'依'.repeat(REDECISION_REASON_MAX)} `)).toBeNull();
    expect(redecisionRefusal(true, '依'.repeat(REDECISION_REASON_MAX + 1))).toBe(`改判理由最多 ${REDECISION_REASON_MAX} 个字，现在有 ${REDECISION_REASON_MAX + 1} 个字，请精简后再改判`);
  });
});
