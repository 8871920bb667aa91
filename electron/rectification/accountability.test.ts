// The 问责 list and 结果应用 on a real database: an open notice whose project the year's budget proposals hold
// back until rectified (整改后再安排) stands on the 问责 list with that measure, once the list is generated.
import { describe, expect, it } from 'vitest';
import { generateResults } from '../results/proposals';
import { daysFromToday, TEST_ACTOR } from '../testSupport/fixtures';
import { countyWithResults } from '../testSupport/results';
import { accountabilityList } from './views';

describe('the 问责 list and the budget proposals', () => {
  it('lists an open notice under 整改后再安排 once the proposals are generated, and says what they propose', () => {
    const county = countyWithResults();
    // Not overdue: only the proposals can put it on the list.
    county.store.sqlite.prepare('UPDATE rectifications SET deadline = ?').run(daysFromToday(10));
    expect(accountabilityList(county.db, TEST_ACTOR, { year: 2020 })).toEqual([]);

    generateResults(county.db, { id: county.office.id, name: county.office.name }, { year: 2020, replace: false });
    expect(accountabilityList(county.db, TEST_ACTOR, { year: 2020 }).map((n) => [n.number, n.reasons, n.resultsMeasure])).toEqual([['〔2020〕4号', ['结果应用：整改后再安排'], '整改后再安排']]);

    county.store.sqlite.prepare("UPDATE rectifications SET status = 'passed', holder = NULL").run();
    expect(accountabilityList(county.db, TEST_ACTOR, { year: 2020 })).toEqual([]);
  });

  it('shows the proposal beside an overdue notice too', () => {
    const county = countyWithResults();
    county.store.sqlite.prepare('UPDATE rectifications SET deadline = ?').run(daysFromToday(-2));
    generateResults(county.db, { id: county.office.id, name: county.office.name }, { year: 2020, replace: false });
    expect(accountabilityList(county.db, TEST_ACTOR, {}).map((n) => n.reasons)).toEqual([['逾期 2 天未通过', '结果应用：整改后再安排']]);
  });
});
