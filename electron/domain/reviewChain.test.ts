import { describe, expect, it } from 'vitest';
import { checkReviewer, firstReviewStep, inReviewList, reviewOutcome, stepOf, supervisingDepartment } from './reviewChain';

const transport = { role: 'department', departmentCode: '301001' } as const;
const education = { role: 'department', departmentCode: '302001' } as const;
const reviewer = { role: 'reviewer', departmentCode: null } as const;
const clerk = { role: 'clerk', departmentCode: null } as const;

describe('review chain', () => {
  it('starts at the department only when the setting is on and the unit has a department other than itself', () => {
    expect(firstReviewStep(true, supervisingDepartment('301002', '301001'))).toBe('department');
    expect(firstReviewStep(true, supervisingDepartment('301001', '301001'))).toBe('bureau');
    expect(firstReviewStep(true, supervisingDepartment('301003', null))).toBe('bureau');
    expect(firstReviewStep(false, supervisingDepartment('301002', '301001'))).toBe('bureau');
  });

  it('reads a missing step, or a department step with the setting off, as the bureau’s', () => {
    expect([stepOf(null, true), stepOf('department', true), stepOf('department', false), stepOf('bureau', true)]).toEqual(['bureau', 'department', 'bureau', 'bureau']);
  });

  it('lets only the record’s own department act at its step, and only the bureau’s reviewers after', () => {
    expect(checkReviewer('department', transport, '301001')).toBeNull();
    expect(checkReviewer('department', education, '301001')).toMatch(/^只能审核本部门（302001）/);
    expect(checkReviewer('department', reviewer, '301001')).toMatch(/^该记录正在等待主管部门（301001）审核/);
    expect(checkReviewer('bureau', reviewer, '301001')).toBeNull();
    expect(checkReviewer('bureau', transport, '301001')).toBe('该记录已到财政局审核环节，主管部门审核人不能再审核');
    expect(checkReviewer('bureau', clerk, null)).toBe('经办人不能审核（通过或退回），请由系统管理员、绩效办或审核人操作');
  });

  it('passes a department’s approval on to the bureau and returns to the unit at either step', () => {
    expect(reviewOutcome('department', 'approve')).toEqual({ status: 'submitted', step: 'bureau' });
    expect(reviewOutcome('department', 'return')).toEqual({ status: 'returned', step: null });
    expect(reviewOutcome('bureau', 'approve')).toEqual({ status: 'approved', step: null });
  });

  it('lists for a department what waits for it, and for everyone else the bureau’s step', () => {
    expect([inReviewList('department', transport, '301001'), inReviewList('department', education, '301001'), inReviewList('bureau', transport, '301001')]).toEqual([true, false, false]);
    expect([inReviewList('department', reviewer, '301001'), inReviewList('bureau', reviewer, '301001'), inReviewList('bureau', clerk, null)]).toEqual([false, true, true]);
  });
});
