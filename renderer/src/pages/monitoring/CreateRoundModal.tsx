import { Alert, Button, Group, Modal, MultiSelect, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { defaultDeadline, roundDeadlineProblem, SCOPE_LABELS, type RoundScope } from '../../../../electron/domain/monitoring';
import type { RoundSummary } from '../../../../electron/monitoring/contract';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { useInvoke } from '../../components/useInvoke';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * Opens a round: the reporting month (the bureau's monitoring months first), a deadline (the month's
 * last day unless changed), and the scope; for 指定项目 the approved projects to monitor.
 */
export function CreateRoundModal({
  year,
  months,
  opened,
  onClose,
  onCreated,
}: {
  year: number;
  months: readonly number[];
  /** Months that already have a round this year. */
  opened: ReadonlySet<number>;
  onClose: () => void;
  onCreated: (round: RoundSummary) => void;
}) {
  const firstMonth = months.find((m) => !opened.has(m)) ?? months[0] ?? 8;
  const [month, setMonth] = useState(firstMonth);
  const [deadline, setDeadline] = useState(defaultDeadline(year, firstMonth));
  const [deadlineTouched, setDeadlineTouched] = useState(false);
  const [scope, setScope] = useState<RoundScope>('all');
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const candidates = useInvoke('monitoring.candidates', { year });

  // The date field gives '' for an empty or half-typed date; the same rule as the service, shown as typed.
  const deadlineError = deadline ? roundDeadlineProblem(year, month, deadline) : '请填写报送截止日期';

  const chooseMonth = (value: number) => {
    setMonth(value);
    if (!deadlineTouched) setDeadline(defaultDeadline(year, value));
  };

  async function create(event: FormEvent) {
    event.preventDefault();
    if (deadlineError) return;
    setSaving(true);
    setError(null);
    try {
      const round = await invoke('monitoring.createRound', { year, month, deadline, scope, ...(scope === 'list' ? { projectIds } : {}) });
      notifySuccess(`${round.title}：已为 ${round.counts.sheets} 个项目生成监控表`, '已开启监控轮次');
      onCreated(round);
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  }

  const approved = candidates.data ?? [];
  const keyCount = approved.filter((c) => c.keyProject).length;
  const monthOptions = MONTHS.map((m) => ({
    value: String(m),
    label: `${m} 月${months.includes(m) ? '（监控月份）' : ''}${opened.has(m) ? '（已开启）' : ''}`,
  }));

  return (
    <Modal opened onClose={onClose} title={`新建 ${year} 年监控轮次`} size="lg">
      <form onSubmit={create} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <Select label="报告月份" description="按截至该月末的数据监控" data={monthOptions} value={String(month)} onChange={(v) => v && chooseMonth(Number(v))} allowDeselect={false} withAsterisk />
            <TextInput
              type="date"
              label="报送截止日期"
              description="默认为报告月份的最后一天"
              value={deadline}
              error={deadlineError}
              onChange={(e) => {
                setDeadline(e.currentTarget.value);
                setDeadlineTouched(true);
              }}
              withAsterisk
            />
          </Group>
          <Radio.Group label="监控范围" value={scope} onChange={(v) => setScope(v as RoundScope)}>
            <Stack gap={6} mt={6}>
              <Radio value="all" label={`${SCOPE_LABELS.all}（${approved.length} 个）`} />
              <Radio value="key" label={`${SCOPE_LABELS.key}（${keyCount} 个）`} />
              <Radio value="list" label={SCOPE_LABELS.list} />
            </Stack>
          </Radio.Group>
          {scope === 'list' && (
            <MultiSelect
              label="监控的项目"
              placeholder="输入项目编码、名称或单位搜索"
              data={approved.map((c) => ({ value: c.projectId, label: `${c.code} ${c.name}（${c.unitName}）` }))}
              value={projectIds}
              onChange={setProjectIds}
              searchable
              clearable
              maxDropdownHeight={260}
              nothingFoundMessage="没有匹配的已批复项目"
            />
          )}
          {candidates.data && approved.length === 0 && (
            <Alert color="yellow">{year} 年还没有批复（审核通过）的项目绩效目标，开启监控前请先在“绩效目标”中完成审核。</Alert>
          )}
          <Text size="sm" c="dimmed">
            开启后，每个项目生成一张监控表：按项目库预填调整后预算（分资金来源），按批复的绩效目标列出指标。
          </Text>
          {error && (
            <Alert color="red" title="没有开启">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={saving}>
              开启监控
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
