// 问责清单: notices overdue, returned the setting's number of times, or holding their project's money back
// (整改后再安排 in the budget proposals), what the proposals say of each, the measures taken, a dialog to
// record one, and the list printed as it stands.
import { Alert, Button, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { localDate } from '../../../../electron/domain/clock';
import { ACCOUNTABILITY_MEASURE_LABELS, ACCOUNTABILITY_MEASURES, measureProblem, type AccountabilityMeasure } from '../../../../electron/domain/rectification';
import type { AccountabilityItem } from '../../../../electron/rectification/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { onSubmitOf, useDialogSubmit } from '../../components/useDialogSubmit';
import { NotAllowedNote, useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import { NoticeCells, NoticeHeaderCells } from './badges';
import classes from './print.module.css';

export function AccountabilityTab({ year }: { year: number }) {
  const list = useInvoke('rectification.accountability', { year });
  const recording = useAllowed('review');
  const [measuring, setMeasuring] = useState<AccountabilityItem | null>(null);
  if (list.error) return <Alert color="red">{list.error}</Alert>;
  if (!list.data) return <Loader aria-label="正在读取问责清单" />;
  if (list.data.length === 0) {
    return (
      <EmptyNotice
        title={`${year} 年问责清单为空`}
        description="整改期限已过仍未审核通过的整改通知、整改反馈被多次退回的通知（次数见“设置 → 参数设置 → 整改问责”），以及预算调整建议清单中“整改后再安排”的项目尚未通过的通知，会列在这里，并可记录约谈、通报、扣减预算、暂停拨付等措施。"
      />
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" className="no-print">
        <Text size="sm">
          {year} 年共 {list.data.length} 件需问责的整改通知。
        </Text>
        <Button variant="default" onClick={() => window.print()}>
          打印问责清单
        </Button>
      </Group>
      <NotAllowedNote allowance={recording} />
      <Text fw={700} ta="center" size="lg" className={classes.printOnly}>
        {year} 年整改问责清单
      </Text>
      <Table withTableBorder withColumnBorders aria-label="问责清单">
        <Table.Thead>
          <Table.Tr>
            <NoticeHeaderCells />
            <Table.Th miw={130}>列入原因</Table.Th>
            <Table.Th miw={100}>结果应用</Table.Th>
            <Table.Th>已采取的措施</Table.Th>
            <Table.Th className="no-print" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((n) => (
            <Table.Tr key={n.id}>
              <NoticeCells notice={n} />
              <Table.Td>{n.reasons.join('；')}</Table.Td>
              <Table.Td>
                {n.resultsMeasure ?? (
                  <Text size="sm" c="dimmed">
                    {n.projectId ? '建议清单未列' : '—'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {n.measures.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    尚未记录
                  </Text>
                ) : (
                  n.measures.map((m) => (
                    <Text key={m.id} size="sm">
                      {`${m.takenOn} ${ACCOUNTABILITY_MEASURE_LABELS[m.measure]}${m.detail ? `：${m.detail}` : ''}（${m.recordedBy}）`}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td className="no-print">
                <Button size="compact-sm" variant="light" disabled={!recording.allowed} onClick={() => setMeasuring(n)}>
                  记录措施
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {measuring && <MeasureModal item={measuring} onClose={() => setMeasuring(null)} onDone={list.reload} />}
    </Stack>
  );
}

function MeasureModal({ item, onClose, onDone }: { item: AccountabilityItem; onClose: () => void; onDone: () => Promise<void> }) {
  const today = localDate();
  const [measure, setMeasure] = useState<AccountabilityMeasure>('interview');
  const [detail, setDetail] = useState('');
  const [takenOn, setTakenOn] = useState(today);
  const problem = measureProblem(measure, detail, takenOn, today);
  const work = useUnsavedWork({ dirty: detail !== '', save: () => save.submit() });
  const save = useDialogSubmit(
    async () => {
      await invoke('rectification.recordMeasure', { id: item.id, measure, detail, takenOn });
      return `已记录${item.number}的问责措施：${ACCOUNTABILITY_MEASURE_LABELS[measure]}`;
    },
    onDone,
    onClose,
    work,
  );
  const close = async () => (await work.confirmLeave()) && onClose();
  return (
    <Modal opened onClose={close} title={`记录问责措施：${item.number} ${item.unitName}`}>
      <form onSubmit={onSubmitOf(save.submit)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            列入原因：{item.reasons.join('；')}
          </Text>
          <Select label="措施" data={ACCOUNTABILITY_MEASURES.map((m) => ({ value: m, label: ACCOUNTABILITY_MEASURE_LABELS[m] }))} value={measure} onChange={(v) => v && setMeasure(v as AccountabilityMeasure)} allowDeselect={false} withAsterisk />
          <Textarea label="说明" placeholder="例如：约谈单位主要负责人，限期 10 日内整改到位" value={detail} onChange={(e) => setDetail(e.currentTarget.value)} autosize minRows={2} withAsterisk={measure === 'other'} />
          <TextInput type="date" label="采取措施的日期" value={takenOn} onChange={(e) => setTakenOn(e.currentTarget.value)} w={240} withAsterisk />
          {save.error && <Alert color="red">{save.error}</Alert>}
          <Group justify="flex-end">
            {problem && (
              <Text size="sm" c="dimmed" role="note">
                {problem}
              </Text>
            )}
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button type="submit" loading={save.saving} disabled={problem !== null}>
              记录
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
