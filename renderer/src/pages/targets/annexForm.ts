// The 88号 annex 1 parts of the project target editor, apart from the components so they can be tested
// without a browser: money typed in 万元, 中期 indicator rows with local keys, schedule rows.
import { wanYuanText } from '../../../../electron/domain/money';
import type { FundSplit, ProjectAnnex } from '../../../../electron/domain/targetAnnex';
import { moneyField, newKey, withKeys, withoutKeys, type EditorIndicator } from './targetForm';

export interface SplitTexts {
  fiscal: string;
  other: string;
}

export interface ScheduleRow {
  key: string;
  period: string;
  work: string;
}

export interface AnnexState {
  midtermGoal: string;
  midtermIndicators: EditorIndicator[];
  midtermFunds: SplitTexts;
  annualFunds: SplitTexts;
  projectBasis: string;
  schedule: ScheduleRow[];
  contactPerson: string;
  contactPhone: string;
}

const splitTexts = (split: FundSplit | null): SplitTexts => (split ? { fiscal: wanYuanText(split.fiscalFen), other: wanYuanText(split.otherFen) } : { fiscal: '', other: '' });

/** The split as entered; both fields empty is "not entered" (null). */
export function splitOf(texts: SplitTexts): FundSplit | null {
  if (texts.fiscal.trim() === '' && texts.other.trim() === '') return null;
  return { fiscalFen: moneyField(texts.fiscal).fen, otherFen: moneyField(texts.other).fen };
}

/** The form's state; a split never entered starts as `proposedAnnual`, the one the fund sources give. */
export function annexState(annex: ProjectAnnex, proposedAnnual: FundSplit): AnnexState {
  return {
    midtermGoal: annex.midtermGoal,
    midtermIndicators: withKeys(annex.midtermIndicators),
    midtermFunds: splitTexts(annex.midtermFunds),
    annualFunds: splitTexts(annex.annualFunds ?? proposedAnnual),
    projectBasis: annex.projectBasis,
    schedule: annex.schedule.map((s) => ({ key: newKey(), ...s })),
    contactPerson: annex.contactPerson,
    contactPhone: annex.contactPhone,
  };
}

/** A state kept from an earlier session with keys of this one. */
export const annexWithFreshKeys = (state: AnnexState): AnnexState => ({
  ...state,
  midtermIndicators: withKeys(state.midtermIndicators),
  schedule: state.schedule.map((s) => ({ ...s, key: newKey() })),
});

export function annexOf(state: AnnexState): ProjectAnnex {
  return {
    midtermGoal: state.midtermGoal,
    midtermIndicators: withoutKeys(state.midtermIndicators),
    midtermFunds: splitOf(state.midtermFunds),
    annualFunds: splitOf(state.annualFunds),
    projectBasis: state.projectBasis,
    schedule: state.schedule.map(({ period, work }) => ({ period, work })),
    contactPerson: state.contactPerson,
    contactPhone: state.contactPhone,
  };
}

/** Amounts that are not 万元 figures, each with its message (the save would send 0 for them). */
export const annexParseErrors = (state: AnnexState): string[] =>
  [state.midtermFunds.fiscal, state.midtermFunds.other, state.annualFunds.fiscal, state.annualFunds.other].flatMap((text) => moneyField(text).error ?? []);
