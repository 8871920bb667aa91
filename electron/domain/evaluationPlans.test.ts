import { describe, expect, it } from 'vitest';
import { coverageOf, ruleProblem, selectByRule, type PlanProject } from './evaluationPlans';
import { percent } from './ratio';

const project = (code: string, departmentCode: string, adjustedFen: number, flags: Partial<PlanProject> = {}): PlanProject => ({
  id: `id-${code}`,
  code,
  departmentCode,
  adjustedFen,
  keyProject: false,
  povertyFund: false,
  ...flags,
});

// Out of code order on purpose: every rule reads the candidates in code order.
const PROJECTS = [
  project('XM003', '302001', 3_000_000, { povertyFund: true }),
  project('XM001', '301001', 100_000_000, { keyProject: true }),
  project('XM002', '301001', 99_999_999),
  project('XM004', '302001', 0, { keyProject: true, povertyFund: true }),
];
const codes = (rule: Parameters<typeof selectByRule>[1], candidates = PROJECTS) => selectByRule(candidates, rule).map((s) => s.project.code);

describe('evaluation plan selection rules', () => {
  it('selects key projects and 衔接资金 projects by their flags', () => {
    expect(codes({ kind: 'key' })).toEqual(['XM001', 'XM004']);
    expect(codes({ kind: 'poverty' })).toEqual(['XM003', 'XM004']);
    expect(selectByRule(PROJECTS, { kind: 'poverty' })[0]!.reason).toBe('衔接资金项目');
  });

  it('selects an adjusted budget at or above the amount, 1 分 below staying out, and says both amounts', () => {
    const chosen = selectByRule(PROJECTS, { kind: 'amount', minFen: 100_000_000 });
    expect(chosen.map((s) => s.project.code)).toEqual(['XM001']);
    expect(chosen[0]!.reason).toBe('调整后预算 100 万元，达到 100 万元');
    expect(codes({ kind: 'amount', minFen: 99_999_999 })).toEqual(['XM001', 'XM002']);
  });

  it('draws the same projects from the same seed whatever order they come in, another seed another draw', () => {
    const many = Array.from({ length: 40 }, (_, n) => project(`XM${String(n).padStart(3, '0')}`, '301001', 1));
    const first = codes({ kind: 'draw', share: 25, seed: 'seed-a' }, many);
    expect(first).toHaveLength(10);
    expect(codes({ kind: 'draw', share: 25, seed: 'seed-a' }, many.toReversed())).toEqual(first);
    expect(codes({ kind: 'draw', share: 25, seed: 'seed-b' }, many)).not.toEqual(first);
    expect(selectByRule(many, { kind: 'draw', share: 25, seed: 'seed-a' })[0]!.reason).toBe('随机抽取 25%（种子 seed-a，候选 40 个）');
  });

  it('takes by hand only the projects named', () => {
    expect(codes({ kind: 'hand', projectIds: ['id-XM004', 'id-XM002', 'id-unknown'] })).toEqual(['XM002', 'XM004']);
  });

  it('refuses a rule that cannot be applied, naming what to type', () => {
    expect(ruleProblem({ kind: 'amount', minFen: 0 })).toBe('金额应为大于 0 的万元数，如 100 或 50.5');
    expect(ruleProblem({ kind: 'draw', share: 0, seed: 'x' })).toBe('抽取比例应为 1–100 之间的整数（百分比）');
    expect(ruleProblem({ kind: 'draw', share: 10, seed: ' ' })).toMatch(/随机种子/);
    expect(ruleProblem({ kind: 'hand', projectIds: [] })).toBe('请至少选择一个项目');
    expect(ruleProblem({ kind: 'key' })).toBeNull();
  });
});

describe('evaluation coverage', () => {
  it('counts number and amount selected against the whole, overall and per 主管部门, as exact shares', () => {
    const { overall, byDepartment } = coverageOf(PROJECTS, ['id-XM001', 'id-XM003']);
    expect(overall).toMatchObject({ departmentCode: null, selectedCount: 2, totalCount: 4, selectedFen: 103_000_000, totalFen: 202_999_999 });
    expect(percent(overall.countShare!)).toBe('50.00');
    // 103000000 / 202999999 = 50.7389…%: exact, then rounded only for display.
    expect(overall.amountShare).toEqual({ num: 103_000_000n, den: 202_999_999n });
    expect(percent(overall.amountShare!)).toBe('50.74');
    expect(byDepartment.map((d) => [d.departmentCode, d.selectedCount, d.totalCount, percent(d.amountShare!)])).toEqual([
      ['301001', 1, 2, '50.00'],
      ['302001', 1, 2, '100.00'],
    ]);
  });

  it('has no share where there is nothing to cover', () => {
    const { overall, byDepartment } = coverageOf([project('XM9', '303001', 0)], []);
    expect(overall.countShare).toEqual({ num: 0n, den: 1n });
    expect(overall.amountShare).toBeNull();
    expect(coverageOf([], []).overall.countShare).toBeNull();
    expect(byDepartment).toHaveLength(1);
  });
});
