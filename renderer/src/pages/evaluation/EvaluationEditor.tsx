// One evaluation: the template's tree with each leaf's input by its rule, the live score of every node,
// the total and grade (the domain's scoreEvaluation, which the service enforces), the methods, the
// standard, the evaluators and the findings; saved, submitted and reviewed through the ReviewPanel, and
// printed as a ruled form.
import { Alert, Anchor, Badge, Checkbox, Group, Loader, Paper, Radio, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_METHODS,
  EVALUATION_STANDARD_LABELS,
  EVALUATION_STANDARDS,
  LEAF_INPUT_LABELS,
  manualRangeText,
  nodeScoreText,
  placedNodes,
  RULE_INPUTS,
  scoreEvaluation,
  TEMPLATE_KIND_LABELS,
  type EvaluationMethod,
  type EvaluationScoring,
  type EvaluationStandard,
  type LeafInput,
  type PlacedNode,
} from '../../../../electron/domain/evaluation';
import { scoringSettingsFrom } from '../../../../electron/domain/selfEvaluation';
import { editable } from '../../../../electron/domain/workflow';
import type { EvaluationDetail, LeafEntry } from '../../../../electron/evaluation/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { OpinionReview, ReviewHistory, ReviewPanel } from '../../components/ReviewPanel';
import { useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import { routeHref } from '../../router';
import targetClasses from '../targets/targets.module.css';
import { EvaluatorsPanel, FindingsNoticePanel, FirmRatingPanel, ReportPanel } from './EvaluationRecordPanels';
import { ruleText } from './TemplatesTab';

export function EvaluationEditor({ id }: { id: string }) {
  const detail = useInvoke('evaluation.get', { id });
  if (detail.error) return <Alert color="red" title="无法读取绩效评价">{detail.error}</Alert>;
  if (!detail.data) return <Loader aria-label="正在读取绩效评价" />;
  return <EditorForm key={detail.data.version} detail={detail.data} reload={detail.reload} />;
}

interface FormState {
  leaves: Record<string, LeafEntry>;
  methods: EvaluationMethod[];
  standard: EvaluationStandard | null;
  evaluators: string;
  /** One finding a line. */
  findings: string;
}

const formOf = (d: EvaluationDetail): FormState => ({
  leaves: Object.fromEntries(d.leaves.map((l) => [l.path, l])),
  methods: d.methods,
  standard: d.standard,
  evaluators: d.evaluators,
  findings: d.findings.join('\n'),
});

const saveInputOf = (form: FormState, d: EvaluationDetail) => ({
  id: d.id,
  version: d.version,
  leaves: Object.values(form.leaves),
  methods: form.methods,
  standard: form.standard,
  evaluators: form.evaluators,
  findings: form.findings.split('\n'),
});

/** What the panel counts before 送审: refused or empty leaves, the record's own fields, the evaluators and the report. */
function problemCount(form: FormState, scoring: EvaluationScoring, detail: EvaluationDetail): number {
  const evaluators = detail.assignments.length > 0 || form.evaluators.trim() !== '';
  const firmJob = !detail.assignments.some((a) => a.firmId) || detail.engagement !== null;
  const report = detail.kind !== 'finance-evaluation' || detail.reports.length > 0;
  return scoring.unscored + (form.methods.length === 0 ? 1 : 0) + (form.standard ? 0 : 1) + [evaluators, firmJob, report].filter((ok) => !ok).length;
}

interface Saved {
  version: number;
}

function EditorForm({ detail, reload }: { detail: EvaluationDetail; reload: () => Promise<void> }) {
  const [form, setForm] = useState<FormState>(() => formOf(detail));
  const [attempted, setAttempted] = useState(false);
  const settings = useMemo(() => scoringSettingsFrom((key) => detail.gradeSettings[key]!), [detail.gradeSettings]);
  const scoring = useMemo(() => scoreEvaluation(detail.template.tree, new Map(Object.entries(form.leaves)), settings), [detail.template.tree, form.leaves, settings]);
  const { operator } = useSession();
  const evaluate = useAllowed('evaluate');
  const review = useAllowed('review');
  const canEdit = editable(detail.status) && evaluate.allowed;
  // The service refuses the submitter's own decision; the page does not offer it.
  const canReview = review.allowed && operator.id !== detail.submittedBy;
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(detail));
  const complete = scoring.unscored === 0;
  const work = useUnsavedWork({
    dirty: canEdit && dirty,
    save: async () => (await save()) !== null,
    draft: { key: `evaluation:${detail.id}`, version: detail.version, value: form, restore: setForm },
  });
  const setLeaf = (path: string, patch: Partial<LeafEntry>) => setForm((f) => ({ ...f, leaves: { ...f.leaves, [path]: { ...f.leaves[path]!, ...patch } } }));

  async function save(): Promise<Saved | null> {
    if (scoring.refusals.length > 0) {
      notifyError(new Error(`${scoring.refusals[0]!}，请按红色提示改正`), '没有保存');
      return null;
    }
    try {
      return { version: (await invoke('evaluation.save', saveInputOf(form, detail))).version };
    } catch (error) {
      notifyError(error, '没有保存');
      return null;
    }
  }

  const subject = detail.templateKind === 'department' ? `${detail.subjectName} · 部门整体` : detail.subjectName;
  return (
    <Stack gap="md">
      <Anchor href={routeHref('evaluation', String(detail.year))} size="sm" className="no-print">
        ← {detail.year} 年绩效评价
      </Anchor>
      <PageHeader
        title={`${subject} · ${EVALUATION_KIND_LABELS[detail.kind]}`}
        description={`${detail.subjectCode} · ${detail.unitName} · ${detail.year} 年度 · ${detail.templateName} 第 ${detail.templateVersion} 版（${TEMPLATE_KIND_LABELS[detail.templateKind]}）`}
      />
      <Paper withBorder p="md" component="section" aria-label="评价结果" className="no-print">
        <Group gap="xl">
          <Text>
            总分 <b aria-label="总分">{scoring.totalText}</b>
            {!complete && <Text span c="dimmed" size="sm">（还有 {scoring.unscored} 项指标未评分）</Text>}
          </Text>
          <Group gap={6}>
            <Text>评价等级</Text>
            <Badge size="lg" variant="light" color={complete ? 'teal' : 'gray'} aria-label="评价等级">
              {complete ? scoring.grade : '—'}
            </Badge>
          </Group>
        </Group>
      </Paper>
      {canEdit && work.draftOffer}
      <ReviewPanel<Saved, { opinion: string | null }>
        status={detail.status}
        reviewOpinion={detail.reviewOpinion}
        approvedNote="评价已锁定。"
        stored={{ version: detail.version }}
        dirty={dirty}
        problemCount={problemCount(form, scoring, detail)}
        saveLabel="保存草稿"
        enterPermission="evaluate"
        canWithdraw={evaluate.allowed}
        canReview={canReview}
        onSave={save}
        onSaved={reload}
        onAttempt={() => setAttempted(true)}
        onTransition={(saved, action, decision) => invoke('evaluation.transition', { id: detail.id, version: saved.version, action, opinion: decision?.opinion ?? null })}
        onChanged={reload}
        review={(decide) => <OpinionReview decide={decide} />}
      >
        <Stack gap="md" className="no-print">
          <ScoringTable detail={detail} form={form} scoring={scoring} canEdit={canEdit} attempted={attempted} onLeaf={setLeaf} />
          <EvaluatorsPanel detail={detail} reload={reload} />
          <RecordFields form={form} canEdit={canEdit} attempted={attempted && detail.assignments.length === 0} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} />
          <ReportPanel detail={detail} reload={reload} />
        </Stack>
        <div className={targetClasses.printOnly}>
          <EvaluationSheet detail={detail} form={form} scoring={scoring} />
        </div>
      </ReviewPanel>
      <FindingsNoticePanel detail={detail} reload={reload} />
      <FirmRatingPanel detail={detail} reload={reload} />
      <div className="no-print">
        <ReviewHistory rows={detail.history} />
      </div>
    </Stack>
  );
}

