import { Alert, Button, Group, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { regionLevelForRole, ROLE_LABELS, type InstallationRole } from '../../../../electron/domain/registry';
import { hasErrors } from '../../../../electron/domain/validation';
import { errorMessage, invoke } from '../../api';
import { CenteredCard } from '../../components/CenteredCard';
import { DatabaseMenu } from '../../layout/DatabaseMenu';
import { EMPTY_PASSWORDS, PasswordFields, passwordMismatch, passwordOrNull } from '../../components/PasswordFields';
import { RegionStep, type RegionChoice } from './RegionStep';
import { RoleStep } from './RoleStep';
import { EMPTY_UNIT, UnitFields, unitProblems, type UnitIdentity } from './UnitFields';

type Problems = Partial<Record<'role' | 'prefecture' | 'county' | 'unit' | 'operatorName' | 'password', string>>;

interface Draft {
  role: InstallationRole | null;
  region: RegionChoice;
  /** Role unit only: which budget unit of the county this installation is. */
  unit: UnitIdentity;
  operatorName: string;
  passwords: typeof EMPTY_PASSWORDS;
}

const needsCounty = (role: InstallationRole | null) => role !== null && regionLevelForRole(role) === 'county';

/** What stops the user from leaving a step, in Chinese, per field. */
function problemsOf(step: number, draft: Draft): Problems {
  const problems: Problems = {};
  if (step === 0 && !draft.role) problems.role = '请选择本机的角色';
  if (step === 1) {
    if (!draft.region.prefecture) problems.prefecture = '请选择地州市';
    else if (needsCounty(draft.role) && !draft.region.county) problems.county = '请选择县市区';
    const unit = draft.role === 'unit' ? Object.values(unitProblems(draft.unit)) : [];
    if (unit.length > 0) problems.unit = unit.join('；');
  }
  if (step === 2) {
    if (draft.operatorName.trim() === '') problems.operatorName = '请填写操作员姓名';
    const mismatch = passwordMismatch(draft.passwords);
    if (mismatch) problems.password = mismatch;
  }
  return problems;
}

/** First run: which bureau this installation is, where, and who operates it. */
export function SetupWizard({ onDone }: { onDone: () => Promise<void> }) {
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({ role: null, region: { prefecture: null, county: null }, unit: EMPTY_UNIT, operatorName: '', passwords: EMPTY_PASSWORDS });
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const problems = attempted ? problemsOf(step, draft) : {};
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  async function next(event: FormEvent) {
    event.preventDefault();
    if (hasErrors(problemsOf(step, draft))) {
      setAttempted(true);
      return;
    }
    setAttempted(false);
    if (step < 2) {
      setStep(step + 1);
      return;
    }
    setSubmitting(true);
    setServerError(null);
    try {
      await invoke('setup.init', {
        role: draft.role!,
        regionCode: (needsCounty(draft.role) ? draft.region.county : draft.region.prefecture)!,
        operatorName: draft.operatorName.trim(),
        password: passwordOrNull(draft.passwords),
        unit: draft.role === 'unit' ? { code: draft.unit.code.trim(), name: draft.unit.name.trim(), isDepartment: draft.unit.isDepartment } : null,
      });
      await onDone();
    } catch (error) {
      setServerError(errorMessage(error));
      setSubmitting(false);
    }
  }

  return (
    <CenteredCard subtitle="首次使用：请完成以下三步设置。" width={720}>
      <form onSubmit={next} noValidate>
        <Stack gap="xl">
          <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm">
            <Stepper.Step label="第一步" description="选择角色">
              <RoleStep
                value={draft.role}
                onChange={(role) => update({ role, region: needsCounty(role) ? draft.region : { ...draft.region, county: null } })}
                error={problems.role ?? null}
              />
            </Stepper.Step>
            <Stepper.Step label="第二步" description={draft.role === 'unit' ? '区划与本单位' : '选择区划'}>
              <Stack gap="lg">
                <RegionStep value={draft.region} onChange={(region) => update({ region })} withCounty={needsCounty(draft.role)} errors={problems} />
                {draft.role === 'unit' && <UnitFields value={draft.unit} onChange={(unit) => update({ unit })} showAll={problems.unit !== undefined} />}
              </Stack>
            </Stepper.Step>
            <Stepper.Step label="第三步" description="第一位操作员">
              <Stack gap="md">
                <Text size="sm" c="dimmed">
                  第一位操作员为系统管理员（{draft.role ? ROLE_LABELS[draft.role] : ''}），之后可在“设置 → 操作员”中添加其他人员。
                </Text>
                <TextInput
                  label="操作员姓名"
                  value={draft.operatorName}
                  onChange={(event) => update({ operatorName: event.currentTarget.value })}
                  error={problems.operatorName}
                  maxLength={30}
                  withAsterisk
                  data-autofocus
                />
                <PasswordFields value={draft.passwords} onChange={(passwords) => update({ passwords })} showErrors={attempted} />
              </Stack>
            </Stepper.Step>
          </Stepper>

          {serverError && (
            <Alert color="red" title="设置没有完成">
              {serverError}
            </Alert>
          )}

          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0 || submitting}>
              上一步
            </Button>
            <Button type="submit" loading={submitting}>
              {step < 2 ? '下一步' : '完成设置'}
            </Button>
          </Group>
        </Stack>
      </form>
      <Group justify="space-between" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Text size="sm" c="dimmed">
          要用已有的数据库，或换一个文件？
        </Text>
        <DatabaseMenu onSwitched={onDone} label="切换数据库" />
      </Group>
    </CenteredCard>
  );
}
