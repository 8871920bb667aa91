// 下发: what the prefecture sends down to its counties besides review decisions — a monitoring round for
// all (or chosen) counties at once, and 通知 with files. Each county's copy travels in that county's next
// reply (审核与反馈 → 导出反馈包, stage 全部); the county fills the round there and marks the notice read.
import { Alert, Badge, Button, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ATTACHMENT_ACCEPT } from '../../../../electron/domain/attachments';
import { defaultDeadline, roundDeadlineProblem, SCOPE_LABELS } from '../../../../electron/domain/monitoring';
import type { FilePayload } from '../../../../electron/ipc/contract';
import type { Notice } from '../../../../electron/notices/contract';
import { errorMessage, invoke } from '../../api';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { PickFileButton } from '../../components/FileActions';
import { readFilePayload } from '../../components/files';
import { notifySuccess } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';
import { useExchange } from './exchangeContext';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 月` }));

/** The prefecture's counties, for choosing whom to issue to (none chosen: all of them). */
function useCounties() {
  const { installation } = useSession();
  const regions = useInvoke('regions.list', {});
  return useMemo(
    () => (regions.data ?? []).filter((r) => r.level === 'county' && r.parentCode === installation.region.code),
    [regions.data, installation.region.code],
  );
}

/** The counties an issue goes to: none chosen means all of them. */
const toCounties = (chosen: readonly string[]) => (chosen.length ? { counties: [...chosen] } : {});

/** One issue at a time: its error stays on the card, and the button spins while it runs. */
function useIssuing() {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function run(issue: () => Promise<void>) {
    setSaving(true);
    setError(null);
    try {
      await issue();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }
  return { error, setError, saving, run };
}

/** A card of the 下发 tab: its heading and the form it submits. */
function IssueCard({ id, title, onSubmit, children }: { id: string; title: string; onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}

/** Why the last issue failed, if it did, and the button that issues. */
function IssueSubmit({ error, saving, disabled, label }: { error: string | null; saving: boolean; disabled: boolean; label: string }) {
  return (
    <>
      {error && (
        <Alert color="red" title="没有下发">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={saving} disabled={disabled}>
          {label}
        </Button>
      </Group>
    </>
  );
}

function CountyChoice({ value, onChange, total }: { value: string[]; onChange: (codes: string[]) => void; total: { code: string; name: string }[] }) {
  return (
    <MultiSelect
      label="下发到"
      description={value.length === 0 ? `不选即下发到本州全部 ${total.length} 个县市` : `已选 ${value.length} 个县市`}
      placeholder="全部县市"
      data={total.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
    />
  );
}

export function IssueTab() {
  return (
    <Stack gap="lg">
      <IssueRoundCard />
      <IssueNoticeCard />
    </Stack>
  );
}

function IssueRoundCard() {
  const { year } = useExchange();
  const counties = useCounties();
  const issued = useInvoke('exchange.issuedRounds', { year });
  const [month, setMonth] = useState(8);
  const [deadline, setDeadline] = useState(defaultDeadline(year, 8));
  const [scope, setScope] = useState<'all' | 'key'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const { error, saving, run } = useIssuing();
  const deadlineError = deadline ? roundDeadlineProblem(year, month, deadline) : '请填写报送截止日期';
  const reach = chosen.length || counties.length;

  async function issue(event: FormEvent) {
    event.preventDefault();
    if (deadlineError) return;
    await run(async () => {
      const rounds = await invoke('exchange.issueRound', { year, month, deadline, scope, ...toCounties(chosen) });
      notifySuccess(`${year} 年 ${month} 月监控轮次已下发到 ${rounds.length} 个县市，随各县下一个反馈包送达`, '已下发');
      await issued.reload();
    });
  }

  return (
    <IssueCard id="issue-round" title={`下发监控轮次 · ${year} 年度`} onSubmit={issue}>
      <Text size="sm" c="dimmed">
        各县导入反馈包后，该轮次标为“州级下发”，县里按本县已批复的项目生成监控表填报；月份、截止日期和范围只由州里确定。
      </Text>
      <Group grow align="flex-start">
        <Select
          label="报告月份"
          data={MONTHS}
          value={String(month)}
          onChange={(v) => {
            if (!v) return;
            setMonth(Number(v));
            setDeadline(defaultDeadline(year, Number(v)));
          }}
          allowDeselect={false}
          withAsterisk
        />
        <TextInput label="报送截止日期" placeholder="2020-08-31" value={deadline} error={deadlineError} onChange={(e) => setDeadline(e.currentTarget.value)} withAsterisk />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            监控范围
          </Text>
          <SegmentedControl
            aria-label="监控范围"
            value={scope}
            onChange={(v) => setScope(v as 'all' | 'key')}
            data={[
              { value: 'all', label: SCOPE_LABELS.all },
              { value: 'key', label: SCOPE_LABELS.key },
            ]}
          />
        </Stack>
      </Group>
      <CountyChoice value={chosen} onChange={setChosen} total={counties} />
      <IssueSubmit error={error} saving={saving} disabled={reach === 0} label={`下发到 ${reach} 个县市`} />
      {issued.data && issued.data.length > 0 ? (
        <Table striped withTableBorder aria-label="已下发的监控轮次">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>县市</Table.Th>
              <Table.Th>轮次</Table.Th>
              <Table.Th>截止日期</Table.Th>
              <Table.Th>范围</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issued.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.countyName}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{r.deadline}</Table.Td>
                <Table.Td>{SCOPE_LABELS[r.scope]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        issued.data && <Text size="sm" c="dimmed">{year} 年度还没有下发监控轮次。</Text>
      )}
    </IssueCard>
  );
}

function IssueNoticeCard() {
  const { year } = useExchange();
  const counties = useCounties();
  const issued = useInvoke('notices.issued', { year });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [issuedOn, setIssuedOn] = useState(`${year}-01-01`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [files, setFiles] = useState<FilePayload[]>([]);
  const [tried, setTried] = useState(false);
  const { error, setError, saving, run } = useIssuing();
  const titleError = tried && !title.trim() ? '请填写通知标题' : null;
  const dateError = /^\d{4}-\d{2}-\d{2}$/.test(issuedOn) ? null : '发文日期应为“2020-08-01”这样的日期';
  const reach = chosen.length || counties.length;

  async function addFile(file: File) {
    try {
      const payload = await readFilePayload(file);
      setFiles((current) => [...current, payload]);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  async function issue(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!title.trim() || dateError) return;
    await run(async () => {
      const sent = await invoke('notices.issue', { year, title, body, issuedOn, files, ...toCounties(chosen) });
      notifySuccess(`“${title.trim()}”已下发到 ${sent.length} 个县市，随各县下一个反馈包送达`, '已下发通知');
      setTitle('');
      setBody('');
      setFiles([]);
      setTried(false);
      await issued.reload();
    });
  }

  return (
    <IssueCard id="issue-notice" title={`下发通知 · ${year} 年度`} onSubmit={issue}>
      <Group grow align="flex-start">
        <TextInput label="通知标题" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={titleError} withAsterisk />
        <TextInput label="发文日期" placeholder="2020-08-01" value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} error={dateError} withAsterisk maw={180} />
      </Group>
      <Textarea label="通知正文" autosize minRows={3} maxRows={10} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      <CountyChoice value={chosen} onChange={setChosen} total={counties} />
      <Group gap="sm" align="center">
        <PickFileButton label="添加附件" accept={ATTACHMENT_ACCEPT} variant="default" size="xs" onFile={(file) => void addFile(file)} />
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            可附 PDF、图片、Word、Excel 文件
          </Text>
        ) : (
          files.map((f, index) => (
            <Badge
              key={`${f.fileName}-${index}`}
              variant="light"
              rightSection={
                <Text span size="xs" style={{ cursor: 'pointer' }} aria-label={`移除附件 ${f.fileName}`} role="button" onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}>
                  ×
                </Text>
              }
            >
              {f.fileName}
            </Badge>
          ))
        )}
      </Group>
      <IssueSubmit error={error} saving={saving} disabled={reach === 0} label={`下发通知到 ${reach} 个县市`} />
      <IssuedNotices notices={issued.data} year={year} />
    </IssueCard>
  );
}

function IssuedNotices({ notices, year }: { notices: readonly Notice[] | undefined; year: number }) {
  if (!notices) return null;
  if (notices.length === 0) return <EmptyNotice title={`${year} 年度还没有下发通知`} description="写好标题、正文和附件后下发；各县导入反馈包后在“数据交换 → 上级通知”中阅读和下载附件，已读情况随其上报包回到本州。" />;
  return (
    <Table striped withTableBorder aria-label="已下发的通知">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>县市</Table.Th>
          <Table.Th>标题</Table.Th>
          <Table.Th>发文日期</Table.Th>
          <Table.Th>附件</Table.Th>
          <Table.Th>阅读</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {notices.map((n) => (
          <Table.Tr key={n.id}>
            <Table.Td>{n.countyName}</Table.Td>
            <Table.Td>{n.title}</Table.Td>
            <Table.Td>{n.issuedOn}</Table.Td>
            <Table.Td>{n.files.length} 个</Table.Td>
            <Table.Td>{n.readAt ? <Badge color="teal" variant="light">已读（{n.readBy}）</Badge> : <Badge color="gray" variant="light">未读或未回报</Badge>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
