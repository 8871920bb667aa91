// Separation of duties on monitoring sheets: the operator who submitted a sheet does not approve or
// return it; another reviewer does.
import { describe, expect, it } from 'vitest';
import { createOperator } from '../registry/operators';
import { luntaiApprovedTargets } from '../testSupport/approvedTargets';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { createRound } from './rounds';
import { getSheet, listSheets, saveSheet, transitionSheet } from './sheets';

const WAN = 1_000_000;
const none = { reasons: [], reasonOther: '', measures: '' };

function sheetSubmittedByReviewer() {
  const { db } = countyStore({ colleagues: true });
  luntaiApprovedTargets(db, 2020);
  const round = createRound(db, TEST_ACTOR, { year: 2020, month: 8, deadline: '2020-08-31', scope: 'all' });
  const doctors = getSheet(db, listSheets(db, round.id).find((s) => s.projectCode === 'LT2020-003')!.id);
  const submitter = createOperator(db, TEST_ACTOR, { name: '王审核', role: 'reviewer', password: null });
  const other = createOperator(db, TEST_ACTOR, { name: '赵审核', role: 'reviewer', password: null });
  const filled = saveSheet(db, submitter, {
    sheetId: doctors.id,
    version: doctors.version,
    analysis: '',
    budget: none,
    funds: doctors.funds.map((f) => ({ ...f, executedFen: 60 * WAN })),
    indicators: doctors.indicators.map((i, n) => ({ ...i, reached: ['110', '达成目标'][n]!, likelihood: '有可能', ...none })),
  });
  const sheet = transitionSheet(db, submitter, { sheetId: filled.id, version: filled.version, action: 'submit' });
  return { db, submitter, other, sheet };
}

describe('separation of duties on monitoring sheets', () => {
  it('refuses the submitter approving or returning their own sheet, and lets another reviewer approve it', () => {
    const { db, submitter, other, sheet } = sheetSubmittedByReviewer();
    expect(() => transitionSheet(db, submitter, { sheetId: sheet.id, version: sheet.version, action: 'approve' })).toThrow('不能审核本人送审的记录');
    expect(() => transitionSheet(db, submitter, { sheetId: sheet.id, version: sheet.version, action: 'return', opinion: '重填' })).toThrow('不能审核本人送审的记录');
    expect(transitionSheet(db, other, { sheetId: sheet.id, version: sheet.version, action: 'approve' }).status).toBe('approved');
  });
});
