import { Alert, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate, needsExplanation, type Deviation, type SheetAssessment } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import { DeviationFields } from './DeviationFields';
import { Locked } from './Locked';
import { fundProblems, fundTotals, readAmount, type SheetForm } from './sheetForm';

/** 一、预算执行情况: adjusted budget and executed to date per fund source, and why a red or yellow rate lags. */
export function BudgetSection({
  form,
  month,
  assessment,
  canEdit,
  onFund,
  onBudget,
}: {
  form: SheetForm;
  month: number;
  assessment: SheetAssessment;
  canEdit: boolean;
  onFund: (row: number, field: 'adjusted' | 'executed', value: string) => void;
  onBudget: (budget: Deviation) => void;
}) {
  const amounts = fundProblems(form);
  const totals = fundTotals(form);
  // 超支 is corrected, not explained: the form asks for the right figure instead of a reason.
  const budgetNeedsExplanation = needsExplanation(assessment.budgetLight) && !assessment.overspent;
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        一、预算执行情况（万元）
      </Title>
      <Table withTableBorder aria-label="预算执行情况" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>资金来源</Table.Th>
            <Table.Th w={200}>调整后预算</Table.Th>
            <Table.Th w={200}>1—{month} 月执行数</Table.Th>
            <Table.Th w={110} ta="right">
              执行率
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.funds.map((fund, i) => (
            <Table.Tr key={fund.source}>
              <Table.Td>{fund.source}</Table.Td>
              <Table.Td>
                {canEdit ? (
                  <TextInput size="xs" aria-label={`${fund.source}调整后预算`} value={fund.adjusted} onChange={(e) => onFund(i, 'adjusted', e.currentTarget.value)} error={amounts[i]?.adjusted} />
                ) : (
                  <Locked label={`${fund.source}调整后预算`} text={fund.adjusted} />
                )}
              </Table.Td>
              <Table.Td>
                {canEdit ? (
                  <TextInput size="xs" aria-label={`${fund.source}执行数`} value={fund.executed} onChange={(e) => onFund(i, 'executed', e.currentTarget.value)} error={amounts[i]?.executed} />
                ) : (
                  <Locked label={`${fund.source}执行数`} text={fund.executed} />
                )}
              </Table.Td>
              <Table.Td ta="right">{percent(executionRate(readAmount(fund.executed).fen, readAmount(fund.adjusted).fen).rate)}%</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>合计</Table.Td>
            <Table.Td>{formatWanYuan(totals.adjustedFen)}</Table.Td>
            <Table.Td>{formatWanYuan(totals.executedFen)}</Table.Td>
            <Table.Td ta="right">{percent(assessment.execution.rate)}%</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {assessment.overspent && (
        <Alert color="red" title="执行数超过调整后预算（超支）" role="alert">
          超支的监控表不能保存或送审。请核对执行数是否按万元填写；确有预算调整的，请先办理预算调整后再填报。
        </Alert>
      )}
      {budgetNeedsExplanation && (
        <Paper withBorder p="sm" bg="red.0" component="section" aria-label="预算执行偏差说明">
          <Text size="sm" fw={600} mb={6}>
            预算执行为{assessment.budgetLight === 'red' ? '红灯' : '黄灯'}，请说明偏差原因并提出纠偏措施
          </Text>
          <DeviationFields label="预算执行" value={form.budget} problems={assessment.problems.budget} disabled={!canEdit} onChange={onBudget} />
        </Paper>
      )}
    </Stack>
  );
}
