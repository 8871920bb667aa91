import { Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import { BUDGET_FLAG_LABELS, FUND_ROW_LABELS, FUND_ROW_ORDER, scoreText, type FormAssessment, type FundRowName } from '../../../../electron/domain/selfEvaluation';
import { Locked } from '../monitoring/Locked';
import { amountProblems, type FundField, type SelfEvaluationFormState } from './selfEvaluationForm';

const FIELDS: { field: FundField; label: string }[] = [
  { field: 'initial', label: '年初预算数' },
  { field: 'adjusted', label: '全年预算数' },
  { field: 'executed', label: '全年执行数' },
];

/** 项目资金（万元）: 年度资金总额 (the sum) and 其中 the three rows, with 分值, 执行率 and 得分 on the total. */
export function FundsSection({
  form,
  assessment,
  budgetWeight,
  canEdit,
  attempted,
  onFund,
  onReason,
}: {
  form: SelfEvaluationFormState;
  assessment: FormAssessment;
  budgetWeight: number;
  canEdit: boolean;
  attempted: boolean;
  onFund: (row: FundRowName, field: FundField, value: string) => void;
  onReason: (value: string) => void;
}) {
  const problems = amountProblems(form);
  const total = assessment.fundRows[0]!;
  const rowRate = (row: FundRowName) => {
    const f = assessment.fundRows.find((r) => r.row === row)!;
    return `${percent(executionRate(f.executedFen, f.adjustedFen).rate)}%`;
  };
  const needsReason = assessment.budget.flags.includes('reasonRequired');
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        项目资金（万元）
      </Title>
      <Table withTableBorder withColumnBorders aria-label="项目资金" verticalSpacing={4}>
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
          {FUND_ROW_ORDER.map((row, n) => (
            <Table.Tr key={row}>
              <Table.Td>{n === 0 ? `其中：${FUND_ROW_LABELS[row]}` : FUND_ROW_LABELS[row]}</Table.Td>
              {FIELDS.map(({ field, label }) => (
                <Table.Td key={field}>
                  {canEdit ? (
                    <TextInput size="xs" aria-label={`${FUND_ROW_LABELS[row]}${label}`} value={form.funds[row][field]} onChange={(e) => onFund(row, field, e.currentTarget.value)} error={problems[`${row}.${field}`]} />
                  ) : (
                    <Locked label={`${FUND_ROW_LABELS[row]}${label}`} text={form.funds[row][field]} />
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
      {(needsReason || form.budgetReason) &&
        (canEdit ? (
          <Textarea
            label="预算执行率偏低的原因"
            aria-label="预算执行率偏低的原因"
            value={form.budgetReason}
            onChange={(e) => onReason(e.currentTarget.value)}
            error={attempted ? assessment.budgetReasonMissing : null}
            autosize
            minRows={2}
          />
        ) : (
          <Locked label="预算执行率偏低的原因" text={form.budgetReason} multiline />
        ))}
    </Stack>
  );
}
