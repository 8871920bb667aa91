import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { beneficiaryProblems, FUND_CATEGORIES, type Beneficiaries, type FundCategory } from '../../../../electron/domain/funds';
import type { FundProjectDetails } from '../../../../electron/funds/contract';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { useAllowed } from '../../components/useAllowed';

const FIELDS: [keyof Beneficiaries, string][] = [
  ['households', '受益户数'],
  ['people', '受益人数'],
  ['povertyHouseholds', '其中脱贫户（户）'],
  ['povertyPeople', '其中脱贫户（人）'],
  ['monitoredHouseholds', '其中监测户（户）'],
  ['monitoredPeople', '其中监测户（人）'],
];

/** Counts as typed: a blank is 0, anything not a whole number stays NaN for the domain check to name. */
const countOf = (text: string) => (text.trim() === '' ? 0 : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export function DetailsForm({ details, onSaved }: { details: FundProjectDetails; onSaved: () => Promise<void> }) {
  const [category, setCategory] = useState<FundCategory | null>(details.category);
  const [counts, setCounts] = useState<Record<keyof Beneficiaries, string>>(() => Object.fromEntries(FIELDS.map(([k]) => [k, String(details[k])])) as Record<keyof Beneficiaries, string>);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const entering = useAllowed('enter');
  const beneficiaries = Object.fromEntries(FIELDS.map(([k]) => [k, countOf(counts[k])])) as unknown as Beneficiaries;
  const problems = beneficiaryProblems(beneficiaries);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setServerError(null);
    try {
      await invoke('funds.saveDetails', { projectId: details.projectId, version: details.version, category, ...beneficiaries });
      notifySuccess('类别与受益对象已保存');
      await onSaved();
    } catch (error) {
      setServerError(errorMessage(error));
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="类别与受益对象">
      <Stack gap="xs">
        <Select label="项目类别" description="“产业”类计入产业项目资金占比" data={[...FUND_CATEGORIES]} value={category} onChange={(v) => setCategory(v as FundCategory | null)} placeholder="请选择" disabled={!entering.allowed} />
        <SimpleGrid cols={2}>
          {FIELDS.map(([key, label]) => (
            <TextInput key={key} label={label} value={counts[key]} onChange={(e) => {
                const value = e.currentTarget.value;
                setCounts((c) => ({ ...c, [key]: value }));
              }} error={problems[key]} disabled={!entering.allowed} />
          ))}
        </SimpleGrid>
        {serverError && <Alert color="red">{serverError}</Alert>}
        {entering.allowed && (
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              保存类别与受益对象
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
