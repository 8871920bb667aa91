import { ActionIcon, Alert, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { isMandatoryRow, type MandatoryIndicator } from '../../../../electron/domain/mandatoryIndicators';
import type { Framework } from '../../../../electron/domain/indicators';
import { emptyIndicator, type TargetProblem } from '../../../../electron/domain/targets';
import { IndicatorGrid, type ExtraIndicatorColumns } from './IndicatorGrid';
import { LibraryPickerModal } from './LibraryPickerModal';
import { areaMessages, fieldProblems, withKeys, withoutKeys, type ContentState } from './targetForm';

/**
 * What every target form has: the overall goal, annual goals and indicator rows, with the domain's
 * problems shown inline once a field was touched (or everywhere once the user tried to save or submit).
 */
export function ContentEditor({
  state,
  onChange,
  problems,
  frameworkId,
  attempted,
  projectTypeCode,
  goalHint = '项目实施要达到的总体产出和效果',
  mandatory = [],
  notes,
  indicatorColumns,
}: {
  state: ContentState;
  onChange: (next: ContentState) => void;
  problems: readonly TargetProblem[];
  frameworkId: Framework['id'];
  attempted: boolean;
  /** The project's type, where 从指标库添加 starts. */
  projectTypeCode: string | null;
  /** What the overall goal is about, shown under its label. */
  goalHint?: string;
  /** The project's 固化指标, shown locked in the grid. */
  mandatory?: readonly MandatoryIndicator[];
  /** Shown under the indicators, e.g. the 目标质量提示. */
  notes?: ReactNode;
  /** Columns a form adds to the indicator rows (the project target's 88号 annex columns). */
  indicatorColumns?: ExtraIndicatorColumns;
}) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [picking, setPicking] = useState(false);
  const touch = (key: string) => setTouched((now) => (now.has(key) ? now : new Set(now).add(key)));
  const show = (key: string) => attempted || touched.has(key);
  const set = (patch: Partial<ContentState>) => onChange({ ...state, ...patch });

  const overall = show('overallGoal') ? fieldProblems(problems, 'overallGoal')[''] : undefined;
  const indicatorMessages = attempted || state.indicators.some((i) => touched.has(i.key)) ? areaMessages(problems, ['indicators', 'weights']) : [];
  const firstLevel1 = state.indicators.at(-1)?.level1 ?? '';

  return (
    <Stack gap="md">
      <Textarea
        label="总体目标"
        description={goalHint}
        value={state.overallGoal}
        onChange={(e) => {
          set({ overallGoal: e.currentTarget.value });
          touch('overallGoal');
        }}
        onBlur={() => touch('overallGoal')}
        error={overall}
        autosize
        minRows={2}
        withAsterisk
      />

      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={500} size="sm">
            年度目标
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => set({ annualGoals: [...state.annualGoals, ''] })}>
            添加年度目标
          </Button>
        </Group>
        {state.annualGoals.length === 0 && (
          <Text size="sm" c="dimmed">
            可按年度分解总体目标，逐项填写。
          </Text>
        )}
        {state.annualGoals.map((goal, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" w={60} pt={6}>
              目标 {index + 1}
            </Text>
            <Textarea
              aria-label={`年度目标 ${index + 1}`}
              value={goal}
              onChange={(e) => {
                const annualGoals = [...state.annualGoals];
                annualGoals[index] = e.currentTarget.value;
                set({ annualGoals });
                touch(`goal-${index}`);
              }}
              error={show(`goal-${index}`) ? fieldProblems(problems, 'annualGoals', index)[''] : undefined}
              autosize
              minRows={1}
              style={{ flex: 1 }}
            />
            <ActionIcon variant="subtle" color="red" mt={4} aria-label={`删除年度目标 ${index + 1}`} onClick={() => set({ annualGoals: state.annualGoals.filter((_, i) => i !== index) })}>
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>

      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            绩效指标
          </Title>
          <Group gap="xs" className="no-print">
            <Button size="compact-sm" variant="light" onClick={() => setPicking(true)}>
              从指标库添加
            </Button>
            <Button size="compact-sm" variant="light" onClick={() => set({ indicators: [...state.indicators, ...withKeys([emptyIndicator(firstLevel1)])] })}>
              添加指标
            </Button>
          </Group>
        </Group>
        {indicatorMessages.length > 0 && (
          <Alert color="red" variant="light" p="xs" role="alert" aria-label="指标问题">
            <List size="sm" spacing={2}>
              {indicatorMessages.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {state.indicators.length > 0 ? (
          <IndicatorGrid
            rows={state.indicators}
            frameworkId={frameworkId}
            problems={problems}
            showErrors={show}
            onTouch={touch}
            onChange={(indicators) => set({ indicators })}
            isLocked={(row) => isMandatoryRow(row, mandatory)}
            extraColumns={indicatorColumns}
          />
        ) : (
          <Text size="sm" c="dimmed">
            还没有指标。可以“从指标库添加”该项目类型的建议指标，也可以逐个添加。每个项目至少需要一个产出指标和一个效益指标。
          </Text>
        )}
        {notes}
      </Stack>

      {picking && (
        <LibraryPickerModal
          initialTypeCode={projectTypeCode}
          current={withoutKeys(state.indicators)}
          onClose={() => setPicking(false)}
          onAdd={(rows) => set({ indicators: [...state.indicators, ...withKeys(rows)] })}
        />
      )}
    </Stack>
  );
}
