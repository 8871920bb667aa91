import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Expert } from '../../../../../electron/experts/contract';
import { errorMessage, invoke } from '../../../api';
import { formatDateTime } from '../../../components/format';
import { UnitPicker } from '../../../components/UnitPicker';

/** An expert's declared conflicts of interest: each unit with its reason, enforced when assigning. */
export function ConflictsModal({ expert, canEnter, onClose, onChanged }: { expert: Expert; canEnter: boolean; onClose: () => void; onChanged: () => Promise<void> }) {
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await onChanged();
      setUnitCode(null);
      setReason('');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <Modal opened onClose={onClose} title={`利益冲突登记：${expert.name}`} size="lg">
      <Stack gap="md">
        {expert.conflicts.length === 0 ? (
          <Text size="sm" c="dimmed">
            尚未登记利益冲突。专家与某单位有亲属任职、业务往来等关系时在此登记，指派评价时将按登记回避。
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} aria-label="已登记的利益冲突">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>单位</Table.Th>
                <Table.Th>原因</Table.Th>
                <Table.Th w={150}>登记</Table.Th>
                {canEnter && <Table.Th w={70} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {expert.conflicts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.unitName}</Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {c.recordedBy} {formatDateTime(c.recordedAt)}
                    </Text>
                  </Table.Td>
                  {canEnter && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => run(() => invoke('experts.removeConflict', { id: c.id }))}>
                        撤销
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEnter && (
          <Group align="flex-end" grow>
            <UnitPicker label="单位" placeholder="输入名称或编码查找" value={unitCode} onChange={(code) => setUnitCode(code)} />
            <TextInput label="原因" placeholder="如 配偶在该单位任职" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button
              disabled={!unitCode || reason.trim() === ''}
              onClick={() => run(() => invoke('experts.declareConflict', { expertId: expert.id, unitCode: unitCode!, reason }))}
              style={{ flexGrow: 0 }}
            >
              登记
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
