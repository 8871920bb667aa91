import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Fragment, useMemo, useState } from 'react';
import { ACCRUAL_LABELS, displayTarget, parseAccrual, type IndicatorOperator } from '../../../../electron/domain/indicators';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate, LIKELIHOODS, QUALITATIVE_LEVELS, sheetRules, type Deviation } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import { ACTION_LABELS, editable, type WorkflowAction } from '../../../../electron/domain/workflow';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import { routeHref } from '../../router';
import { TargetStatusBadge } from '../targets/TargetStatusBadge';
import { DeviationFields } from './DeviationFields';
import { LightBadge } from './LightBadge';
import { assessForm, formOf, fundProblems, fundTotals, problemCount, readAmount, saveInputOf, type IndicatorForm, type SheetForm } from './sheetForm';

/** One project's monitoring sheet: loads it, and remounts the form on every new version. */
export function SheetEditor({ sheetId }: { sheetId: string }) {
  const sheet = useInvoke('monitoring.sheet', { sheetId });
  if (sheet.error) return <Alert color="red" title="无法读取监控表">{sheet.error}</Alert>;
  if (!sheet.data) return <Loader aria-label="正在读取监控表" />;
  return <SheetFormView key={sheet.data.version} detail={sheet.data} reload={sheet.reload} />;
}

/**
 * A value of a sheet that can no longer be edited (submitted or approved): plain text, readable and
 * copyable, instead of a greyed-out disabled input.
 */
function Locked({ label, text, multiline }: { label: string; text: string; multiline?: boolean }) {
  return (
    <Text size="sm" aria-label={label} style={multiline ? { whiteSpace: 'pre-wrap' } : undefined}>
      {text.trim() === '' ? '—' : text}
    </Text>
  );
}

const DONE: Record<WorkflowAction, string> = { submit: '已送审，等待财政局审核', withdraw: '已撤回，可继续修改', approve: '已审核通过', return: '已退回单位修改' };
const needsExplanation = (light: string) => light === 'red' || light === 'yellow';

/** How an indicator's progress is read: prorated (累计型) or against the full target (状态型). */
function accrualLabel(accrual: string, allCumulative: boolean): string {
  const kind = allCumulative ? 'cumulative' : parseAccrual(accrual);
  return kind ? ACCRUAL_LABELS[kind] : '';
}
const accrualHint = '累计型按序时进度折算应完成值；状态型与全年指标值比较';

