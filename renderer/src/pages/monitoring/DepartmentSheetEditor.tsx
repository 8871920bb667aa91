import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { BUDGET_PARTS } from '../../../../electron/domain/departmentMonitoring';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate, needsExplanation, SLOW_SPENDING_REASONS, type SheetAssessment } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import { editable } from '../../../../electron/domain/workflow';
import type { DepartmentSheetDetail } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { DownloadButton } from '../../components/FileActions';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ReviewHistory } from '../../components/ReviewPanel';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import { routeHref } from '../../router';
import targetClasses from '../targets/targets.module.css';
import { DepartmentAnnexSheet } from './AnnexSheet';
import { DeviationFields } from './DeviationFields';
import { GoalSection } from './GoalSection';
import { IndicatorSection } from './IndicatorSection';
import { Locked } from './Locked';
import { MonitoringResult } from './SheetHeader';
import { SheetReview } from './SheetReview';
import { TextSection } from './TextSection';
import {
  assessDepartmentForm,
  budgetOf,
  departmentAnnexOf,
  departmentFormOf,
  departmentProblemCount,
  departmentSaveInputOf,
  executedProblems,
  wan,
  type DepartmentForm,
  type ExecutedField,
} from './departmentForm';
import { readAmount, type IndicatorForm } from './sheetForm';

/** One unit's department-wide monitoring sheet: loads it, and remounts the form on every new version. */
export function DepartmentSheetEditor({ sheetId }: { sheetId: string }) {
  const sheet = useInvoke('monitoring.departmentSheet', { sheetId });
  if (sheet.error) return <Alert color="red" title="无法读取部门整体监控表">{sheet.error}</Alert>;
  if (!sheet.data) return <Loader aria-label="正在读取部门整体监控表" />;
  return <DepartmentFormView key={sheet.data.version} detail={sheet.data} reload={sheet.reload} />;
}

function DepartmentFormView({ detail, reload }: { detail: DepartmentSheetDetail; reload: () => Promise<void> }) {
  const [form, setForm] = useState<DepartmentForm>(() => departmentFormOf(detail));
  const [attempted, setAttempted] = useState(false);
  const assessment = useMemo(() => assessDepartmentForm(form, detail), [form, detail]);
  const annex = useMemo(() => departmentAnnexOf(form, detail), [form, detail]);
  const canEdit = editable(detail.status);
  const dirty = JSON.stringify(form) !== JSON.stringify(departmentFormOf(detail));
  const work = useUnsavedWork({
    dirty: canEdit && dirty,
    save: async () => (await save()) !== null,
    draft: { key: `monitoring-department-sheet:${detail.id}`, version: detail.version, value: form, restore: setForm },
  });
  const setIndicator = (i: number, patch: Partial<IndicatorForm>) =>
    setForm((f) => ({ ...f, indicators: f.indicators.map((row, n) => (n === i ? { ...row, ...patch } : row)) }));

  async function save(): Promise<{ version: number } | null> {
    const input = departmentSaveInputOf(form, detail);
    if (!input) {
      setAttempted(true);
      notifyError(new Error('有金额无法识别，请按红色提示改正'), '没有保存');
      return null;
    }
    try {
      return { version: (await invoke('monitoring.saveDepartmentSheet', input)).version };
    } catch (error) {
      notifyError(error, '没有保存');
      return null;
    }
  }

  return (
    <Stack gap="md">
      {/* On paper the grid says all of it: the screen's header, lights and history stay off the page. */}
      <Stack gap="md" className="no-print">
        <Anchor href={routeHref('monitoring', 'round', detail.roundId, 'department')} size="sm">
          ← {detail.round.title} · 部门整体
        </Anchor>
        <PageHeader title={`${detail.unitName} · 部门整体绩效监控`} description={`${detail.unitCode} · ${detail.round.title}（截至 ${detail.round.month} 月末）`} />
        <MonitoringResult rules={detail.rules} assessment={assessment} />
        {/* 打印 (below, beside 保存) prints the grid. */}
        <Group justify="flex-end" gap="xs">
          <DownloadButton label="导出 Excel（监控表格式）" variant="default" fetchFile={() => invoke('monitoring.departmentAnnexExport', { roundId: detail.roundId, sheetId: detail.id })} />
        </Group>
      </Stack>
      {canEdit && work.draftOffer}
      <SheetReview
        detail={detail}
        dirty={dirty}
        problemCount={departmentProblemCount(form, detail, assessment)}
        onSave={save}
        onAttempt={() => setAttempted(true)}
        reload={reload}
        transition={(saved, action, opinion) => invoke('monitoring.transitionDepartmentSheet', { sheetId: detail.id, version: saved.version, action, opinion })}
      >
        <Stack gap="md" className="no-print">
          <WholeBudgetSection detail={detail} form={form} assessment={assessment} canEdit={canEdit} onForm={(patch) => setForm((f) => ({ ...f, ...patch }))} />
          <GoalSection goal={detail.goal} month={detail.round.month} value={form.goalProgress} canEdit={canEdit} onChange={(goalProgress) => setForm((f) => ({ ...f, goalProgress }))} />
          <IndicatorSection detail={detail} form={form} assessment={assessment} canEdit={canEdit} attempted={attempted} onIndicator={setIndicator} />
          <TextSection label="三、备注" value={form.remarks} canEdit={canEdit} onChange={(remarks) => setForm((f) => ({ ...f, remarks }))} />
        </Stack>
        <div className={targetClasses.printOnly}>
          <DepartmentAnnexSheet sheet={annex} />
        </div>
      </SheetReview>
      <div className="no-print">
        <ReviewHistory rows={detail.history} />
      </div>
    </Stack>
  );
}

