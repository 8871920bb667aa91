import { Alert, Button, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ACCRUAL_LABELS, ACCRUALS, BASES, followDefaultAccrual, OPERATORS, type Accrual, type Framework } from '../../../../electron/domain/indicators';
import { checkLibraryIndicator, editRefusal, frameworkOf, type LibraryIndicatorDraft, type LibraryIndicatorField } from '../../../../electron/domain/library';
import { hasErrors } from '../../../../electron/domain/validation';
import type { LibraryIndicator, LibraryIndicatorRow, ProjectTypeSummary } from '../../../../electron/library/contract';
import { errorMessage, invoke } from '../../api';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { UnitPicker } from '../../components/UnitPicker';
import { useInvoke } from '../../components/useInvoke';

type Draft = LibraryIndicatorDraft & { proposingUnitCode: string | null };

const blankDraft = (projectTypeCode: string | null, fw: Framework): Draft => ({
  projectTypeCode: projectTypeCode ?? '',
  level1: fw.level1[0]!.name,
  level2: '',
  name: '',
  operator: '',
  referenceValue: '',
  unit: '',
  definition: '',
  basis: BASES[0],
  accrual: 'cumulative',
  proposingUnitCode: null,
});

const draftOf = (indicator: LibraryIndicator): Draft => ({
  projectTypeCode: indicator.projectTypeCode,
  level1: indicator.level1,
  level2: indicator.level2,
  name: indicator.name,
  operator: indicator.operator,
  referenceValue: indicator.referenceValue,
  unit: indicator.unit,
  definition: indicator.definition,
  basis: indicator.basis,
  accrual: indicator.accrual,
  proposingUnitCode: indicator.proposingUnitCode,
});

type FormProps = Omit<Parameters<typeof IndicatorFormModal>[0], 'indicator'>;

/** A row of the search opened: its form once the whole indicator (basis, accrual, version) is read. */
export function OpenedIndicatorModal({ row, ...form }: FormProps & { row: LibraryIndicatorRow }) {
  const opened = useInvoke('library.get', { id: row.id });
  if (opened.data) return <IndicatorFormModal indicator={opened.data} {...form} />;
  return (
    <Modal opened onClose={form.onClose} title={`指标：${row.name}`} size="xl">
      {opened.error ? <Alert color="red" title="无法读取该指标">{opened.error}</Alert> : <Loader aria-label="正在读取指标" />}
    </Modal>
  );
}

/**
 * Adds an indicator (as a draft, or straight to 待确认) or edits one. The rules come from the domain's
 * checkLibraryIndicator while typing, with the level selects from the year's dictionary version.
 */
