import { Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import { BUDGET_FLAG_LABELS, scoreText, type FormAssessment } from '../../../../electron/domain/selfEvaluation';
import { Locked } from '../monitoring/Locked';
import { blockAmountProblems, type FundField, type FundForm } from './selfEvaluationForm';

const FIELDS: { field: FundField; label: string }[] = [
  { field: 'initial', label: '年初预算数' },
  { field: 'adjusted', label: '全年预算数' },
  { field: 'executed', label: '全年执行数' },
];

/**
 * The budget block in 万元: 年度资金总额 (the sum) and 其中 its rows — a project's three fund rows
 * (项目资金), or a unit's 基本支出 and 项目支出 (年度预算执行情况) — with 分值, 执行率 and 得分 on the total.
 */
export function FundsSection<R extends string>({
  title,
  rows,
  labels,
  funds,
  budgetReason,
  assessment,
  budgetWeight,
  canEdit,
  attempted,
  onFund,
  onReason,
}: {
  title: string;
  rows: readonly R[];
  labels: Record<R, string>;
  funds: Record<R, FundForm>;
  budgetReason: string;
  assessment: Pick<FormAssessment<R>, 'fundRows' | 'budget' | 'budgetReasonMissing'>;
  budgetWeight: number;
  canEdit: boolean;
  attempted: boolean;
  onFund: (row: R, field: FundField, value: string) => void;
  onReason: (value: string) => void;
}) {
  const problems: Partial<Record<string, string>> = blockAmountProblems(funds, rows);
  const total = assessment.fundRows[0]!;
  const rowRate = (row: R) => {
    const f = assessment.fundRows.find((r) => r.row === row)!;
    return `${percent(executionRate(f.executedFen, f.adjustedFen).rate)}%`;
  };
  const needsReason = assessment.budget.flags.includes('reasonRequired');
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        {title}（万元）
      </Title>
      <Table withTableBorder withColumnBorders aria-label={title} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {FIELDS.map((f) => (
              <Table.Th key={f.field} w={170}>
                {f.label}
              </Table.Th>
            ))}
            <Table.Th w={60} ta="right">分值</Table.Th>
            <Table.Th w={90} ta="right">执行率</Table.Th>
            <Table.Th w={70} ta="right">得分</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr fw={700}>
            <Table.Td>年度资金总额</Table.Td>
            <Table.Td>{formatWanYuan(total.initialFen)}</Table.Td>
            <Table.Td>{formatWanYuan(total.adjustedFen)}</Table.Td>
            <Table.Td>{formatWanYuan(total.executedFen)}</Table.Td>
            <Table.Td ta="right">{budgetWeight}</Table.Td>
            <Table.Td ta="right" aria-label="预算执行率">{percent(assessment.budget.rate)}%</Table.Td>
            <Table.Td ta="right" aria-label="预算执行得分">{scoreText(assessment.budget.score)}</Table.Td>
          </Table.Tr>
          {rows.map((row, n) => (
            <Table.Tr key={row}>
              <Table.Td>{n === 0 ? `其中：${labels[row]}` : labels[row]}</Table.Td>
              {FIELDS.map(({ field, label }) => (
                <Table.Td key={field}>
                  {canEdit ? (
                    <TextInput size="xs" aria-label={`${labels[row]}${label}`} value={funds[row][field]} onChange={(e) => onFund(row, field, e.currentTarget.value)} error={problems[`${row}.${field}`]} />
                  ) : (
                    <Locked label={`${labels[row]}${label}`} text={funds[row][field]} />
                  )}
                </Table.Td>
              ))}
              <Table.Td ta="right">—</Table.Td>
              <Table.Td ta="right">{rowRate(row)}</Table.Td>
              <Table.Td ta="right">—</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {assessment.budget.flags.map((flag) => (
        <Text key={flag} size="sm" c="orange.8">
          {BUDGET_FLAG_LABELS[flag]}
        </Text>
      ))}
      {(needsReason || budgetReason) &&
        (canEdit ? (
          <Textarea
            label="预算执行率偏低的原因"
            aria-label="预算执行率偏低的原因"
            value={budgetReason}
            onChange={(e) => onReason(e.currentTarget.value)}
            error={attempted ? assessment.budgetReasonMissing : null}
            autosize
            minRows={2}
          />
        ) : (
          <Locked label="预算执行率偏低的原因" text={budgetReason} multiline />
        ))}
    </Stack>
  );
}