function SheetFormView({ detail, reload }: { detail: SheetDetail; reload: () => Promise<void> }) {
  const [form, setForm] = useState<SheetForm>(() => formOf(detail));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [opinion, setOpinion] = useState('');
  const assessment = useMemo(() => assessForm(form, detail), [form, detail]);
  const amounts = fundProblems(form);
  const problems = problemCount(form, assessment);
  const canEdit = editable(detail.status);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(detail));
  const totals = fundTotals(form);
  const month = detail.round.month;
  const work = useUnsavedWork({
    dirty: canEdit && dirty,
    save: async () => (await save()) !== null,
    draft: { key: `monitoring-sheet:${detail.id}`, version: detail.version, value: form, restore: setForm },
  });

  const setFund = (i: number, field: 'adjusted' | 'executed', value: string) =>
    setForm((f) => ({ ...f, funds: f.funds.map((fund, n) => (n === i ? { ...fund, [field]: value } : fund)) }));
  const setIndicator = (i: number, patch: Partial<IndicatorForm>) =>
    setForm((f) => ({ ...f, indicators: f.indicators.map((row, n) => (n === i ? { ...row, ...patch } : row)) }));

  /** Saves the form; resolves to the new version, or null when it did not save (already reported). */
  async function save(): Promise<number | null> {
    const input = saveInputOf(form, detail);
    if (!input) {
      setAttempted(true);
      notifyError(new Error('有金额无法识别，请按红色提示改正'), '没有保存');
      return null;
    }
    try {
      return (await invoke('monitoring.saveSheet', input)).version;
    } catch (error) {
      notifyError(error, '没有保存');
      return null;
    }
  }

  async function act(action: WorkflowAction | 'save') {
    setBusy(action);
    try {
      if (action === 'save') {
        if ((await save()) !== null) {
          notifySuccess('可以继续修改，或在填写完整后送审', '已保存');
          await reload();
        }
        return;
      }
      if (action === 'submit') {
        setAttempted(true);
        if (problems > 0) {
          notifyError(new Error(`还有 ${problems} 处需要填写或改正，请按表中红色提示补充后再送审`), '暂不能送审');
          return;
        }
      }
      const version = action === 'submit' && dirty ? await save() : detail.version;
      if (version === null) return;
      await invoke('monitoring.transition', { sheetId: detail.id, version, action, opinion: opinion.trim() || null });
      notifySuccess(DONE[action], ACTION_LABELS[action]);
      await reload();
    } catch (error) {
      notifyError(error, `${action === 'save' ? '保存' : ACTION_LABELS[action]}没有完成`);
    } finally {
      setBusy(null);
    }
  }

  const shown = (message: string | undefined) => (attempted ? message : undefined);
  // 超支 is corrected, not explained: the form asks for the right figure instead of a reason.
  const budgetNeedsExplanation = needsExplanation(assessment.budgetLight) && !assessment.overspent;

  return (
    <Stack gap="md">
      <Anchor href={routeHref('monitoring', 'round', detail.roundId, 'sheets')} size="sm" className="no-print">
        ← {detail.round.title}
      </Anchor>
      <PageHeader
        title={detail.project.name}
        description={`${detail.project.code} · ${detail.project.unitName} · ${detail.round.title}（截至 ${month} 月末，截止 ${detail.round.deadline}）`}
        actions={<TargetStatusBadge status={detail.status} />}
      />

      <Paper withBorder p="md" component="section" aria-label="监控结果">
        <Group gap="xl">
          <Text>
            序时进度 <b>{percent(sheetRules(detail.rules).progress)}%</b>
          </Text>
          <Text>
            预算执行率 <b>{percent(assessment.execution.rate)}%</b>
            {assessment.execution.zeroBudget && (
              <Badge ml={6} color="orange" variant="light">
                预算为 0
              </Badge>
            )}
          </Text>
          <Group gap={6}>
            <Text>预算执行</Text>
            <LightBadge light={assessment.budgetLight} reported={assessment.reported} size="lg" aria-label="预算执行灯" />
          </Group>
          <Group gap={6}>
            <Text>目标实现</Text>
            <LightBadge light={assessment.projectLight} reported={assessment.reported} size="lg" aria-label="目标实现灯" />
          </Group>
        </Group>
        {!assessment.reported && (
          <Text size="sm" c="dimmed" mt={6}>
            尚未填报：填写执行数或指标完成值后显示灯色。
          </Text>
        )}
      </Paper>

      {canEdit && work.draftOffer}
      {detail.status === 'returned' && (
        <Alert color="orange" title="被退回">
          审核意见：{detail.reviewOpinion}。请按意见修改后重新送审。
        </Alert>
      )}
      {detail.status === 'submitted' && (
        <Alert color="blue" title="已送审，等待审核">
          审核期间不能修改；如需修改，请先撤回。
        </Alert>
      )}
      {detail.status === 'approved' && (
        <Alert color="teal" title="已审核通过">
          {detail.reviewOpinion ? `审核意见：${detail.reviewOpinion}。` : ''}监控表已锁定。
        </Alert>
      )}

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
                    <TextInput size="xs" aria-label={`${fund.source}调整后预算`} value={fund.adjusted} onChange={(e) => setFund(i, 'adjusted', e.currentTarget.value)} error={amounts[i]?.adjusted} />
                  ) : (
                    <Locked label={`${fund.source}调整后预算`} text={fund.adjusted} />
                  )}
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <TextInput size="xs" aria-label={`${fund.source}执行数`} value={fund.executed} onChange={(e) => setFund(i, 'executed', e.currentTarget.value)} error={amounts[i]?.executed} />
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
            <DeviationFields label="预算执行" value={form.budget} problems={assessment.problems.budget} disabled={!canEdit} onChange={(budget: Deviation) => setForm((f) => ({ ...f, budget }))} />
          </Paper>
        )}
      </Stack>

      <Stack gap={6}>
        <Title order={2} size="h4">
          二、绩效指标完成情况
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
                          onChange={(v) => setIndicator(i, { reached: v ?? '' })}
                          error={rowProblems.reached === '请选择完成情况' ? shown(rowProblems.reached) : rowProblems.reached}
                          clearable
                        />
                      ) : (
                        <TextInput
                          size="xs"
                          aria-label={`${indicator.name}完成值`}
                          value={row.reached}
                          onChange={(e) => setIndicator(i, { reached: e.currentTarget.value })}
                          error={rowProblems.reached === '请填写完成值' ? shown(rowProblems.reached) : rowProblems.reached}
                          placeholder={indicator.unit}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <TextInput size="xs" aria-label={`${indicator.name}全年预计`} value={row.expectedFullYear} onChange={(e) => setIndicator(i, { expectedFullYear: e.currentTarget.value })} error={rowProblems.expectedFullYear} />
                      ) : (
                        <Locked label={`${indicator.name}全年预计`} text={row.expectedFullYear} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <Select size="xs" aria-label={`${indicator.name}完成目标可能性`} data={[...LIKELIHOODS]} value={row.likelihood || null} onChange={(v) => setIndicator(i, { likelihood: v ?? '' })} error={shown(rowProblems.likelihood)} />
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
                        <DeviationFields label={indicator.name} value={row} problems={rowProblems} disabled={!canEdit} onChange={(deviation) => setIndicator(i, deviation)} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          累计型指标按“指标值 × {month} ÷ 12”计算应完成进度，状态型指标（比率、满意度、等级、年限等）与全年指标值比较：低于 {detail.rules.thresholds.indicatorRedBelow}% 红灯，低于 {detail.rules.thresholds.indicatorGreenFrom}% 黄灯，达到{' '}
          {detail.rules.thresholds.indicatorBlueFrom}% 蓝灯（超额）；反向指标和“=0”指标未满足即红灯。
        </Text>
      </Stack>

      {canEdit ? (
        <Textarea
          label="三、情况分析"
          value={form.analysis}
          onChange={(e) => {
            const analysis = e.currentTarget.value; // read now: the updater may run after the event is gone
            setForm((f) => ({ ...f, analysis }));
          }}
          autosize
          minRows={3}
        />
      ) : (
        <Stack gap={4}>
          <Title order={2} size="h4">
            三、情况分析
          </Title>
          <Locked label="三、情况分析" text={form.analysis} multiline />
        </Stack>
      )}

      <Group gap="xs" className="no-print">
        {canEdit && (
          <>
            <Button variant="default" onClick={() => act('save')} loading={busy === 'save'} disabled={busy !== null}>
              保存
            </Button>
            <Button onClick={() => act('submit')} loading={busy === 'submit'} disabled={busy !== null}>
              送审
            </Button>
            <Text size="sm" c={problems ? 'red' : 'teal'} role="status">
              {problems ? `送审前还需填写或改正 ${problems} 处` : '已符合送审要求'}
              {dirty ? '（有未保存的修改）' : ''}
            </Text>
          </>
        )}
        {detail.status === 'submitted' && (
          <Button variant="default" onClick={() => act('withdraw')} loading={busy === 'withdraw'} disabled={busy !== null}>
            撤回
          </Button>
        )}
        <Button variant="subtle" onClick={() => window.print()}>
          打印
        </Button>
      </Group>

      {detail.status === 'submitted' && (
        <Paper withBorder p="md" component="section" aria-label="审核" className="no-print">
          <Stack gap="sm">
            <Title order={3} size="h5">
              审核
            </Title>
            <Textarea label="审核意见" description="退回时必须填写，说明需要单位修改的问题" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} autosize minRows={2} />
            <Group gap="xs">
              <Button color="teal" onClick={() => act('approve')} loading={busy === 'approve'} disabled={busy !== null}>
                审核通过
              </Button>
              <Button color="orange" onClick={() => act('return')} loading={busy === 'return'} disabled={busy !== null}>
                退回
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {detail.history.length > 0 && (
        <Stack gap={6}>
          <Title order={3} size="h5">
            办理记录
          </Title>
          <Table withTableBorder striped aria-label="办理记录">
            <Table.Tbody>
              {detail.history.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td w={150}>{formatDateTime(h.at)}</Table.Td>
                  <Table.Td w={110}>{h.operatorName}</Table.Td>
                  <Table.Td w={200}>{h.action}</Table.Td>
                  <Table.Td>{h.opinion ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
