import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { percent } from '../../../../electron/domain/ratio';
import { DEPARTMENT_FUND_ROW_LABELS, DEPARTMENT_FUND_ROW_ORDER, FUND_ROW_LABELS, FUND_ROW_ORDER, scoreText, type DepartmentFundRowName, type FormAssessment, type FundRowName } from '../../../../electron/domain/selfEvaluation';
import { editable } from '../../../../electron/domain/workflow';
import type { SelfEvaluationDetail } from '../../../../electron/selfEvaluation/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { OpenNoticeButton } from '../rectification/OpenNoticeButton';
import { chainedReview, DepartmentReviewNote, OpinionReview, ReviewHistory, ReviewPanel } from '../../components/ReviewPanel';
import { useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import { routeHref } from '../../router';
import { Locked } from '../monitoring/Locked';
import targetClasses from '../targets/targets.module.css';
import { FundsSection } from './FundsSection';
import { IndicatorsSection } from './IndicatorsSection';
import { SelfEvaluationSheet } from './SelfEvaluationSheet';
import { TasksSection } from './TasksSection';
import { assessForm, formOf, problemCount, saveInputOf, type FundField, type IndicatorForm, type SelfEvaluationFormState } from './selfEvaluationForm';

/** One self-evaluation (a project's, or a unit's 部门整体): loads it, and remounts the form on every new version. */
export function SelfEvaluationEditor({ id }: { id: string }) {
  const detail = useInvoke('selfEvaluation.get', { id });
  if (detail.error) return <Alert color="red" title="无法读取自评表">{detail.error}</Alert>;
  if (!detail.data) return <Loader aria-label="正在读取自评表" />;
  return <EditorForm key={detail.data.version} detail={detail.data} reload={detail.reload} />;
}

interface Saved {
  version: number;
}

function TextBlock({ label, value, canEdit, error, onChange }: { label: string; value: string; canEdit: boolean; error?: string | null; onChange: (value: string) => void }) {
  if (!canEdit) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={600}>{label}</Text>
        <Locked label={label} text={value} multiline />
      </Stack>
    );
  }
  return <Textarea label={label} aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} autosize minRows={2} />;
}

/**
 * The form in the layout of the 财预〔2020〕10号 annexes — 项目支出绩效自评表, or 部门整体支出绩效自评表 with the
 * unit's 基本支出 / 项目支出 and its annual tasks — kept as a draft while unsaved.
 */
