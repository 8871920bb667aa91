// The parts of 项目支出绩效目标申报表 (88号 annex 1) beside the goals and annual indicators: the funds as
// 财政拨款 / 其他资金 (中期 and 年度), and for a multi-year or continuing project its 中期目标 and 中期绩效指标;
// then 立项依据, 实施进度计划 and the contact. The domain's problems show as the user types.
import { ActionIcon, Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Framework } from '../../../../electron/domain/indicators';
import { formatWanYuan, type Fen } from '../../../../electron/domain/money';
import { splitTotal } from '../../../../electron/domain/targetAnnex';
import { emptyIndicator, type TargetIndicator, type TargetProblem } from '../../../../electron/domain/targets';
import { splitOf, type AnnexState, type SplitTexts } from './annexForm';
import { IndicatorGrid } from './IndicatorGrid';
import { fieldProblems, moneyField, newKey, withKeys } from './targetForm';

const right = { input: { textAlign: 'right' as const } };

function SplitInputs({ label, texts, onChange, error }: { label: string; texts: SplitTexts; onChange: (next: SplitTexts) => void; error?: string }) {
  const split = splitOf(texts);
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label={`${label}：财政拨款（万元）`}
          value={texts.fiscal}
          onChange={(e) => onChange({ ...texts, fiscal: e.currentTarget.value })}
          error={moneyField(texts.fiscal).error}
          styles={right}
          w={200}
        />
        <TextInput
          label={`${label}：其他资金（万元）`}
          value={texts.other}
          onChange={(e) => onChange({ ...texts, other: e.currentTarget.value })}
          error={moneyField(texts.other).error}
          styles={right}
          w={200}
        />
        <Stack gap={2} pt={26}>
          <Text size="sm" aria-label={`${label}合计`}>
            合计 {split ? formatWanYuan(splitTotal(split)) : '—'} 万元
          </Text>
        </Stack>
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** 年度资金总额 split, and 中期资金总额 of a multi-year or continuing project. */
export function AnnexFundsSection({
  state,
  onChange,
  problems,
  annualTotalFen,
  midterm,
}: {
  state: AnnexState;
  onChange: (next: AnnexState) => void;
  problems: readonly TargetProblem[];
  annualTotalFen: Fen;
  midterm: boolean;
}) {
  return (
    <Stack gap="xs" mt="md" aria-label="资金构成">
      <Text size="sm" fw={500}>
        资金构成（年度资金总额 {formatWanYuan(annualTotalFen)} 万元）
      </Text>
      <SplitInputs label="年度资金" texts={state.annualFunds} onChange={(annualFunds) => onChange({ ...state, annualFunds })} error={fieldProblems(problems, 'annualFunds')['']} />
      {midterm && (
        <SplitInputs label="中期资金" texts={state.midtermFunds} onChange={(midtermFunds) => onChange({ ...state, midtermFunds })} error={fieldProblems(problems, 'midtermFunds')['']} />
      )}
    </Stack>
  );
}

/** The 中期 grid's problems, as the indicator grid looks them up. */
const midtermRowProblems = (problems: readonly TargetProblem[]): TargetProblem[] =>
  problems.filter((p) => p.area === 'midtermIndicators').map((p) => ({ ...p, area: 'indicators' as const }));

/** 中期目标 and 中期绩效指标 (multi-year and continuing projects), 立项依据, 实施进度计划, contact. */
export function AnnexDetailsSection({
  state,
  onChange,
  problems,
  frameworkId,
  midterm,
  annualIndicators,
  attempted,
}: {
  state: AnnexState;
  onChange: (next: AnnexState) => void;
  problems: readonly TargetProblem[];
  frameworkId: Framework['id'];
  midterm: boolean;
  /** The year's rows, which 复制年度指标 starts the 中期 grid from. */
  annualIndicators: readonly TargetIndicator[];
  attempted: boolean;
}) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (key: string) => setTouched((now) => (now.has(key) ? now : new Set(now).add(key)));
  const show = (key: string) => attempted || touched.has(key);
  const set = (patch: Partial<AnnexState>) => onChange({ ...state, ...patch });
  const setStep = (index: number, patch: Partial<AnnexState['schedule'][number]>) => {
    set({ schedule: state.schedule.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
    touch(`step-${index}`);
  };
  const contact = fieldProblems(problems, 'contact');

  return (
    <Stack gap="md">
      {midterm && (
        <Stack gap="sm" aria-label="中期目标与指标">
          <Title order={3} size="h5">
            中期目标与中期绩效指标
          </Title>
          <Textarea
            label="中期目标"
            description="项目整个实施期内要达到的产出和效果（跨年度、延续项目）"
            value={state.midtermGoal}
            onChange={(e) => set({ midtermGoal: e.currentTarget.value })}
            error={fieldProblems(problems, 'midtermGoal')['']}
            autosize
            minRows={2}
          />
          <Group justify="space-between">
            <Text fw={500} size="sm">
              中期绩效指标
            </Text>
            <Group gap="xs">
              <Button size="compact-sm" variant="light" disabled={annualIndicators.length === 0} onClick={() => set({ midtermIndicators: [...state.midtermIndicators, ...withKeys(annualIndicators)] })}>
                复制年度指标
              </Button>
              <Button size="compact-sm" variant="light" onClick={() => set({ midtermIndicators: [...state.midtermIndicators, ...withKeys([emptyIndicator(state.midtermIndicators.at(-1)?.level1 ?? '')])] })}>
                添加中期指标
              </Button>
            </Group>
          </Group>
          {state.midtermIndicators.length > 0 ? (
            <IndicatorGrid
              gridLabel="中期绩效指标"
              rows={state.midtermIndicators}
              frameworkId={frameworkId}
              problems={midtermRowProblems(problems)}
              showErrors={show}
              onTouch={touch}
              onChange={(midtermIndicators) => set({ midtermIndicators })}
            />
          ) : (
            <Text size="sm" c="dimmed">
              还没有中期指标。可以“复制年度指标”后把指标值改为整个实施期的目标值。
            </Text>
          )}
        </Stack>
      )}

      <Textarea
        label="立项依据"
        description="政策文件、规划或会议纪要（文号）"
        value={state.projectBasis}
        onChange={(e) => set({ projectBasis: e.currentTarget.value })}
        error={fieldProblems(problems, 'projectBasis')['']}
        autosize
        minRows={2}
      />

      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={500} size="sm">
            实施进度计划
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => set({ schedule: [...state.schedule, { key: newKey(), period: '', work: '' }] })}>
            添加进度
          </Button>
        </Group>
        {state.schedule.length > 0 ? (
          <Table withTableBorder layout="fixed" verticalSpacing={4} aria-label="实施进度计划">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={220}>时间段</Table.Th>
                <Table.Th>工作内容</Table.Th>
                <Table.Th w={44} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.schedule.map((step, index) => {
                const errors = show(`step-${index}`) ? fieldProblems(problems, 'schedule', index) : {};
                return (
                  <Table.Tr key={step.key} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <TextInput aria-label={`第 ${index + 1} 行进度的时间段`} placeholder="如：2020年1—3月" value={step.period} onChange={(e) => setStep(index, { period: e.currentTarget.value })} error={errors.period} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`第 ${index + 1} 行进度的工作内容`} value={step.work} onChange={(e) => setStep(index, { work: e.currentTarget.value })} error={errors.work} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" mt={4} aria-label={`删除第 ${index + 1} 行进度`} onClick={() => set({ schedule: state.schedule.filter((_, i) => i !== index) })}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            按时间段填写项目实施的主要工作，如“2020年3—5月 完成招标”。
          </Text>
        )}
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={620}>
        <TextInput label="联系人" value={state.contactPerson} onChange={(e) => set({ contactPerson: e.currentTarget.value })} onBlur={() => touch('contactPerson')} error={show('contactPerson') ? contact.contactPerson : undefined} />
        <TextInput
          label="联系电话"
          description="11 位手机号码，或带区号的固定电话"
          value={state.contactPhone}
          onChange={(e) => set({ contactPhone: e.currentTarget.value })}
          onBlur={() => touch('contactPhone')}
          error={show('contactPhone') ? contact.contactPhone : undefined}
        />
      </SimpleGrid>
    </Stack>
  );
}
