import { Alert, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { REGION_CODE, REGION_LEVEL_LABELS, REGION_LEVELS, type RegionLevel } from '../../../../electron/domain/registry';
import type { Region } from '../../../../electron/registry/contract';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { FormActions } from '../../components/FormActions';

/** The level directly above, in the domain's order region → prefecture → county; none for the top. */
const levelAbove = (level: RegionLevel): RegionLevel | undefined => REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1];

export function AddRegionModal({ regions, onClose, onAdded }: { regions: readonly Region[]; onClose: () => void; onAdded: () => Promise<void> }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<RegionLevel>('county');
  const [parentCode, setParentCode] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const parentLevel = levelAbove(level);
  const parents = regions.filter((r) => r.level === parentLevel).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
  const problems = {
    code: REGION_CODE.test(code.trim()) ? null : '区划代码应为 6 位数字',
    name: name.trim() === '' ? '请填写区划名称' : null,
    parent: parentLevel && !parentCode ? `请选择上级${REGION_LEVEL_LABELS[parentLevel]}` : null,
  };
  const shown = (problem: string | null) => (attempted ? problem : null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(problems).some(Boolean)) return;
    setSaving(true);
    setError(null);
    try {
      const added = await invoke('regions.add', { code: code.trim(), name: name.trim(), level, parentCode: parentLevel ? parentCode : null });
      notifySuccess(`${added.name}（${added.code}）`, '已新增区划');
      await onAdded();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="新增区划" size="lg">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput label="区划代码" description="6 位行政区划代码" value={code} onChange={(e) => setCode(e.currentTarget.value)} error={shown(problems.code)} maxLength={6} withAsterisk data-autofocus />
            <TextInput label="区划名称" value={name} onChange={(e) => setName(e.currentTarget.value)} error={shown(problems.name)} maxLength={40} withAsterisk />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="级别"
              data={REGION_LEVELS.map((l) => ({ value: l, label: REGION_LEVEL_LABELS[l] }))}
              value={level}
              onChange={(next) => {
                if (!next) return;
                setLevel(next as RegionLevel);
                setParentCode(null);
              }}
              allowDeselect={false}
            />
            <Select
              label="上级区划"
              placeholder={parentLevel ? `选择${REGION_LEVEL_LABELS[parentLevel]}` : '自治区无上级'}
              data={parents}
              value={parentCode}
              onChange={setParentCode}
              disabled={!parentLevel}
              error={shown(problems.parent)}
              searchable
              nothingFoundMessage="没有匹配的区划"
            />
          </Group>
          {error && <Alert color="red">{error}</Alert>}
          <FormActions onCancel={onClose} saving={saving} submitLabel="新增" />
        </Stack>
      </form>
    </Modal>
  );
}
