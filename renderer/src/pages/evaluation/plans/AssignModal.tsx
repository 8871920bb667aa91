import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvaluatorRole } from '../../../../../electron/domain/experts';
import type { PlanItem, PlanProjectRow } from '../../../../../electron/evaluation/plans/contract';
import { errorMessage, invoke } from '../../../api';
import { notifySuccess } from '../../../components/notify';
import { useInvoke } from '../../../components/useInvoke';

/** The evaluated project as the dialog names it: the plan page knows its 主管部门, the evaluation page may not. */
type AssignedProject = Pick<PlanProjectRow, 'code' | 'name' | 'unitName'> & { departmentName?: string };

/**
 * Assigns an expert or a firm to a plan item. The conflict-of-interest rule is the service's (it knows the
 * declared conflicts and the register): a refusal stays in the dialog, naming the conflict, so another
 * expert can be chosen at once.
 */
export function AssignModal({ item, project, onClose, onAssigned }: { item: Pick<PlanItem, 'id' | 'evaluators'>; project: AssignedProject; onClose: () => void; onAssigned: () => Promise<void> }) {
  const experts = useInvoke('experts.list', {});
  const firms = useInvoke('firms.list', {});
  const [kind, setKind] = useState<'expert' | 'firm'>('expert');
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState<EvaluatorRole>(item.evaluators.some((e) => e.role === '组长') ? '成员' : '组长');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const assigned = new Set(item.evaluators.map((e) => e.expertId ?? e.firmId));
  const options =
    kind === 'expert'
      ? (experts.data ?? []).filter((e) => !assigned.has(e.id)).map((e) => ({ value: e.id, label: `${e.name} · ${e.field} · ${e.organisation}${e.available ? '' : '（暂停）'}` }))
      : (firms.data ?? []).filter((f) => !assigned.has(f.id)).map((f) => ({ value: f.id, label: f.name }));

  async function assign() {
    if (!chosen) return;
    setBusy(true);
    setRefusal(null);
    try {
      const done =
        kind === 'expert'
          ? await invoke('evaluationPlans.assign', { planItemId: item.id, expertId: chosen, role })
          : await invoke('evaluationPlans.assign', { planItemId: item.id, firmId: chosen, role: '受托机构' });
      notifySuccess(`${done.name}：${done.role}`, `已指派到 ${project.code}`);
      await onAssigned();
      onClose();
    } catch (error) {
      setRefusal(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`指派评价人员：${project.code} ${project.name}`} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          被评价单位：{project.unitName}{project.departmentName ? `（主管部门 ${project.departmentName}）` : ''}。工作单位是被评价单位或同一主管部门下单位的专家、已登记利益冲突的专家、暂停的专家不能指派。
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => {
            setKind(value as 'expert' | 'firm');
            setChosen(null);
            setRefusal(null);
          }}
          data={[
            { value: 'expert', label: '专家' },
            { value: 'firm', label: '第三方机构' },
          ]}
        />
        <Group grow align="flex-end">
          <Select
            label={kind === 'expert' ? '专家' : '第三方机构'}
            placeholder={options.length ? '请选择' : kind === 'expert' ? '专家库中还没有专家' : '还没有登记第三方机构'}
            data={options}
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setRefusal(null);
            }}
            searchable
            nothingFoundMessage="没有匹配的人选"
          />
          {kind === 'expert' && (
            <Select label="角色" data={['组长', '成员']} value={role} onChange={(value) => value && setRole(value as EvaluatorRole)} allowDeselect={false} />
          )}
        </Group>
        {refusal && (
          <Alert color="red" title="不能指派" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button onClick={assign} loading={busy} disabled={!chosen}>
            指派
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
