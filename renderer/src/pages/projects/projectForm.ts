// The project form's model, kept apart from the components so it can be tested without a browser:
// amounts are typed in 万元 as text and parsed exactly; every rule comes from the domain layer.
import { parseWanYuan, wanYuanText } from '../../../../electron/domain/money';
import { hasErrors, type FieldErrors } from '../../../../electron/domain/validation';
import {
  checkFunds,
  checkProject,
  checkProjectUnits,
  type FundRow,
  type FundSource,
  type ProjectDraft,
  type ProjectProblems,
  type UnitRef,
} from '../../../../electron/domain/projects';
import type { Input } from '../../../../electron/ipc/contract';
import type { Project } from '../../../../electron/projects/contract';

export interface FundText {
  source: FundSource | '';
  initial: string;
  addition: string;
  cut: string;
}
export type FundTextField = keyof FundText;
export type FundErrors = FieldErrors<FundText>;

export interface ProjectFormState extends ProjectDraft {
  funds: FundText[];
}

export const emptyFund = (source: FundSource | '' = ''): FundText => ({ source, initial: '', addition: '', cut: '' });

/** The form's fields of a project; the unit an edited project comes with is the picker's, not a field. */
export function projectFormOf(project: (Project & { unit?: unknown }) | null): ProjectFormState {
  if (!project) {
    return {
      code: '',
      name: '',
      departmentCode: '',
      unitCode: '',
      category: '本级支出',
      attribute: '新增',
      keyProject: false,
      povertyFund: false,
      confidential: false,
      projectTypeCode: null,
      startDate: null,
      endDate: null,
      personInCharge: '',
      funds: [emptyFund('本级财政拨款')],
    };
  }
  const { id: _id, year: _year, version: _version, updatedAt: _updatedAt, totals: _totals, unit: _unit, funds, ...draft } = project;
  return {
    ...draft,
    funds: funds.map((f) => ({ source: f.source as FundSource, initial: wanYuanText(f.initialFen), addition: wanYuanText(f.additionFen), cut: wanYuanText(f.cutFen) })),
  };
}

const AMOUNT_FIELDS: [Exclude<FundTextField, 'source'>, keyof FundRow][] = [
  ['initial', 'initialFen'],
  ['addition', 'additionFen'],
  ['cut', 'cutFen'],
];

/** Parses the typed funds; amounts left empty count as 0. Errors are per row and field, as typed. */
export function readFunds(rows: readonly FundText[]): { funds: FundRow[]; errors: FundErrors[] } {
  const errors: FundErrors[] = rows.map(() => ({}));
  const funds = rows.map((row, index) => {
    const fund: FundRow = { source: row.source, initialFen: 0, additionFen: 0, cutFen: 0 };
    if (row.source === '') errors[index]!.source = '请选择资金来源';
    for (const [field, fenField] of AMOUNT_FIELDS) {
      if (row[field].trim() === '') continue;
      const parsed = parseWanYuan(row[field]);
      if (parsed.ok) (fund[fenField] as number) = parsed.fen;
      else errors[index]![field] = parsed.message;
    }
    return fund;
  });
  const parsedAll = !errors.some(hasErrors);
  if (parsedAll) {
    for (const problem of checkFunds(funds)) {
      const field = AMOUNT_FIELDS.find(([, fen]) => fen === problem.field)?.[0] ?? 'source';
      errors[problem.row ?? 0]![field] ??= problem.message;
    }
  }
  return { funds, errors };
}

export interface ProjectFormErrors {
  fields: ProjectProblems;
  funds: FundErrors[];
}

export function projectFormErrors(state: ProjectFormState, unitOf: (code: string) => UnitRef | undefined): ProjectFormErrors {
  return { fields: { ...checkProject(state), ...checkProjectUnits(state, unitOf) }, funds: readFunds(state.funds).errors };
}

export const hasFormErrors = (errors: ProjectFormErrors) =>
  hasErrors(errors.fields) || errors.funds.some(hasErrors);

/** The service input; call it only once the form has no errors (every source is then a known one). */
export function toProjectInput(state: ProjectFormState, year: number): Input<'projects.create'> {
  const { funds: _texts, ...draft } = state;
  return { ...draft, year, funds: readFunds(state.funds).funds.map((f) => ({ ...f, source: f.source as FundSource })) };
}
