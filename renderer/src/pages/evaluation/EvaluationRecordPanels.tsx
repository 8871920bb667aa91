// The parts of an evaluation page beside its scores: the evaluators assigned to its plan item (through the
// plan's own assignment and its conflict-of-interest refusal), the firm's job it was done under and the
// bureau's rating of it, the report file, and the 整改通知 its findings opened. Each acts at once through
// its own channel; the scores form keeps its unsaved typing meanwhile.
import { Alert, Anchor, Badge, Button, Checkbox, CloseButton, Group, Paper, Rating, Select, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { formatFileSize } from '../../../../electron/domain/attachments';
import { noticeNumber, rectificationOpen } from '../../../../electron/domain/rectification';
import { editable } from '../../../../electron/domain/workflow';
import type { EvaluationDetail } from '../../../../electron/evaluation/contract';
import { invoke } from '../../api';
import { DownloadButton, PickFileButton } from '../../components/FileActions';
import { readFilePayload } from '../../components/files';
import { notifyError, notifySuccess } from '../../components/notify';
import { useAllowed } from '../../components/useAllowed';
import { routeHref } from '../../router';
import { NoticeStatusBadge } from '../rectification/badges';
import { NoticeModal } from '../rectification/NoticeModal';
import { RatingForm } from './experts/FirmDetail';
import { AssignModal } from './plans/AssignModal';
import { confirmUnassign } from './plans/PlanItemsTable';

interface PanelProps {
  detail: EvaluationDetail;
  reload: () => Promise<void>;
}

/** Who may change the evaluation now: its evaluators while it is a draft or returned. */
function useEditable(detail: EvaluationDetail): boolean {
  const evaluate = useAllowed('evaluate');
  return editable(detail.status) && evaluate.allowed;
}

/** 评价人员: the plan item's experts by role and its firm, assigned and withdrawn here as on the plan page. */
export function EvaluatorsPanel({ detail, reload }: PanelProps) {
  const canEdit = useEditable(detail);
  const [assigning, setAssigning] = useState(false);
  const planItemId = detail.planItemId;
  return (
    <Stack gap={6} component="section" aria-label="评价人员">
      <Group justify="space-between">
        <Title order={2} size="h4">
          评价人员
        </Title>
        {canEdit && planItemId && (
          <Button size="compact-sm" variant="light" onClick={() => setAssigning(true)}>
            指派专家或第三方机构
          </Button>
        )}
      </Group>
      {!planItemId && (
        <Text size="sm" c="dimmed">
          部门整体评价不在项目评价计划中：评价人员填写在下方“其他评价人员”中。
        </Text>
      )}
      {planItemId && detail.assignments.length === 0 && (
        <Text size="sm" c="dimmed">
          还没有指派评价专家或第三方机构。指派时按回避规则审查：被评价单位或同一主管部门下单位的专家、登记了利益冲突的专家不能指派。
        </Text>
      )}
      {detail.assignments.map((a) => (
        <Group key={a.id} gap={6} wrap="nowrap">
          <Badge variant="light" color={a.firmId ? 'grape' : a.role === '组长' ? 'blue' : 'gray'}>
            {a.role}
          </Badge>
          <Text size="sm">
            {a.name}
            <Text span size="xs" c="dimmed">
              （{a.organisation}）
            </Text>
          </Text>
          {canEdit && <CloseButton size="sm" aria-label={`撤销 ${a.name}`} onClick={() => confirmUnassign(a.id, a.name, detail.subjectName, reload)} />}
        </Group>
      ))}
      {detail.assignments.some((a) => a.firmId) && <FirmJob detail={detail} reload={reload} canEdit={canEdit} />}
      {assigning && planItemId && (
        <AssignModal
          item={{ id: planItemId, evaluators: detail.assignments }}
          project={{ code: detail.subjectCode, name: detail.subjectName, unitName: detail.unitName }}
          onClose={() => setAssigning(false)}
          onAssigned={reload}
        />
      )}
    </Stack>
  );
}

/** The firm's job of the year the evaluation was done under (its contract), chosen while the evaluation is editable. */
function FirmJob({ detail, reload, canEdit }: PanelProps & { canEdit: boolean }) {
  const firm = detail.assignments.find((a) => a.firmId)!;
  async function link(engagementId: string | null) {
    if (!engagementId) return;
    try {
      await invoke('evaluation.linkEngagement', { id: detail.id, engagementId });
      await reload();
    } catch (error) {
      notifyError(error, '没有关联委托业务');
    }
  }
  if (detail.engagementChoices.length === 0) {
    return (
      <Alert color="yellow" title="没有本年度的委托业务">
        {firm.name}还没有登记 {detail.year} 年的委托业务（合同）。请在“第三方机构”中打开该机构，登记委托内容、合同金额和起止日期，再回来选择。
      </Alert>
    );
  }
  return (
    <Select
      label="受托机构的委托业务"
      description={`${firm.name} ${detail.year} 年的委托（合同）`}
      placeholder="请选择"
      data={detail.engagementChoices.map((e) => ({ value: e.id, label: `${e.subject}（${e.startDate} 至 ${e.endDate}）` }))}
      value={detail.engagement?.id ?? null}
      onChange={(value) => void link(value)}
      disabled={!canEdit}
      allowDeselect={false}
      w={520}
    />
  );
}

/** The bureau's rating of the firm's job, once the evaluation done under it is approved. */
export function FirmRatingPanel({ detail, reload }: PanelProps) {
  const enter = useAllowed('enter');
  const [rating, setRating] = useState(false);
  const job = detail.engagement;
  if (detail.status !== 'approved' || !job) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="第三方机构工作质量" className="no-print">
      <Group justify="space-between">
        <Stack gap={2}>
          <Text fw={600}>第三方机构工作质量：{job.firmName}</Text>
          <Text size="sm" c="dimmed">
            {job.subject}
          </Text>
        </Stack>
        {job.rating !== null ? (
          <Stack gap={0} align="flex-end">
            <Rating value={job.rating} readOnly aria-label={`质量评价 ${job.rating} 分`} />
            <Text size="xs">
              {job.ratingComment}（{job.ratedBy}）
            </Text>
          </Stack>
        ) : (
          <Button variant="light" onClick={() => setRating(true)} disabled={!enter.allowed} title={enter.reason ?? undefined}>
            评价机构工作质量
          </Button>
        )}
      </Group>
      {rating && <RatingForm job={job} rate={(value, comment) => invoke('evaluation.rateFirm', { id: detail.id, rating: value, comment })} onClose={() => setRating(false)} onRated={reload} />}
    </Paper>
  );
}

