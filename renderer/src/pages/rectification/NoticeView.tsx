// One 整改通知: what was found and asked, where it stands on the chain, what the signed-in person may do
// now, the timeline of every feedback round and opinion with its files, and the printable 整改通知书.
import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { ACCOUNTABILITY_MEASURE_LABELS, feedbackAuthor, RECTIFICATION_SOURCE_LABELS } from '../../../../electron/domain/rectification';
import type { NoticeDetail } from '../../../../electron/rectification/contract';
import { Fact } from '../../components/Fact';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { AttachmentLine } from './AttachmentLine';
import { DeadlineText, NoticeStatusBadge } from './badges';
import { NoticeActions } from './NoticeActions';
import { NoticeDocument } from './NoticeDocument';
import classes from './print.module.css';

export function NoticeView({ id }: { id: string }) {
  const detail = useInvoke('rectification.get', { id });
  if (detail.error) return <Alert color="red">{detail.error}</Alert>;
  if (!detail.data) return <Loader aria-label="正在读取整改通知" />;
  const { notice } = detail.data;
  return (
    <>
      <Stack gap="md" className={classes.screen}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Anchor href={routeHref('rectification', String(notice.year))} size="sm">
              ← 整改通知列表
            </Anchor>
            <Group gap="sm">
              <Title order={1} size="h2">
                整改通知 {notice.number}
              </Title>
              <NoticeStatusBadge status={notice.status} holder={notice.holder} />
            </Group>
          </Stack>
          <Button variant="default" onClick={() => window.print()}>
            打印整改通知书
          </Button>
        </Group>
        <NoticeFacts detail={detail.data} />
        <NoticeActions detail={detail.data} reload={detail.reload} />
        <NoticeTimeline detail={detail.data} />
      </Stack>
      <NoticeDocument detail={detail.data} />
    </>
  );
}

function NoticeFacts({ detail }: { detail: NoticeDetail }) {
  const { notice } = detail;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label="实施单位">{`${notice.unitName}（${notice.unitCode}）`}</Fact>
          <Fact label="经主管部门">{detail.departmentName ?? (notice.status === 'pending' ? '下达时确定' : '直接下达单位')}</Fact>
          <Fact label="来源">{`${RECTIFICATION_SOURCE_LABELS[notice.source]}：${notice.sourceLabel || notice.projectName || '—'}`}</Fact>
          <Fact label="整改期限">
            <DeadlineText deadline={notice.deadline} state={notice.deadlineState} daysOverdue={notice.daysOverdue} />
          </Fact>
        </SimpleGrid>
        <Fact label="发现的问题">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.problems}</Text>
        </Fact>
        <Fact label="整改要求">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.requirements || '（未写）'}</Text>
        </Fact>
        {notice.departmentRequirements && (
          <Fact label={`主管部门（${detail.departmentName}）的要求`}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.departmentRequirements}</Text>
          </Fact>
        )}
      </Stack>
    </Card>
  );
}

function NoticeTimeline({ detail }: { detail: NoticeDetail }) {
  const { notice, rounds, measures } = detail;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        办理过程
      </Title>
      <Timeline bulletSize={14} lineWidth={2} aria-label="办理过程">
        <Timeline.Item title="拟定整改通知">
          <Text size="xs" c="dimmed">
            {formatDateTime(notice.createdAt)}
          </Text>
        </Timeline.Item>
        {notice.issuedAt && (
          <Timeline.Item title={detail.departmentName ? `下达至${detail.departmentName}` : `下达至${notice.unitName}`}>
            <Text size="xs" c="dimmed">
              {formatDateTime(notice.issuedAt)} · {notice.issuedByName}
            </Text>
          </Timeline.Item>
        )}
        {rounds.map((round) => (
          <Timeline.Item key={round.round} title={`第 ${round.round} 次整改反馈`}>
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {formatDateTime(round.answeredAt)} · {feedbackAuthor(round.answeredByName, round.onBehalf)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {round.feedback}
              </Text>
              {round.attachments.map((file) => (
                <AttachmentLine key={file.id} file={file} />
              ))}
              {round.departmentDecision && <Decision what={`主管部门${round.departmentDecision === 'forward' ? '已转报财政局' : '退回单位'}`} opinion={round.departmentOpinion} at={round.departmentAt!} by={round.departmentByName!} />}
              {round.verdict && <Decision what={`财政局${round.verdict === 'approve' ? '审核通过' : '退回'}`} opinion={round.verdictOpinion} at={round.verdictAt!} by={round.verdictByName!} color={round.verdict === 'approve' ? 'teal' : 'orange'} />}
            </Stack>
          </Timeline.Item>
        ))}
        {measures.map((m) => (
          <Timeline.Item key={m.id} title="问责措施" color="red">
            <Text size="sm">{`${m.takenOn} ${ACCOUNTABILITY_MEASURE_LABELS[m.measure]}${m.detail ? `：${m.detail}` : ''}（${m.recordedBy} 记录）`}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

/** A decision on a round of feedback: who decided what, the opinion, when. */
function Decision({ what, opinion, at, by, color }: { what: string; opinion: string | null; at: string; by: string; color?: string }) {
  return (
    <Text size="sm" c={color}>
      {what}
      {opinion ? `：${opinion}` : ''}
      <Text span size="xs" c="dimmed">
        {' '}
        {formatDateTime(at)} · {by}
      </Text>
    </Text>
  );
}
