import { describe, expect, it } from 'vitest';
import { availableActions, editable, transition } from './workflow';

describe('workflow', () => {
  it('runs 草稿 → 已送审 → 被退回 → 已送审 → 通过', () => {
    expect(transition('draft', 'submit')).toEqual({ ok: true, next: 'submitted' });
    expect(transition('submitted', 'return', '指标值偏低')).toEqual({ ok: true, next: 'returned' });
    expect(transition('returned', 'submit')).toEqual({ ok: true, next: 'submitted' });
    expect(transition('submitted', 'approve')).toEqual({ ok: true, next: 'approved' });
  });

  it('refuses a return without an opinion', () => {
    expect(transition('submitted', 'return', '  ')).toEqual({ ok: false, message: '退回时必须填写审核意见' });
    expect(transition('submitted', 'return')).toMatchObject({ ok: false });
  });

  it('refuses illegal transitions, naming the current state', () => {
    expect(transition('draft', 'approve')).toEqual({ ok: false, message: '当前状态为“草稿”，不能审核通过' });
    expect(transition('approved', 'submit')).toMatchObject({ ok: false });
    expect(transition('approved', 'return', '意见')).toMatchObject({ ok: false });
    expect(transition('returned', 'approve')).toMatchObject({ ok: false });
  });

  it('locks submitted and approved records', () => {
    expect([editable('draft'), editable('returned'), editable('submitted'), editable('approved')]).toEqual([true, true, false, false]);
  });

  it('lists the actions of each state', () => {
    expect(availableActions('submitted')).toEqual(['withdraw', 'approve', 'return']);
    expect(availableActions('approved')).toEqual([]);
  });
});
