// A budget unit field that searches the register on the server (units.lookup), 50 units at a time: a big
// county has a thousand units, and no form should download them all to fill in one field.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { UnitChoice } from '../../../electron/registry/contract';
import { useInvoke } from './useInvoke';

const SEARCH_DELAY_MS = 200;
const MORE = '__more';

export const unitLabel = (unit: Pick<UnitChoice, 'code' | 'name'>) => `${unit.name}（${unit.code}）`;

type PassedProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'>;

export interface UnitPickerProps extends PassedProps {
  value: string | null;
  /** The chosen unit comes with its code, for a form that fills in its department. */
  onChange: (code: string | null, unit: UnitChoice | null) => void;
  /** Leaves out deactivated units (the chosen one stays). */
  activeOnly?: boolean;
  /** Offers only the 主管部门 (the chosen one stays). */
  departmentsOnly?: boolean;
}

export function UnitPicker({ value, onChange, activeOnly, departmentsOnly, nothingFoundMessage = '没有匹配的单位', ...props }: UnitPickerProps) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<UnitChoice | null>(null);
  // Once a unit is chosen the field shows its label as its text: that is no search, the list opens in full.
  const named = chosen?.code === value ? chosen : null;
  const [typed] = useDebouncedValue(named && search === unitLabel(named) ? '' : search.trim(), SEARCH_DELAY_MS);
  const found = useInvoke('units.lookup', { query: typed, include: value, activeOnly, departmentsOnly });
  const answer = found.data;
  const current = answer?.chosen?.code === value ? answer.chosen : named;
  // Remembered from the answer (React's pattern for state derived from an earlier render), so the label the
  // field then shows is known for what it is before the next lookup.
  if (current && current.code !== chosen?.code) setChosen(current);
  const page = answer?.units ?? [];
  const units = current && !page.some((u) => u.code === current.code) ? [current, ...page] : page;
  const more = (answer?.total ?? 0) - page.length;
  const data = [
    ...units.map((u) => ({ value: u.code, label: unitLabel(u) })),
    ...(more > 0 ? [{ value: MORE, label: `还有 ${more} 个单位，请输入名称或编码缩小范围`, disabled: true }] : []),
  ];
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(code) => {
        const unit = units.find((u) => u.code === code) ?? null;
        setChosen(unit);
        onChange(code, unit);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already chose what matches (a code's start or a name's middle): nothing is filtered again here.
      filter={({ options }) => options}
      nothingFoundMessage={found.loading ? '正在查找…' : nothingFoundMessage}
    />
  );
}
