import { ActionIcon, Badge, Group, Select, Table, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { ACCRUAL_LABELS, ACCRUALS, BASES, followDefaultAccrual, framework, OPERATORS, type Accrual, type Framework, type IndicatorOperator } from '../../../../electron/domain/indicators';
import type { TargetProblem } from '../../../../electron/domain/targets';
import { fieldProblems, type EditorIndicator } from './targetForm';

const compact = { input: { paddingInline: 8 } };

/** Columns a form adds after 指标解释 (the 88号 annex's 评（扣）分标准 and last year's values). */
export interface ExtraIndicatorColumns {
  headers: { label: string; width: number }[];
  cells: (row: EditorIndicator, index: number, update: (patch: Partial<EditorIndicator>) => void) => ReactNode[];
}

/**
 * The indicator rows of a target form: level 1/2 from the year's dictionary, level 3 typed, operator,
 * value, unit, accrual kind (following the unit's default until chosen), basis, weight and definition, each with the domain's message under it as the user types.
 */
export function IndicatorGrid({
  rows,
  frameworkId,
  problems,
  showErrors,
  onChange,
  onTouch,
  isLocked = () => false,
  extraColumns,
  gridLabel = '绩效指标',
}: {
  rows: readonly EditorIndicator[];
  frameworkId: Framework['id'];
  problems: readonly TargetProblem[];
  /** Whether a row's messages should show yet (touched, or the user tried to save or submit). */
  showErrors: (key: string) => boolean;
  onChange: (rows: EditorIndicator[]) => void;
  onTouch: (key: string) => void;
  /** A 固化指标 row: shown with its badge, its name fixed and no delete (the service refuses both). */
  isLocked?: (row: EditorIndicator) => boolean;
  extraColumns?: ExtraIndicatorColumns;
  /** What screen readers call the grid and prefix each field with (the 中期 grid has its own). */
  gridLabel?: string;
}) {
  const fw = framework(frameworkId);
  const prefix = gridLabel === '绩效指标' ? '' : gridLabel;
  const level1Options = fw.level1.map((l) => l.name);

  const update = (index: number, patch: Partial<EditorIndicator>) => {
    onTouch(rows[index]!.key);
    onChange(rows.map((row, i) => (i === index ? followDefaultAccrual(row, { ...row, ...patch }) : row)));
  };
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };

  const grid = (
    <Table withTableBorder layout="fixed" verticalSpacing={4} horizontalSpacing={4} aria-label={gridLabel} className="indicator-grid">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>序号</Table.Th>
          <Table.Th w={118}>一级指标</Table.Th>
          <Table.Th w={140}>二级指标</Table.Th>
          <Table.Th>三级指标</Table.Th>
          <Table.Th w={78}>指标性质</Table.Th>
          <Table.Th w={110}>指标值</Table.Th>
          <Table.Th w={80}>计量单位</Table.Th>
          <Table.Th w={86}>累计方式</Table.Th>
          <Table.Th w={104}>设定依据</Table.Th>
          <Table.Th w={64}>分值</Table.Th>
          <Table.Th w={170}>指标解释</Table.Th>
          {extraColumns?.headers.map((h) => (
            <Table.Th key={h.label} w={h.width}>
              {h.label}
            </Table.Th>
          ))}
          <Table.Th w={84} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => {
          const errors = showErrors(row.key) ? fieldProblems(problems, 'indicators', index) : {};
          const label = (what: string) => `${prefix}第 ${index + 1} 个指标${what}`;
          const level2Options = fw.level1.find((l) => l.name === row.level1)?.level2 ?? [];
          const locked = isLocked(row);
          return (
            <Table.Tr key={row.key} style={{ verticalAlign: 'top' }}>
              <Table.Td pt={10}>{index + 1}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={label('一级指标')}
                  data={level1Options}
                  value={row.level1 || null}
                  onChange={(level1) => {
                    const level2s = fw.level1.find((l) => l.name === level1)?.level2 ?? [];
                    update(index, { level1: level1 ?? '', level2: level2s.includes(row.level2) ? row.level2 : (level2s[0] ?? '') });
                  }}
                  error={errors.level1}
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={label('二级指标')}
                  data={level2Options}
                  value={row.level2 || null}
                  onChange={(level2) => update(index, { level2: level2 ?? '' })}
                  error={errors.level2}
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={label('三级指标')}
                  value={row.name}
                  title={locked ? `${row.name}：固化指标，名称不能修改` : row.name}
                  readOnly={locked}
                  rightSection={locked ? <LockedBadge /> : undefined}
                  rightSectionWidth={locked ? 40 : undefined}
                  onChange={(e) => update(index, { name: e.currentTarget.value })}
                  error={errors.name}
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={label('指标性质')}
                  data={[...OPERATORS]}
                  value={row.operator || null}
                  onChange={(operator) => update(index, { operator: (operator ?? '') as IndicatorOperator | '', ...(operator === '定性' ? { unit: '' } : {}) })}
                  error={errors.operator}
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={label('指标值')}
                  value={row.value}
                  placeholder={row.operator === '定性' ? '如：达成预期目标' : '数字'}
                  onChange={(e) => update(index, { value: e.currentTarget.value })}
                  error={errors.value}
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={label('计量单位')}
                  value={row.unit}
                  disabled={row.operator === '定性'}
                  onChange={(e) => update(index, { unit: e.currentTarget.value })}
                  error={errors.unit}
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={label('累计方式')}
                  data={ACCRUALS.map((a) => ({ value: a, label: ACCRUAL_LABELS[a] }))}
                  value={row.operator === '定性' ? null : row.accrual}
                  placeholder={row.operator === '定性' ? '—' : undefined}
                  disabled={row.operator === '定性'}
                  onChange={(accrual) => update(index, { accrual: (accrual ?? row.accrual) as Accrual })}
                  allowDeselect={false}
                  title="累计型按序时进度折算；状态型（比率、满意度、等级、年限等）与全年指标值比较"
                  styles={compact}
                />
              </Table.Td>
              <Table.Td>
                <Select aria-label={label('设定依据')} data={[...BASES]} value={row.basis || null} onChange={(basis) => update(index, { basis: basis ?? '' })} error={errors.basis} styles={compact} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={label('分值')} value={row.weight} onChange={(e) => update(index, { weight: e.currentTarget.value })} error={errors.weight} styles={compact} />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={label('指标解释')}
                  value={row.definition}
                  title={row.definition}
                  onChange={(e) => update(index, { definition: e.currentTarget.value })}
                  error={errors.definition}
                  styles={compact}
                />
              </Table.Td>
              {extraColumns?.cells(row, index, (patch) => update(index, patch)).map((cell, i) => <Table.Td key={i}>{cell}</Table.Td>)}
              <Table.Td>
                <Group gap={0} wrap="nowrap" pt={4}>
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={index === 0} onClick={() => move(index, -1)} aria-label={label('上移')}>
                    ↑
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" size="sm" disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={label('下移')}>
                    ↓
                  </ActionIcon>
                  {!locked && (
                    <ActionIcon variant="subtle" color="red" size="sm" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={label('删除')}>
                      ×
                    </ActionIcon>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  // Extra columns would squeeze 三级指标 to nothing: the grid scrolls sideways instead.
  if (!extraColumns) return grid;
  const width = 1040 + extraColumns.headers.reduce((sum, h) => sum + h.width, 0) + 220;
  return <Table.ScrollContainer minWidth={width}>{grid}</Table.ScrollContainer>;
}

function LockedBadge() {
  return (
    <Badge size="xs" variant="light" color="grape" px={4} title="指标库设定的固化指标：不能删除或改名，指标值由单位填写">
      固化
    </Badge>
  );
}