/** 一、预算执行情况: 基本支出 and 项目支出 against the approved department budget; 项目支出 can be taken from the unit's project sheets. */
function WholeBudgetSection({
  detail,
  form,
  assessment,
  canEdit,
  onForm,
}: {
  detail: DepartmentSheetDetail;
  form: DepartmentForm;
  assessment: SheetAssessment;
  canEdit: boolean;
  onForm: (patch: Partial<DepartmentForm>) => void;
}) {
  const problems = executedProblems(form, detail);
  const budget = budgetOf(form, detail);
  const rows: { part: (typeof BUDGET_PARTS)[number]; field: ExecutedField; budgetFen: number }[] = [
    { part: BUDGET_PARTS[0], field: 'basicExecuted', budgetFen: detail.basicBudgetFen },
    { part: BUDGET_PARTS[1], field: 'projectExecuted', budgetFen: detail.projectBudgetFen },
  ];
  const fromProjects = wan(detail.projectSheetsExecutedFen);
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        一、预算执行情况（万元）
      </Title>
      <Table withTableBorder aria-label="预算执行情况" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>支出</Table.Th>
            <Table.Th w={130} ta="right">
              预算数
            </Table.Th>
            <Table.Th w={220}>1—{detail.round.month} 月执行数</Table.Th>
            <Table.Th w={90} ta="right">
              执行率
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ part, field, budgetFen }) => (
            <Table.Tr key={part}>
              <Table.Td>{part}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(budgetFen)}</Table.Td>
              <Table.Td>
                {canEdit ? (
                  <TextInput size="xs" aria-label={`${part}执行数`} value={form[field]} onChange={(e) => onForm({ [field]: e.currentTarget.value })} error={problems[field]} />
                ) : (
                  <Locked label={`${part}执行数`} text={form[field]} />
                )}
              </Table.Td>
              <Table.Td ta="right">{percent(executionRate(readAmount(form[field]).fen, budgetFen).rate)}%</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>合计</Table.Td>
            <Table.Td ta="right">{formatWanYuan(budget.basicBudgetFen + budget.projectBudgetFen)}</Table.Td>
            <Table.Td>{formatWanYuan(budget.basicExecutedFen + budget.projectExecutedFen)}</Table.Td>
            <Table.Td ta="right">{percent(assessment.execution.rate)}%</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onForm({ projectExecuted: fromProjects })} disabled={form.projectExecuted === fromProjects}>
            项目支出取项目监控表合计（{formatWanYuan(detail.projectSheetsExecutedFen)} 万元）
          </Button>
          <Text size="xs" c="dimmed">
            本轮该单位各项目监控表已填的执行数之和。
          </Text>
        </Group>
      )}
      {assessment.overspent && (
        <Alert color="red" title="执行数超过预算（超支）" role="alert">
          超支的监控表不能保存或送审。请核对执行数是否按万元填写；确有预算调整的，请先办理预算调整后再填报。
        </Alert>
      )}
      {needsExplanation(assessment.budgetLight) && !assessment.overspent && (
        <Paper withBorder p="sm" bg="red.0" component="section" aria-label="预算执行偏差说明">
          <Text size="sm" fw={600} mb={6}>
            预算执行为{assessment.budgetLight === 'red' ? '红灯' : '黄灯'}，请说明执行进度慢的原因并提出纠偏措施
          </Text>
          <DeviationFields label="预算执行" choices={SLOW_SPENDING_REASONS} value={form.budget} problems={assessment.problems.budget} disabled={!canEdit} onChange={(budget) => onForm({ budget })} />
        </Paper>
      )}
    </Stack>
  );
}
