// The columns 88号 annex 1 adds to a project target's annual indicators: 评（扣）分标准 (101号 template), and
// for a continuing project last year's target and actual value (headed 上年实际值（监控至X月） when last year's
// monitoring gave it), with a mark where this year's target is set below what was already achieved
// (belowLastYearActual, the rule the reviewer's checks list too).
import { Badge, Text, TextInput, Tooltip } from '@mantine/core';
import { displayTarget, type IndicatorOperator } from '../../../../electron/domain/indicators';
import { belowLastYearActual, lastYearActualLabel, lastYearActualPhrase, lastYearOf, type LastYearIndicator, type LastYearTarget } from '../../../../electron/domain/targetAnnex';
import type { ExtraIndicatorColumns } from './IndicatorGrid';

const lastTarget = (l: LastYearIndicator) => displayTarget({ operator: l.operator as IndicatorOperator, value: l.value, unit: l.unit });

export function annexIndicatorColumns(lastYear: LastYearTarget | null): ExtraIndicatorColumns {
  return {
    headers: [
      { label: '评（扣）分标准', width: 150 },
      ...(lastYear
        ? [
            { label: '上年目标值', width: 92 },
            { label: lastYearActualLabel(lastYear.actualSource), width: lastYear.actualSource?.kind === 'monitoring' ? 184 : 104 },
          ]
        : []),
    ],
    cells: (row, index, update) => {
      const standard = (
        <TextInput
          aria-label={`第 ${index + 1} 个指标评（扣）分标准`}
          value={row.scoringStandard ?? ''}
          title={row.scoringStandard}
          placeholder="如：每少 1 公里扣 2 分"
          onChange={(e) => update({ scoringStandard: e.currentTarget.value })}
          styles={{ input: { paddingInline: 8 } }}
        />
      );
      if (!lastYear) return [standard];
      const last = lastYearOf(row, lastYear.indicators);
      const below = belowLastYearActual(row, last);
      return [
        standard,
        <Text key="target" size="sm" pt={6} aria-label={`第 ${index + 1} 个指标上年目标值`}>
          {last ? lastTarget(last) : '—'}
        </Text>,
        <Text key="actual" size="sm" pt={6} component="div" aria-label={`第 ${index + 1} 个指标上年实际值`}>
          {last?.actual ?? '—'}
          {below && (
            <Tooltip label={`本年指标值低于${lastYearActualPhrase(lastYear)} ${last!.actual}，请核实目标是否偏低`} multiline w={220}>
              <Badge color="orange" variant="light" size="sm" ml={4} role="note" aria-label={`第 ${index + 1} 个指标低于上年实际值`}>
                低于上年
              </Badge>
            </Tooltip>
          )}
        </Text>,
      ];
    },
  };
}
