import { Alert, Button, Checkbox, Group, Loader, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { displayTarget } from '../../../../electron/domain/indicators';
import type { TargetIndicator } from '../../../../electron/domain/targets';
import { useInvoke } from '../../components/useInvoke';
import { newSuggestions } from './targetForm';

/** 从指标库添加: the accepted indicators of a project type, those already on the form left out. */
export function LibraryPickerModal({
  initialTypeCode,
  current,
  onClose,
  onAdd,
}: {
  initialTypeCode: string | null;
  current: readonly TargetIndicator[];
  onClose: () => void;
  onAdd: (rows: TargetIndicator[]) => void;
}) {
  const types = useInvoke('projects.types', {});
  const [typeCode, setTypeCode] = useState<string | null>(initialTypeCode);
  const suggestions = useInvoke('targets.suggestions', { projectTypeCode: typeCode ?? '' });
  const available = typeCode && suggestions.data ? newSuggestions(current, suggestions.data) : [];
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setChosen((now) => {
      const next = new Set(now);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <Modal opened onClose={onClose} title="从指标库添加指标" size="xl">
      <Stack gap="md">
        <Select
          label="项目类型"
          placeholder="选择项目类型"
          data={(types.data ?? []).map((t) => ({ value: t.code, label: `${t.name}（${t.sector}）` }))}
          value={typeCode}
          onChange={(code) => {
            setTypeCode(code);
            setChosen(new Set());
          }}
          searchable
          nothingFoundMessage="没有匹配的项目类型"
        />
        {!typeCode && <Text c="dimmed">请先选择项目类型，下面列出该类型已入库的指标。</Text>}
        {typeCode && !suggestions.data && !suggestions.error && <Loader aria-label="正在读取指标" />}
        {suggestions.error && typeCode && <Alert color="red">{suggestions.error}</Alert>}
        {typeCode && suggestions.data && available.length === 0 && <Alert color="gray">该类型已入库的指标都已在表中，或该类型还没有已入库的指标。</Alert>}
        {available.length > 0 && (
          <ScrollArea.Autosize mah={420}>
            <Table withTableBorder aria-label="可添加的指标">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44} />
                  <Table.Th w={110}>一级指标</Table.Th>
                  <Table.Th w={130}>二级指标</Table.Th>
                  <Table.Th>三级指标</Table.Th>
                  <Table.Th w={120}>参考指标值</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {available.map((s) => (
                  <Table.Tr key={s.libraryCode ?? s.name}>
                    <Table.Td>
                      <Checkbox aria-label={`选择 ${s.name}`} checked={chosen.has(s.libraryCode!)} onChange={() => toggle(s.libraryCode!)} />
                    </Table.Td>
                    <Table.Td>{s.level1}</Table.Td>
                    <Table.Td>{s.level2}</Table.Td>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{displayTarget(s)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="space-between">
          <Button variant="subtle" disabled={available.length === 0} onClick={() => setChosen(new Set(available.map((s) => s.libraryCode!)))}>
            全选
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button
              disabled={chosen.size === 0}
              onClick={() => {
                onAdd(available.filter((s) => chosen.has(s.libraryCode!)));
                onClose();
              }}
            >
              添加 {chosen.size} 个指标
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
