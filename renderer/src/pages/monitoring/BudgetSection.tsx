import { Alert, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate, expectedBalanceFen, needsExplanation, SLOW_SPENDING_REASONS, type Deviation, type SheetAssessment } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { DeviationFields } from './DeviationFields';
import { Locked } from './Locked';
import { fundProblems, fundTotals, readAmount, readForecast, type FundField, type SheetForm } from './sheetForm';

/** 预计结余 as shown: 万元, or a dash until the forecast is given (or cannot be read). */
const balanceText = (adjustedFen: number, forecastFen: number | null) => {
  const balance = expectedBalanceFen(adjustedFen, forecastFen);
  return balance === null ? '—' : formatWanYuan(balance);
};

/** One editable amount of a fund row, or its text once the sheet is locked. */
function AmountCell({ label, value, error, canEdit, onChange }: { label: string; value: string; error?: string; canEdit: boolean; onChange: (value: string) => void }) {
  return (
    <Table.Td>
      {canEdit ? <TextInput size="xs" aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} /> : <Locked label={label} text={value} />}
    </Table.Td>
  );
}

/**
 * 一、预算执行情况 (136号 annex): per fund source 年初预算数, adjusted budget, executed to date, its rate, the
 * full-year forecast and the 预计结余 it leaves; why spending lags when the light is red or yellow.
 */
export function BudgetSection({
  detail,
  form,
  assessment,
  canEdit,
  onFund,
  onBudget,
}: {
  detail: Pick<SheetDetail, 'funds' | 'round'>;
  form: SheetForm;
  assessment: SheetAssessment;
  canEdit: boolean;
  onFund: (row: number, field: FundField, value: string) => void;
  onBudget: (budget: Deviation) => void;
}) {
  const month = detail.round.month;
  const amounts = fundProblems(form, month);
  const totals = fundTotals(form);
  const initialTotal = detail.funds.reduce((sum, f) => sum + f.initialFen, 0);
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
            <Table.Th w={110} ta="right">
              年初预算数
            </Table.Th>
            <Table.Th w={160}>调整后预算</Table.Th>
            <Table.Th w={160}>1—{month} 月执行数</Table.Th>
            <Table.Th w={90} ta="right">
              执行率
            </Table.Th>
            <Table.Th w={180}>全年预计执行数</Table.Th>
            <Table.Th w={110} ta="right">
              预计结余
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.funds.map((fund, i) => (
            <Table.Tr key={fund.source}>
              <Table.Td>{fund.source}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(detail.funds[i]?.initialFen ?? 0)}</Table.Td>
              <AmountCell label={`${fund.source}调整后预算`} value={fund.adjusted} error={amounts[i]?.adjusted} canEdit={canEdit} onChange={(v) => onFund(i, 'adjusted', v)} />
              <AmountCell label={`${fund.source}执行数`} value={fund.executed} error={amounts[i]?.executed} canEdit={canEdit} onChange={(v) => onFund(i, 'executed', v)} />
              <Table.Td ta="right">{percent(executionRate(readAmount(fund.executed).fen, readAmount(fund.adjusted).fen).rate)}%</Table.Td>
              <AmountCell label={`${fund.source}全年预计执行数`} value={fund.forecast} error={amounts[i]?.forecast} canEdit={canEdit} onChange={(v) => onFund(i, 'forecast', v)} />
              <Table.Td ta="right" aria-label={`${fund.source}预计结余`}>
                {balanceText(readAmount(fund.adjusted).fen, readForecast(fund.forecast).fen)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>合计</Table.Td>
            <Table.Td ta="right">{formatWanYuan(initialTotal)}</Table.Td>
            <Table.Td>{formatWanYuan(totals.adjustedFen)}</Table.Td>
            <Table.Td>{formatWanYuan(totals.executedFen)}</Table.Td>
            <Table.Td ta="right">{percent(assessment.execution.rate)}%</Table.Td>
            <Table.Td>{totals.forecastFen === null ? '—' : formatWanYuan(totals.forecastFen)}</Table.Td>
            <Table.Td ta="right" aria-label="合计预计结余">
              {balanceText(totals.adjustedFen, totals.forecastFen)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        预计结余 = 调整后预算 − 全年预计执行数：预计到年底用不完的资金，请及时说明或申请调减。全年预计不能超过调整后预算，也不能少于已执行数。
      </Text>
      {assessment.overspent && (
        <Alert color="red" title="执行数超过调整后预算（超支）" role="alert">
          超支的监控表不能保存或送审。请核对执行数是否按万元填写；确有预算调整的，请先办理预算调整后再填报。
        </Alert>
      )}
      {budgetNeedsExplanation && (
        <Paper withBorder p="sm" bg="red.0" component="section" aria-label="预算执行偏差说明">
          <Text size="sm" fw={600} mb={6}>
            预算执行为{assessment.budgetLight === 'red' ? '红灯' : '黄灯'}，请说明执行进度慢的原因并提出纠偏措施
          </Text>
          <DeviationFields label="预算执行" choices={SLOW_SPENDING_REASONS} value={form.budget} problems={assessment.problems.budget} disabled={!canEdit} onChange={onBudget} />
        </Paper>
      )}
    </Stack>
  );
}