function EditorForm({ detail, reload }: { detail: SelfEvaluationDetail; reload: () => Promise<void> }) {
  const [form, setForm] = useState<SelfEvaluationFormState>(() => formOf(detail));
  const [attempted, setAttempted] = useState(false);
  const assessment = useMemo(() => assessForm(form, detail), [form, detail]);
  const canEdit = editable(detail.status);
  const { operator } = useSession();
  const canEnter = useAllowed('enter').allowed;
  const { canReview, waitingFor } = chainedReview(operator, detail.reviewStep, detail.supervisingDepartment);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(detail));
  const work = useUnsavedWork({
    dirty: canEdit && dirty,
    save: async () => (await save()) !== null,
    draft: { key: `self-evaluation:${detail.id}`, version: detail.version, value: form, restore: setForm },
  });

  const setFund = (row: FundRowName, field: FundField, value: string) => setForm((f) => ({ ...f, funds: { ...f.funds, [row]: { ...f.funds[row], [field]: value } } }));
  const setDepartmentFund = (row: DepartmentFundRowName, field: FundField, value: string) =>
    setForm((f) => ({ ...f, department: f.department && { ...f.department, funds: { ...f.department.funds, [row]: { ...f.department.funds[row], [field]: value } } } }));
  const setCompletion = (n: number, value: string) => setForm((f) => ({ ...f, department: f.department && { ...f.department, completions: f.department.completions.map((c, i) => (i === n ? value : c)) } }));
  const setIndicator = (n: number, patch: Partial<IndicatorForm>) => setForm((f) => ({ ...f, indicators: f.indicators.map((row, i) => (i === n ? { ...row, ...patch } : row)) }));
  const setText = (field: 'budgetReason' | 'goalAchieved' | 'problems' | 'measures') => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function save(): Promise<Saved | null> {
    const input = saveInputOf(form, detail);
    // The refused fields already show their message as typed; only the toast says why nothing was saved.
    if (!input || assessment.refusals.length > 0) {
      notifyError(new Error(input ? `${assessment.refusals[0]!}，请按红色提示改正` : '有金额无法识别，请按红色提示改正'), '没有保存');
      return null;
    }
    try {
      return { version: (await invoke('selfEvaluation.save', input)).version };
    } catch (error) {
      notifyError(error, '没有保存');
      return null;
    }
  }

  const { total, complete } = assessment;
  return (
    <Stack gap="md">
      <Anchor href={detail.department ? routeHref('selfEvaluation', String(detail.year), 'department') : routeHref('selfEvaluation', String(detail.year))} size="sm" className="no-print">
        ← {detail.year} 年绩效自评{detail.department ? ' · 部门整体' : ''}
      </Anchor>
      {detail.department ? (
        <PageHeader title={`${detail.project.unitName} · 部门整体支出绩效自评表`} description={`${detail.project.code} · ${detail.year} 年度`} />
      ) : (
        <PageHeader
          title={`${detail.project.name} · 项目支出绩效自评表`}
          description={`${detail.project.code} · ${detail.project.unitName} · ${detail.year} 年度`}
          actions={detail.status === 'approved' && <OpenNoticeButton year={detail.year} subject={detail.project.name} unitName={detail.project.unitName} draftProblems={detail.problems} open={(text) => invoke('selfEvaluation.openRectification', { selfEvaluationId: detail.id, ...text })} />}
        />
      )}
      <Paper withBorder p="md" component="section" aria-label="自评结果" className="no-print">
        <Group gap="xl">
          <Text>
            预算执行率 <b>{percent(assessment.budget.rate)}%</b>
          </Text>
          <Text>
            总分 <b aria-label="总分">{scoreText(total.total)}</b>
            {!complete && <Text span c="dimmed" size="sm">（还有指标未评分）</Text>}
          </Text>
          <Group gap={6}>
            <Text>评价等级</Text>
            <Badge size="lg" variant="light" color={complete ? 'teal' : 'gray'} aria-label="评价等级">
              {complete ? total.grade : '—'}
            </Badge>
          </Group>
          {total.cappedAt && <Text size="sm" c="orange.8">预算执行率偏低，总分按设置不超过 {scoreText(total.cappedAt)} 分</Text>}
        </Group>
      </Paper>
      {canEdit && work.draftOffer}
      <ReviewPanel<Saved, { opinion: string | null }>
        status={detail.status}
        reviewOpinion={detail.reviewOpinion}
        approvedNote="自评表已锁定。"
        stored={{ version: detail.version }}
        dirty={dirty}
        problemCount={problemCount(form, assessment)}
        saveLabel="保存草稿"
        canWithdraw={canEnter}
        canReview={canReview}
        waitingFor={waitingFor}
        reviewStep={detail.reviewStep}
        onSave={save}
        onSaved={reload}
        onAttempt={() => setAttempted(true)}
        onTransition={(saved, action, decision) => invoke('selfEvaluation.transition', { id: detail.id, version: saved.version, action, opinion: decision?.opinion ?? null })}
        onChanged={reload}
        review={(decide) => <OpinionReview title={detail.reviewStep === 'department' ? '主管部门审核' : '审核'} decide={decide} />}
      >
        <DepartmentReviewNote review={detail.departmentReview} />
        <Stack gap="md" className="no-print">
          {form.department ? (
            <FundsSection
              title="年度预算执行情况"
              rows={DEPARTMENT_FUND_ROW_ORDER}
              labels={DEPARTMENT_FUND_ROW_LABELS}
              funds={form.department.funds}
              budgetReason={form.budgetReason}
              assessment={assessment as FormAssessment<DepartmentFundRowName>}
              budgetWeight={detail.rules.budgetWeight}
              canEdit={canEdit}
              attempted={attempted}
              onFund={setDepartmentFund}
              onReason={setText('budgetReason')}
            />
          ) : (
            <FundsSection
              title="项目资金"
              rows={FUND_ROW_ORDER}
              labels={FUND_ROW_LABELS}
              funds={form.funds}
              budgetReason={form.budgetReason}
              assessment={assessment as FormAssessment<FundRowName>}
              budgetWeight={detail.rules.budgetWeight}
              canEdit={canEdit}
              attempted={attempted}
              onFund={setFund}
              onReason={setText('budgetReason')}
            />
          )}
          {detail.department && form.department && <TasksSection tasks={detail.department.tasks} completions={form.department.completions} canEdit={canEdit} attempted={attempted} onCompletion={setCompletion} />}
          <Stack gap={6}>
            <Title order={2} size="h4">
              年度总体目标
            </Title>
            <SimpleGrid cols={2}>
              <Stack gap={2}>
                <Text size="sm" fw={600}>预期目标</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="预期目标">{detail.goalExpected || '（批复的目标未填写）'}</Text>
              </Stack>
              <TextBlock label="实际完成情况" value={form.goalAchieved} canEdit={canEdit} error={attempted && form.goalAchieved.trim() === '' ? '请填写年度总体目标的实际完成情况' : null} onChange={setText('goalAchieved')} />
            </SimpleGrid>
          </Stack>
          <IndicatorsSection detail={detail} form={form} assessment={assessment} canEdit={canEdit} attempted={attempted} onIndicator={setIndicator} />
          {assessment.weightProblem && <Text size="sm" c="red">{assessment.weightProblem}（含预算执行 {detail.rules.budgetWeight} 分）</Text>}
          <SimpleGrid cols={2}>
            <TextBlock label="发现的主要问题" value={form.problems} canEdit={canEdit} onChange={setText('problems')} />
            <TextBlock label="改进措施" value={form.measures} canEdit={canEdit} onChange={setText('measures')} />
          </SimpleGrid>
        </Stack>
        <div className={targetClasses.printOnly}>
          <SelfEvaluationSheet detail={detail} form={form} assessment={assessment} />
        </div>
      </ReviewPanel>
      <ReviewHistory rows={detail.history} />
    </Stack>
  );
}
