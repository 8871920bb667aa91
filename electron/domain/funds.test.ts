import { describe, expect, it } from 'vitest';
import {
  behindTimeProgress,
  beneficiaryProblems,
  dateInYearProblem,
  documentProblems,
  fundTimeProgress,
  industryShare,
  loopStages,
  normaliseDate,
  overAllocationWarning,
  parsePaymentAmount,
  paymentProblems,
  spendingProgress,
} from './funds';
import { percent, ratio } from './ratio';

const WAN = 1_000_000;

describe('industry share', () => {
  it('meets the aim at exactly 60%, and falls short one 分 below it', () => {
    const exactly = industryShare([{ category: '产业', allocatedFen: 60 * WAN }, { category: '基础设施', allocatedFen: 40 * WAN }], '60');
    expect(exactly).toMatchObject({ industryFen: 60 * WAN, totalFen: 100 * WAN, verdict: 'met' });
    expect(percent(exactly.share!)).toBe('60.00');
    const short = industryShare([{ category: '产业', allocatedFen: 60 * WAN - 1 }, { category: '就业', allocatedFen: 40 * WAN + 1 }], '60');
    expect(short.verdict).toBe('below');
  });

  it('has no share and no verdict with nothing allocated, and counts a project without a category outside industry', () => {
    expect(industryShare([{ category: '产业', allocatedFen: 0 }], '60')).toMatchObject({ share: null, verdict: 'none', totalFen: 0 });
    const unclassified = industryShare([{ category: null, allocatedFen: 50 * WAN }, { category: '产业', allocatedFen: 50 * WAN }], '60');
    expect(percent(unclassified.share!)).toBe('50.00');
    expect(industryShare([{ category: '产业', allocatedFen: 70 * WAN }, { category: '其他', allocatedFen: 30 * WAN }], '75').verdict).toBe('below');
  });
});

describe('spending progress', () => {
  it('is paid ÷ allocated exactly, and 0 with a flag when nothing is allocated', () => {
    expect(spendingProgress(128, 240)).toEqual({ rate: ratio(8, 15), zeroAllocation: false });
    expect(spendingProgress(0, 0)).toEqual({ rate: ratio(0), zeroAllocation: true });
  });

  it('is behind when below the time progress, not when equal, and never for a zero allocation', () => {
    const august = fundTimeProgress(2020, '2020-08-15', 'month');
    expect(august).toEqual(ratio(8, 12));
    expect(behindTimeProgress(spendingProgress(2, 3), august)).toBe(false);
    expect(behindTimeProgress(spendingProgress(66, 100), august)).toBe(true);
    expect(behindTimeProgress(spendingProgress(0, 0), august)).toBe(false);
  });

  it('takes the time progress as nothing before the year and all of it after', () => {
    expect(fundTimeProgress(2020, '2019-12-31', 'month')).toEqual(ratio(0));
    expect(fundTimeProgress(2020, '2021-01-02', 'days')).toEqual(ratio(1));
    expect(fundTimeProgress(2020, '2020-12-31', 'days')).toEqual(ratio(1));
  });

  it('warns when payments pass the allocation, not when they reach it', () => {
    expect(overAllocationWarning(100 * WAN, 100 * WAN)).toBeNull();
    expect(overAllocationWarning(100 * WAN + 1, 100 * WAN)).toMatch(/累计支付 100\.0000 万元 超过该项目已分配的衔接资金 100\.0000 万元/);
  });
});

describe('fund records as typed', () => {
  it('names each wrong field of a document', () => {
    expect(documentProblems({ docNumber: '', level: '乡', issuedOn: '2021-01-05', amount: '0' }, 2020)).toEqual({
      docNumber: '请填写文号，如“新财农〔2020〕12号”',
      level: '资金级次应为：中央、自治区、地区、县',
      issuedOn: '发文日期 2021-01-05 不在 2020 年内，请填写本年度的日期',
      amount: '金额应大于 0',
    });
    expect(documentProblems({ docNumber: '新财农〔2020〕1号', level: '中央', issuedOn: '2020-03-01', amount: '1,200.5' }, 2020)).toEqual({});
  });

  it('refuses a payment dated in another year, an unknown payee type and a voucher with spaces', () => {
    const problems = paymentProblems({ paidOn: '2019-12-31', amount: 'abc', payeeType: '个人', voucher: 'PZ 1', note: '' }, 2020);
    expect(Object.keys(problems).sort()).toEqual(['amount', 'paidOn', 'payeeType', 'voucher']);
    expect(problems.payeeType).toBe('收款人类型应为：农户、合作社、企业、村集体、其他');
  });

  it('reads an export amount in 元 or 万元 as its header says', () => {
    expect(parsePaymentAmount('125000.50', 'yuan')).toEqual({ fen: 12_500_050 });
    expect(parsePaymentAmount('12.5', 'wan')).toEqual({ fen: 12_500_000 });
    expect(parsePaymentAmount('0', 'yuan')).toEqual({ problem: '金额应大于 0' });
  });

  it('writes the dates of exports in ISO form and leaves the rest for the check', () => {
    expect(['2020/5/1', '2020.05.01', '2020年5月1日', '20200501', '2020-05-01'].map(normaliseDate)).toEqual(Array(5).fill('2020-05-01'));
    expect(normaliseDate('5月1日')).toBe('5月1日');
    expect(dateInYearProblem('2020-02-30', 2020, '支付日期')).toBe('支付日期应为“2020-06-30”这样的日期');
  });

  it('keeps each 其中 within its whole, checked apart since a household can be both', () => {
    const ok = { households: 10, people: 40, povertyHouseholds: 10, povertyPeople: 40, monitoredHouseholds: 10, monitoredPeople: 40 };
    expect(beneficiaryProblems(ok)).toEqual({});
    expect(beneficiaryProblems({ ...ok, povertyHouseholds: 11, monitoredPeople: 41 })).toEqual({
      povertyHouseholds: '其中脱贫户户数（11）不能多于受益户数（10）',
      monitoredPeople: '其中监测户人数（41）不能多于受益人数（40）',
    });
    expect(beneficiaryProblems({ ...ok, households: -1 }).households).toBe('受益户数应为不小于 0 的整数');
  });
});

describe('the loop of a project', () => {
  it('says each stage done, to watch, or not reached', () => {
    const progress = spendingProgress(30, 100);
    const stages = loopStages({ targetStatus: 'submitted', monitoring: { month: 8, light: 'yellow' }, selfEvaluationStatus: null, progress, behind: true });
    expect(stages.map((s) => [s.label, s.state, s.detail])).toEqual([
      ['目标设定', 'missing', '绩效目标已送审，尚未批复'],
      ['运行监控', 'attention', '8月监控：黄灯'],
      ['绩效自评', 'missing', '尚未自评'],
      ['资金支付监管', 'attention', '支出进度 30.00%，落后于序时进度'],
    ]);
    const done = loopStages({ targetStatus: 'approved', monitoring: { month: 11, light: 'green' }, selfEvaluationStatus: 'approved', progress: spendingProgress(0, 0), behind: false });
    expect(done.map((s) => s.state)).toEqual(['done', 'done', 'done', 'missing']);
    expect(done[3]!.detail).toBe('尚未分配资金');
  });
});