function ScoringTable({ detail, form, scoring, canEdit, attempted, onLeaf }: { detail: EvaluationDetail; form: FormState; scoring: EvaluationScoring; canEdit: boolean; attempted: boolean; onLeaf: (path: string, patch: Partial<LeafEntry>) => void }) {
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        评分
      </Title>
      <Table withTableBorder withColumnBorders aria-label="评分表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={170}>指标</Table.Th>
            <Table.Th w={60} ta="right">分值</Table.Th>
            <Table.Th>评分规则</Table.Th>
            <Table.Th w={280}>评价数据</Table.Th>
            <Table.Th w={200}>评分依据</Table.Th>
            <Table.Th w={70} ta="right">得分</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {placedNodes(detail.template.tree).map((placed) =>
            placed.node.rule ? (
              <LeafRow key={placed.path} placed={placed} entry={form.leaves[placed.path]!} scoring={scoring} canEdit={canEdit} attempted={attempted} onLeaf={onLeaf} />
            ) : (
              <Table.Tr key={placed.path} bg={placed.level === 1 ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-gray-0)'}>
                <Table.Td colSpan={5} style={{ paddingLeft: 8 + (placed.level - 1) * 20 }}>
                  <Text size="sm" fw={placed.level === 1 ? 700 : 600}>
                    {placed.node.name}（{placed.node.points} 分）
                  </Text>
                </Table.Td>
                <Table.Td ta="right" aria-label={`${placed.node.name} 得分`}>
                  {nodeScoreText(scoring, placed.path)}
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function LeafRow({ placed, entry, scoring, canEdit, attempted, onLeaf }: { placed: PlacedNode; entry: LeafEntry; scoring: EvaluationScoring; canEdit: boolean; attempted: boolean; onLeaf: (path: string, patch: Partial<LeafEntry>) => void }) {
  const { node, path, level } = placed;
  const rule = node.rule!;
  const result = scoring.leaves.get(path)!;
  const missing = attempted && !result.score && !result.problem;
  return (
    <Table.Tr>
      <Table.Td style={{ paddingLeft: 8 + (level - 1) * 20 }}>
        <Text size="sm">{node.name}</Text>
      </Table.Td>
      <Table.Td ta="right">{node.points}</Table.Td>
      <Table.Td>
        <Text size="xs">{ruleText(rule)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} align="flex-start" wrap="nowrap">
          {RULE_INPUTS[rule.type].map((field: keyof LeafInput) =>
            canEdit ? (
              <TextInput
                key={field}
                size="xs"
                w={field === 'score' ? 150 : 128}
                leftSection={<Text size="xs" c="dimmed">{LEAF_INPUT_LABELS[field]}</Text>}
                leftSectionWidth={64}
                leftSectionPointerEvents="none"
                aria-label={`${node.name} ${LEAF_INPUT_LABELS[field]}`}
                placeholder={rule.type === 'manual' ? manualRangeText(rule) : LEAF_INPUT_LABELS[field]}
                value={entry[field]}
                onChange={(e) => onLeaf(path, { [field]: e.currentTarget.value })}
                error={missing && !entry[field].trim() ? '请填写' : undefined}
              />
            ) : (
              <Text key={field} size="sm">
                {LEAF_INPUT_LABELS[field]} {entry[field] || '—'}
              </Text>
            ),
          )}
        </Group>
        {result.problem && (
          <Text size="xs" c="red" role="alert">
            {result.problem}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {canEdit ? <TextInput size="xs" aria-label={`${node.name} 评分依据`} value={entry.evidence} onChange={(e) => onLeaf(path, { evidence: e.currentTarget.value })} /> : <Text size="sm">{entry.evidence}</Text>}
      </Table.Td>
      <Table.Td ta="right" aria-label={`${node.name} 得分`}>
        {nodeScoreText(scoring, path)}
      </Table.Td>
    </Table.Tr>
  );
}

function RecordFields({ form, canEdit, attempted, onChange }: { form: FormState; canEdit: boolean; attempted: boolean; onChange: (patch: Partial<FormState>) => void }) {
  return (
    <Stack gap="sm">
      <Checkbox.Group label="评价方法（可多选）" value={form.methods} onChange={(v) => onChange({ methods: EVALUATION_METHODS.filter((m) => v.includes(m)) })} error={attempted && form.methods.length === 0 ? '请选择至少一种评价方法' : undefined}>
        <Group mt={4}>
          {EVALUATION_METHODS.map((m) => (
            <Checkbox key={m} value={m} label={m} disabled={!canEdit} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group label="评价标准" value={form.standard} onChange={(v) => onChange({ standard: v as EvaluationStandard })} error={attempted && !form.standard ? '请选择评价标准' : undefined}>
        <Group mt={4}>
          {EVALUATION_STANDARDS.map((s) => (
            <Radio key={s} value={s} label={EVALUATION_STANDARD_LABELS[s]} disabled={!canEdit} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label="其他评价人员"
        description="未在评价计划中指派的人员，如财政局评价组成员；已指派专家或第三方机构时可不填"
        value={form.evaluators}
        onChange={(e) => onChange({ evaluators: e.currentTarget.value })}
        readOnly={!canEdit}
        error={attempted && !form.evaluators.trim() ? '请指派评价专家或第三方机构，或填写其他评价人员' : undefined}
      />
      <Textarea label="发现的问题" description="每行一条" value={form.findings} onChange={(e) => onChange({ findings: e.currentTarget.value })} readOnly={!canEdit} autosize minRows={3} />
    </Stack>
  );
}

/** The evaluation as printed: a ruled form with every indicator, its data, evidence and score, and the record. */
function EvaluationSheet({ detail, form, scoring }: { detail: EvaluationDetail; form: FormState; scoring: EvaluationScoring }) {
  const leaves = placedNodes(detail.template.tree).filter((p) => p.node.rule);
  const data = (path: string) => {
    const rule = leaves.find((l) => l.path === path)!.node.rule!;
    return RULE_INPUTS[rule.type].map((f) => `${LEAF_INPUT_LABELS[f]} ${form.leaves[path]![f] || '—'}`).join('，');
  };
  return (
    <div className={targetClasses.sheet}>
      <p className={targetClasses.title}>{detail.templateKind === 'department' ? '部门整体支出' : '项目支出'}绩效评价评分表（{EVALUATION_KIND_LABELS[detail.kind]}）</p>
      <div className={targetClasses.meta}>
        <span>（{detail.year} 年度）</span>
        <span>
          {detail.subjectCode} {detail.subjectName} · {detail.unitName}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '34%' }}>指标</th>
            <th style={{ width: '8%' }}>分值</th>
            <th style={{ width: '22%' }}>评价数据</th>
            <th>评分依据</th>
            <th style={{ width: '8%' }}>得分</th>
          </tr>
        </thead>
        <tbody>
          {leaves.map((l) => (
            <tr key={l.path}>
              <td>{l.names.join(' › ')}</td>
              <td className={targetClasses.number}>{l.node.points}</td>
              <td>{data(l.path)}</td>
              <td>{form.leaves[l.path]!.evidence}</td>
              <td className={targetClasses.number}>{nodeScoreText(scoring, l.path)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>总分 / 评价等级</th>
            <td className={targetClasses.number}>
              {scoring.totalText} / {scoring.unscored === 0 ? scoring.grade : '—'}
            </td>
          </tr>
          <tr>
            <th>评价方法</th>
            <td colSpan={4}>{form.methods.join('、')}</td>
          </tr>
          <tr>
            <th>评价标准</th>
            <td colSpan={4}>{form.standard ? EVALUATION_STANDARD_LABELS[form.standard] : ''}</td>
          </tr>
          <tr>
            <th>评价人员</th>
            <td colSpan={4}>{[...detail.assignments.map((a) => `${a.name}（${a.role}）`), form.evaluators].filter((t) => t.trim() !== '').join('、')}</td>
          </tr>
          <tr>
            <th>发现的问题</th>
            <td colSpan={4} style={{ whiteSpace: 'pre-wrap' }}>{form.findings}</td>
          </tr>
          <tr>
            <th>审核意见</th>
            <td colSpan={4}>{detail.reviewOpinion ?? ''}{detail.reviewedBy ? `（${detail.reviewedBy}）` : ''}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