export function IndicatorFormModal({
  indicator,
  projectTypeCode,
  types,
  preferred,
  onClose,
  onSaved,
}: {
  indicator: LibraryIndicator | null;
  /** The type selected on the page, preset for a new indicator. */
  projectTypeCode: string | null;
  types: readonly ProjectTypeSummary[];
  preferred: Framework;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [draft, setDraft] = useState<Draft>(() => (indicator ? draftOf(indicator) : blankDraft(projectTypeCode, preferred)));
  const [touched, setTouched] = useState<ReadonlySet<LibraryIndicatorField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'draft' | 'propose' | null>(null);

  const fw = indicator ? frameworkOf(indicator.level1, indicator.level2, preferred) : preferred;
  const errors = checkLibraryIndicator(draft, fw);
  const shown = (field: LibraryIndicatorField) => (attempted || touched.has(field) ? errors[field] : undefined);
  const touch = (field: LibraryIndicatorField) => setTouched((current) => new Set(current).add(field));
  const change = <F extends keyof Draft>(field: F, value: Draft[F]) => {
    setDraft((current) => followDefaultAccrual(current, { ...current, [field]: value }));
    if (field !== 'proposingUnitCode') touch(field as LibraryIndicatorField);
  };
  /** The props that bind a text field to the draft, with its rule shown once touched. */
  const textField = (field: 'name' | 'referenceValue' | 'unit' | 'definition') => ({
    value: draft[field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => change(field, e.currentTarget.value),
    onBlur: () => touch(field),
    error: shown(field),
  });
  const level2Options = fw.level1.find((l) => l.name === draft.level1)?.level2 ?? [];
  const qualitative = draft.operator === '定性';
  const readOnly = indicator ? editRefusal(indicator.status) : null;

  async function save(andPropose: boolean) {
    setAttempted(true);
    if (hasErrors(errors)) return;
    setSaving(andPropose ? 'propose' : 'draft');
    setServerError(null);
    try {
      const saved = indicator ? await invoke('library.update', { ...draft, id: indicator.id, version: indicator.version }) : await invoke('library.create', draft);
      if (andPropose) await invoke('library.propose', { id: saved.id, proposingUnitCode: draft.proposingUnitCode });
      notifySuccess(`${saved.name}（${saved.code}）`, andPropose ? '已提交入库申请，等待绩效办确认' : '已保存为草稿');
      await onSaved();
      onClose();
    } catch (error) {
      setServerError(errorMessage(error));
      setSaving(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <Modal opened onClose={onClose} title={indicator ? `${readOnly ? '查看' : '修改'}指标：${indicator.name}` : '新增指标'} size="xl" closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {readOnly && <Alert color="blue">{readOnly}</Alert>}
          {/* A proposal or a retired indicator is shown, not edited: the fieldset disables every field at once. */}
          <fieldset disabled={readOnly !== null} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              {indicator?.status === 'accepted' && (
                <Alert color="yellow">该指标已入库。保存修改后将转为草稿，需重新提交并经绩效办确认入库后，才会在填报绩效目标时作为建议指标出现。</Alert>
              )}
              <SimpleGrid cols={3}>
                <Select
                  label="项目类型"
                  data={types.map((t) => ({ value: t.code, label: `${t.name}（${t.code}）` }))}
                  value={draft.projectTypeCode || null}
                  onChange={(code) => change('projectTypeCode', code ?? '')}
                  error={shown('projectTypeCode')}
                  disabled={indicator !== null}
                  searchable
                  withAsterisk
                  nothingFoundMessage="没有匹配的项目类型"
                />
                <Select
                  label="一级指标"
                  data={fw.level1.map((l) => l.name)}
                  value={draft.level1 || null}
                  onChange={(level1) => {
                    change('level1', level1 ?? '');
                    change('level2', '');
                  }}
                  error={shown('level1')}
                  allowDeselect={false}
                  withAsterisk
                />
                <Select
                  label="二级指标"
                  placeholder="请选择"
                  data={[...level2Options]}
                  value={draft.level2 || null}
                  onChange={(level2) => change('level2', level2 ?? '')}
                  error={shown('level2') ?? shown('level1')}
                  allowDeselect={false}
                  withAsterisk
                />
              </SimpleGrid>
              <TextInput
                label="三级指标"
                description="指标名称，如“新建农村公路里程”"
                {...textField('name')}
                withAsterisk
                data-autofocus
              />
              <SimpleGrid cols={5}>
                <Select
                  label="指标性质"
                  placeholder="请选择"
                  data={[...OPERATORS]}
                  value={draft.operator || null}
                  onChange={(operator) => {
                    change('operator', (operator ?? '') as Draft['operator']);
                    if (operator === '定性') change('unit', '');
                  }}
                  error={shown('operator')}
                  allowDeselect={false}
                  withAsterisk
                />
                <TextInput
                  label="参考值"
                  description={qualitative ? '如：明显改善' : '数字，如 95'}
                  {...textField('referenceValue')}
                  withAsterisk
                />
                <TextInput
                  label="计量单位"
                  description={qualitative ? '定性指标不填' : '如 %、人、公里'}
                  {...textField('unit')}
                  disabled={qualitative}
                />
                <Select
                  label="累计方式"
                  description={qualitative ? '定性指标不适用' : draft.accrual === 'level' ? '与全年值比较' : '按序时进度折算'}
                  data={ACCRUALS.map((a) => ({ value: a, label: ACCRUAL_LABELS[a] }))}
                  value={draft.accrual}
                  onChange={(accrual) => change('accrual', (accrual ?? 'cumulative') as Accrual)}
                  error={shown('accrual')}
                  disabled={qualitative}
                  allowDeselect={false}
                />
                <Select
                  label="设定依据"
                  data={[...BASES]}
                  value={draft.basis}
                  onChange={(basis) => change('basis', basis ?? BASES[0])}
                  error={shown('basis')}
                  allowDeselect={false}
                />
              </SimpleGrid>
              <Textarea
                label="指标解释"
                description="指标的含义和计算口径，如“验收合格的工程数÷完工工程数×100%”"
                {...textField('definition')}
                autosize
                minRows={2}
                maxRows={5}
              />
              <UnitPicker
                label="提出单位"
                description="提出该指标的预算单位，可不选；输入名称或编码查找"
                placeholder="不选"
                value={draft.proposingUnitCode}
                onChange={(code) => change('proposingUnitCode', code)}
                clearable
              />
            </Stack>
          </fieldset>
          {indicator && <IndicatorHistory code={indicator.code} />}
          {serverError && (
            <Alert color="red" title="没有保存">
              {serverError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? '关闭' : '取消'}
            </Button>
            {!readOnly && (
              <>
                <Button type="submit" variant="light" loading={saving === 'draft'} disabled={saving === 'propose'}>
                  保存草稿
                </Button>
                <Button onClick={() => void save(true)} loading={saving === 'propose'} disabled={saving === 'draft'}>
                  保存并提交入库申请
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Who did what to the indicator, with the office's opinions (e.g. why it was returned). */
export function IndicatorHistory({ code }: { code: string }) {
  const history = useInvoke('library.history', { code });
  if (!history.data?.length) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        处理记录
      </Text>
      <Timeline bulletSize={12} lineWidth={2}>
        {history.data.map((entry) => (
          <Timeline.Item key={entry.id} title={<Text size="sm">{entry.action}</Text>}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at)} · {entry.operatorName}
            </Text>
            {entry.opinion && <Text size="sm">意见：{entry.opinion}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