const REPORT_ACCEPT = '.pdf,.doc,.docx';

/** 评价报告: the PDF or Word report kept with the evaluation; it comes and goes only while the evaluation is editable. */
export function ReportPanel({ detail, reload }: PanelProps) {
  const canEdit = useEditable(detail);
  const [uploading, setUploading] = useState(false);
  async function upload(file: File) {
    setUploading(true);
    try {
      await invoke('evaluation.attachReport', { id: detail.id, file: await readFilePayload(file) });
      await reload();
      notifySuccess(file.name, '评价报告已上传');
    } catch (error) {
      notifyError(error, '没有上传');
    } finally {
      setUploading(false);
    }
  }
  const confirmRemove = (id: string, name: string) =>
    modals.openConfirmModal({
      title: `删除评价报告：${name}`,
      children: <Text size="sm">删除后需重新上传{detail.kind === 'finance-evaluation' ? '，财政评价送审前须有评价报告' : ''}。删除会记入操作日志。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await invoke('evaluation.removeReport', { attachmentId: id });
          await reload();
        } catch (error) {
          notifyError(error, '没有删除');
        }
      },
    });
  return (
    <Stack gap={6} component="section" aria-label="评价报告">
      <Title order={2} size="h4">
        评价报告
      </Title>
      {detail.reports.length === 0 && (
        <Text size="sm" c="dimmed">
          还没有上传评价报告{detail.kind === 'finance-evaluation' ? '：财政评价送审前须上传' : ''}。
        </Text>
      )}
      {detail.reports.map((file) => (
        <Group key={file.id} gap="xs" wrap="nowrap">
          <DownloadButton size="compact-sm" variant="subtle" label={file.name} fetchFile={() => invoke('evaluation.downloadReport', { attachmentId: file.id })} />
          <Text size="xs" c="dimmed">
            {formatFileSize(file.size)} · {file.addedBy} · {file.addedAt.slice(0, 10)}
          </Text>
          {canEdit && <CloseButton size="sm" aria-label={`删除 ${file.name}`} onClick={() => confirmRemove(file.id, file.name)} />}
        </Group>
      ))}
      {canEdit && (
        <Group gap="xs">
          <PickFileButton label="上传评价报告" variant="default" size="xs" accept={REPORT_ACCEPT} loading={uploading} onFile={(file) => void upload(file)} />
          <Text size="xs" c="dimmed">
            PDF 或 Word（.doc/.docx），不超过“设置 → 参数设置 → 整改问责 → 附件大小上限”
          </Text>
        </Group>
      )}
    </Stack>
  );
}

/** 整改通知 on an approved evaluation's findings: the chosen findings become the notice's problems. */
export function FindingsNoticePanel({ detail, reload }: PanelProps) {
  const review = useAllowed('review');
  const [chosen, setChosen] = useState<string[]>(detail.findings);
  const [drafting, setDrafting] = useState(false);
  if (detail.status !== 'approved' || detail.findings.length === 0) return null;
  const notice = detail.notice;
  const open = notice !== null && rectificationOpen(notice.status);
  return (
    <Paper withBorder p="md" component="section" aria-label="整改通知" className="no-print">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>发现的问题与整改</Text>
          {notice && (
            <Group gap={6}>
              <Anchor href={routeHref('rectification', 'notice', notice.id)}>整改通知{noticeNumber(detail.year, notice.seq)}</Anchor>
              <NoticeStatusBadge status={notice.status} holder={null} />
            </Group>
          )}
        </Group>
        <Checkbox.Group value={chosen} onChange={setChosen} label="选择要整改的问题">
          <Stack gap={4} mt={4}>
            {detail.findings.map((f) => (
              <Checkbox key={f} value={f} label={f} disabled={open} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button color="red" variant="light" onClick={() => setDrafting(true)} disabled={!review.allowed || open || chosen.length === 0} title={review.reason ?? undefined}>
            下达整改通知
          </Button>
          {open && (
            <Text size="sm" c="dimmed">
              该评价的整改通知尚未办结，无需重复下达。
            </Text>
          )}
        </Group>
      </Stack>
      {drafting && (
        <NoticeModal
          year={detail.year}
          subject={detail.subjectName}
          unitName={detail.unitName}
          draftProblems={detail.findings.filter((f) => chosen.includes(f)).join('\n')}
          open={(text) => invoke('evaluation.openRectification', { evaluationId: detail.id, ...text })}
          onClose={() => setDrafting(false)}
          onDone={reload}
        />
      )}
    </Paper>
  );
}
