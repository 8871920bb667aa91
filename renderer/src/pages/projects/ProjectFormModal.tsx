import { ActionIcon, Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatWanYuan } from '../../../../electron/domain/money';
import { departmentOf, FUND_SOURCES, fundTotals, PROJECT_ATTRIBUTES, PROJECT_CATEGORIES, type ProjectField, type UnitRef } from '../../../../electron/domain/projects';
import type { Project, ProjectForEditing } from '../../../../electron/projects/contract';
import type { UnitChoice } from '../../../../electron/registry/contract';
import type { ProjectTypeOption } from '../../../../electron/targets/contract';
import { ApiError, errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { UnitPicker, unitLabel } from '../../components/UnitPicker';
import { emptyFund, hasFormErrors, projectFormErrors, projectFormOf, readFunds, toProjectInput, type FundText, type ProjectFormState } from './projectForm';
import { FormActions } from '../../components/FormActions';
import { useUnsavedWork } from '../../components/unsavedWork';

/**
 * Creates a project of `year` (`project` null) or edits one, funds included. Rules come from the domain
 * while typing; what only the service knows (a code already used, a concurrent edit) comes back from it.
 */
export function ProjectFormModal({
  project,
  year,
  types,
  onClose,
  onSaved,
}: {
  project: ProjectForEditing | null;
  year: number;
  types: readonly ProjectTypeOption[];
  onClose: () => void;
  onSaved: (project: Project) => Promise<void> | void;
}) {
  const [initial] = useState<ProjectFormState>(() => projectFormOf(project));
  const [state, setState] = useState<ProjectFormState>(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  // The implementing unit as the register has it: the project's own at first, then the one picked.
  const [unit, setUnit] = useState<UnitChoice | null>(project?.unit ?? null);
  const errors = projectFormErrors(state, unitsKnown(unit));
  // Messages show from the first 保存 on (then live): a message appearing on blur moved the buttons away
  // from under the cursor and swallowed the click.
  const shown = (field: ProjectField) => (attempted ? errors.fields[field] : undefined);
  const change = <F extends keyof ProjectFormState>(field: F, value: ProjectFormState[F]) => setState((current) => ({ ...current, [field]: value }));
  const work = useUnsavedWork({ dirty: JSON.stringify(state) !== JSON.stringify(initial), save });
  const close = async () => (await work.confirmLeave()) && onClose();

  function chooseUnit(code: string | null, chosen: UnitChoice | null) {
    setUnit(chosen);
    setState((current) => ({ ...current, unitCode: code ?? '', departmentCode: chosen ? departmentOf(chosen) : '' }));
  }

  const setFund = (index: number, patch: Partial<FundText>) =>
    setState((current) => ({ ...current, funds: current.funds.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));
  const usedSources = new Set(state.funds.map((f) => f.source));
  const nextSource = FUND_SOURCES.find((s) => !usedSources.has(s));
  const totals = fundTotals(readFunds(state.funds).funds);

  /** Resolves true when the project was saved (the dialog then closes). */
  async function save(): Promise<boolean> {
    setAttempted(true);
    if (hasFormErrors(errors)) return false;
    setSaving(true);
    setServerError(null);
    try {
      const input = toProjectInput(state, year);
      const saved = project ? await invoke('projects.update', { ...input, id: project.id, version: project.version }) : await invoke('projects.create', input);
      notifySuccess(`${saved.name}（${saved.code}）`, project ? '已保存项目' : '已新增项目');
      await onSaved(saved);
      onClose();
      return true;
    } catch (error) {
      setServerError(error instanceof ApiError ? error : new ApiError('INTERNAL', errorMessage(error)));
      setSaving(false);
      return false;
    }
  }

  const department = unit ? departmentNamed(unit) : null;
  const typeOptions = types.map((t) => ({ value: t.code, label: `${t.name}（${t.sector}）` }));

  return (
    <Modal opened onClose={close} title={project ? `修改项目：${project.name}` : `新增 ${year} 年项目`} size="xl">
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput
              label="项目编码"
              description="预算系统中的项目编码，是与预算系统对接的关键"
              value={state.code}
              onChange={(e) => change('code', e.currentTarget.value)}
              error={shown('code')}
              withAsterisk
              data-autofocus
            />
            <TextInput
              label="项目名称"
              description="与预算批复一致"
              value={state.name}
              onChange={(e) => change('name', e.currentTarget.value)}
              error={shown('name')}
              withAsterisk
            />
            <UnitPicker
              label="实施单位"
              placeholder="输入编码或名称查找"
              value={state.unitCode || null}
              onChange={chooseUnit}
              error={shown('unitCode')}
              activeOnly
              withAsterisk
            />
            <TextInput
              label="主管部门"
              description="按实施单位自动填入"
              value={department?.code === state.departmentCode ? unitLabel(department) : state.departmentCode}
              error={shown('departmentCode')}
              readOnly
              variant="filled"
            />
            <Select label="项目类别" data={[...PROJECT_CATEGORIES]} value={state.category} onChange={(v) => v && change('category', v as ProjectFormState['category'])} allowDeselect={false} />
            <Select label="项目属性" data={[...PROJECT_ATTRIBUTES]} value={state.attribute} onChange={(v) => v && change('attribute', v as ProjectFormState['attribute'])} allowDeselect={false} />
            <Select
              label="项目类型（指标库）"
              description="选定后，填报绩效目标时自动带出该类型的建议指标"
              placeholder={types.length ? '不选' : '指标库中还没有项目类型'}
              data={typeOptions}
              value={state.projectTypeCode}
              onChange={(code) => change('projectTypeCode', code)}
              searchable
              clearable
              nothingFoundMessage="没有匹配的项目类型"
            />
            <TextInput label="项目负责人" value={state.personInCharge} onChange={(e) => change('personInCharge', e.currentTarget.value)} error={shown('personInCharge')} />
            <TextInput label="开始日期" placeholder="如 2020-03-01" value={state.startDate ?? ''} onChange={(e) => change('startDate', e.currentTarget.value || null)} error={shown('startDate')} />
            <TextInput label="结束日期" placeholder="如 2020-11-30" value={state.endDate ?? ''} onChange={(e) => change('endDate', e.currentTarget.value || null)} error={shown('endDate')} />
          </SimpleGrid>
          <Group gap="xl">
            <Switch label="重点项目" description="须至少设一个满意度指标" checked={state.keyProject} onChange={(e) => change('keyProject', e.currentTarget.checked)} />
            <Switch label="衔接资金（扶贫）" description="衔接推进乡村振兴补助资金" checked={state.povertyFund} onChange={(e) => change('povertyFund', e.currentTarget.checked)} />
            <Switch label="涉密" description="涉密项目不公开" checked={state.confidential} onChange={(e) => change('confidential', e.currentTarget.checked)} />
          </Group>

          <Stack gap={6}>
            <Group justify="space-between">
              <Title order={3} size="h5">
                资金来源（万元）
              </Title>
              <Button size="compact-sm" variant="light" disabled={!nextSource} onClick={() => setState((s) => ({ ...s, funds: [...s.funds, emptyFund(nextSource)] }))}>
                添加资金来源
              </Button>
            </Group>
            <Table withTableBorder verticalSpacing={6} aria-label="资金来源">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={190}>资金来源</Table.Th>
                  <Table.Th>年初预算</Table.Th>
                  <Table.Th>追加</Table.Th>
                  <Table.Th>调减</Table.Th>
                  <Table.Th ta="right" w={130}>
                    调整后预算
                  </Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.funds.map((fund, index) => {
                  const fundErrors = attempted ? (errors.funds[index] ?? {}) : {};
                  const parsed = readFunds([fund]).funds[0]!;
                  const amount = (field: 'initial' | 'addition' | 'cut', label: string) => (
                    <TextInput
                      aria-label={`${fund.source || `第 ${index + 1} 行`}${label}`}
                      value={fund[field]}
                      onChange={(e) => setFund(index, { [field]: e.currentTarget.value })}
                      error={fundErrors[field]}
                      placeholder="0"
                      styles={{ input: { textAlign: 'right' } }}
                    />
                  );
                  return (
                    <Table.Tr key={index}>
                      <Table.Td>
                        <Select
                          aria-label={`第 ${index + 1} 行资金来源`}
                          data={FUND_SOURCES.map((s) => ({ value: s, label: s, disabled: s !== fund.source && usedSources.has(s) }))}
                          value={fund.source || null}
                          onChange={(source) => source && setFund(index, { source: source as FundText['source'] })}
                          allowDeselect={false}
                          error={fundErrors.source}
                        />
                      </Table.Td>
                      <Table.Td>{amount('initial', '年初预算')}</Table.Td>
                      <Table.Td>{amount('addition', '追加')}</Table.Td>
                      <Table.Td>{amount('cut', '调减')}</Table.Td>
                      <Table.Td ta="right">{formatWanYuan(parsed.initialFen + parsed.additionFen - parsed.cutFen)}</Table.Td>
                      <Table.Td>
                        <ActionIcon variant="subtle" color="gray" aria-label={`删除第 ${index + 1} 行资金来源`} onClick={() => setState((s) => ({ ...s, funds: s.funds.filter((_, i) => i !== index) }))}>
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>合计</Table.Th>
                  <Table.Th ta="right">{formatWanYuan(totals.initialFen)}</Table.Th>
                  <Table.Th ta="right">{formatWanYuan(totals.additionFen)}</Table.Th>
                  <Table.Th ta="right">{formatWanYuan(totals.cutFen)}</Table.Th>
                  <Table.Th ta="right">{formatWanYuan(totals.adjustedFen)}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
            {state.funds.length === 0 && (
              <Text size="sm" c="dimmed">
                还没有资金来源。绩效目标送审前需要填写项目资金。
              </Text>
            )}
          </Stack>

          {serverError && (
            <Alert color="red" title={serverError.code === 'CONFLICT' && project ? '保存冲突' : '没有保存'}>
              {serverError.message}
            </Alert>
          )}
          <FormActions onCancel={close} saving={saving} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The project rules look units up by code: the form knows the implementing unit and its department. */
function unitsKnown(unit: UnitChoice | null): (code: string) => UnitRef | undefined {
  const department = unit ? departmentNamed(unit) : null;
  return (code) => (code === unit?.code ? unit : code === department?.code ? department : undefined);
}

/** The unit's 主管部门 as a unit of the register: itself for a department, else the one it reports to. */
function departmentNamed(unit: UnitChoice): UnitRef | null {
  if (unit.isDepartment) return unit;
  if (!unit.departmentCode || unit.departmentName === null) return null;
  return { code: unit.departmentCode, name: unit.departmentName, departmentCode: null, isDepartment: true, active: true };
}
