import { Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment } from 'react';
import { ACCRUAL_LABELS, displayTarget, parseAccrual, type IndicatorOperator } from '../../../../electron/domain/indicators';
import { LIKELIHOODS, needsExplanation, QUALITATIVE_LEVELS, type SheetAssessment } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { DeviationFields } from './DeviationFields';
import { LightBadge } from './LightBadge';
import { Locked } from './Locked';
import type { IndicatorForm, SheetForm } from './sheetForm';

/** How an indicator's progress is read: prorated (累计型) or against the full target (状态型). */
function accrualLabel(accrual: string, allCumulative: boolean): string {
  const kind = allCumulative ? 'cumulative' : parseAccrual(accrual);
  return kind ? ACCRUAL_LABELS[kind] : '';
}
const accrualHint = '累计型按序时进度折算应完成值；状态型与全年指标值比较';

/**
 * 绩效指标完成情况 (the second part of 二、绩效目标完成情况): value reached, expected full year and likelihood per approved indicator, its light
 * while typing, and the reasons and measures a red or yellow light (or 完全不可能) asks for.
 */
export function IndicatorSection({
  detail,
  form,
  assessment,
  canEdit,
  attempted,
  onIndicator,
}: {
  /** A project's or a department's sheet: only its month, rules and approved indicators are read. */
  detail: { round: { month: number } } & Pick<SheetDetail, 'rules' | 'indicators'>;
  form: Pick<SheetForm, 'indicators'>;
  assessment: SheetAssessment;
  canEdit: boolean;
  /** The user tried to submit: show what is still empty, not only what is wrong. */
  attempted: boolean;
  onIndicator: (row: number, patch: Partial<IndicatorForm>) => void;
}) {
  const month = detail.round.month;
  const { thresholds } = detail.rules;
  const shown = (message: string | undefined) => (attempted ? message : undefined);
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        绩效指标完成情况
      </Title>
      <Table withTableBorder aria-label="绩效指标完成情况" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>指标</Table.Th>
            <Table.Th w={120}>指标值</Table.Th>
            <Table.Th w={190}>1—{month} 月完成值</Table.Th>
            <Table.Th w={130}>全年预计</Table.Th>
            <Table.Th w={140}>完成目标可能性</Table.Th>
            <Table.Th w={110}>灯色</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.indicators.map((indicator, i) => {
            const row = form.indicators[i]!;
            const result = assessment.indicators[i]!;
            const rowProblems = assessment.problems.indicators[i] ?? {};
            const explain = needsExplanation(result.light) || row.likelihood === '完全不可能';
            const qualitative = indicator.operator === '定性';
            return (
              <Fragment key={indicator.indicatorId}>
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm">{indicator.name}</Text>
                    <Text size="xs" c="dimmed">
                      {indicator.level1} · {indicator.level2}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {displayTarget({ operator: indicator.operator as IndicatorOperator, value: indicator.target, unit: indicator.unit })}
                    {!qualitative && (
                      <Text size="xs" c="dimmed" title={accrualHint}>
                        {accrualLabel(indicator.accrual, detail.rules.accrualRule === 'allCumulative')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!canEdit ? (
                      <Locked label={`${indicator.name}完成值`} text={row.reached} />
                    ) : qualitative ? (
                      <Select
                        size="xs"
                        aria-label={`${indicator.name}完成值`}
                        data={[...QUALITATIVE_LEVELS]}
                        value={row.reached || null}
                        onChange={(v) => onIndicator(i, { reached: v ?? '' })}
                        error={rowProblems.reached === '请选择完成情况' ? shown(rowProblems.reached) : rowProblems.reached}
                        clearable
                      />
                    ) : (
                      <TextInput
                        size="xs"
                        aria-label={`${indicator.name}完成值`}
                        value={row.reached}
                        onChange={(e) => onIndicator(i, { reached: e.currentTarget.value })}
                        error={rowProblems.reached === '请填写完成值' ? shown(rowProblems.reached) : rowProblems.reached}
                        placeholder={indicator.unit}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <TextInput size="xs" aria-label={`${indicator.name}全年预计`} value={row.expectedFullYear} onChange={(e) => onIndicator(i, { expectedFullYear: e.currentTarget.value })} error={rowProblems.expectedFullYear} />
                    ) : (
                      <Locked label={`${indicator.name}全年预计`} text={row.expectedFullYear} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <Select size="xs" aria-label={`${indicator.name}完成目标可能性`} data={[...LIKELIHOODS]} value={row.likelihood || null} onChange={(v) => onIndicator(i, { likelihood: v ?? '' })} error={shown(rowProblems.likelihood)} />
                    ) : (
                      <Locked label={`${indicator.name}完成目标可能性`} text={row.likelihood} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <LightBadge light={result.light} aria-label={`${indicator.name}灯色`} />
                    {result.ratio && (
                      <Text size="xs" c="dimmed">
                        进度 {percent(result.ratio)}%
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {explain && (
                  <Table.Tr bg="red.0">
                    <Table.Td colSpan={6}>
                      <DeviationFields label={indicator.name} value={row} problems={rowProblems} disabled={!canEdit} onChange={(deviation) => onIndicator(i, deviation)} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        累计型指标按“指标值 × {month} ÷ 12”计算应完成进度，状态型指标（比率、满意度、等级、年限等）与全年指标值比较：低于 {thresholds.indicatorRedBelow}% 红灯，低于 {thresholds.indicatorGreenFrom}% 黄灯，达到{' '}
        {thresholds.indicatorBlueFrom}% 蓝灯（超额）；反向指标和“=0”指标未满足即红灯。
      </Text>
    </Stack>
  );
}
