import { Badge, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { displayTarget } from '../../../../electron/domain/indicators';
import { INDICATOR_FLAG_LABELS, scoreText, TIER_LABELS, TIERS, type AssessedIndicator, type FormAssessment, type IndicatorEntryField, type IndicatorFlag, type Tier } from '../../../../electron/domain/selfEvaluation';
import type { SelfEvaluationDetail } from '../../../../electron/selfEvaluation/contract';
import { Locked } from '../monitoring/Locked';
import type { IndicatorForm, SelfEvaluationFormState } from './selfEvaluationForm';

/** What shows under a field: a refusal as soon as it is typed, a missing entry once a submission was tried. */
const messageOf = (row: AssessedIndicator, field: IndicatorEntryField, attempted: boolean) => row.errors[field] ?? (attempted ? row.missing[field] : undefined) ?? null;

/** The evaluator may deduct where the rules flag a row for judgement; never automatically (domain.md §6). */
const DEDUCTION_FLAGS: readonly IndicatorFlag[] = ['overAchievement', 'equalsBound'];

const TIER_DATA = TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }));

function EntryCell({
  label,
  value,
  error,
  canEdit,
  onChange,
  multiline,
  placeholder,
}: {
  label: string;
  value: string;
  error: string | null;
  canEdit: boolean;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
}) {
  if (!canEdit) return <Locked label={label} text={value} multiline={multiline} />;
  const props = { size: 'xs' as const, 'aria-label': label, value, error, placeholder, onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value) };
  return multiline ? <Textarea {...props} autosize minRows={1} /> : <TextInput {...props} />;
}

/** The approved indicators with 年度指标值, 实际完成值, 分值, 得分 and 偏差原因分析及改进措施. */
export function IndicatorsSection({
  detail,
  form,
  assessment,
  canEdit,
  attempted,
  onIndicator,
}: {
  detail: SelfEvaluationDetail;
  form: Pick<SelfEvaluationFormState, 'indicators'>;
  assessment: Pick<FormAssessment, 'indicators'>;
  canEdit: boolean;
  attempted: boolean;
  onIndicator: (row: number, patch: Partial<IndicatorForm>) => void;
}) {
  return (
    <Stack gap={6}>
      <Title order={2} size="h4">
        绩效指标
      </Title>
      <Table withTableBorder withColumnBorders aria-label="绩效指标" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>一级指标</Table.Th>
            <Table.Th w={90}>二级指标</Table.Th>
            <Table.Th>三级指标</Table.Th>
            <Table.Th w={110}>年度指标值</Table.Th>
            <Table.Th w={200}>实际完成值</Table.Th>
            <Table.Th w={50} ta="right">分值</Table.Th>
            <Table.Th w={150}>得分</Table.Th>
            <Table.Th w={240}>偏差原因分析及改进措施</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.indicators.map((approved, n) => {
            const entry = form.indicators[n]!;
            const scored = assessment.indicators[n]!;
            const at = `第 ${n + 1} 个指标`;
            const qualitative = approved.operator === '定性';
            const set = (patch: Partial<IndicatorForm>) => onIndicator(n, patch);
            const flags = scored.flags.filter((f) => f !== 'deviationReasonRequired');
            return (
              <Table.Tr key={approved.id}>
                <Table.Td>{approved.level1}</Table.Td>
                <Table.Td>{approved.level2}</Table.Td>
                <Table.Td>
                  {approved.name}
                  {flags.map((f) => (
                    <Badge key={f} color="orange" variant="light" size="xs" display="block" mt={4} title={INDICATOR_FLAG_LABELS[f]} style={{ whiteSpace: 'normal', height: 'auto' }}>
                      {INDICATOR_FLAG_LABELS[f]}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{displayTarget({ operator: approved.operator as never, value: approved.targetValue, unit: approved.unit })}</Table.Td>
                <Table.Td>
                  {qualitative ? (
                    <Stack gap={4}>
                      {canEdit ? (
                        <Select
                          size="xs"
                          aria-label={`${at}完成档次`}
                          placeholder="选择完成档次"
                          data={TIER_DATA}
                          value={entry.tier}
                          onChange={(v) => set({ tier: v as Tier | null })}
                          error={messageOf(scored, 'tier', attempted)}
                        />
                      ) : (
                        <Locked label={`${at}完成档次`} text={entry.tier ? TIER_LABELS[entry.tier] : ''} />
                      )}
                      {(canEdit || entry.actual.trim() !== '') && (
                        <EntryCell label={`${at}完成情况`} value={entry.actual} error={null} canEdit={canEdit} onChange={(actual) => set({ actual })} placeholder="完成情况说明（可选）" />
                      )}
                    </Stack>
                  ) : (
                    <EntryCell label={`${at}实际完成值`} value={entry.actual} error={messageOf(scored, 'actual', attempted)} canEdit={canEdit} onChange={(actual) => set({ actual })} />
                  )}
                </Table.Td>
                <Table.Td ta="right">{approved.weight || '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {qualitative ? (
                      <EntryCell label={`${at}得分`} value={entry.score} error={messageOf(scored, 'score', attempted)} canEdit={canEdit} onChange={(score) => set({ score })} />
                    ) : (
                      <Text size="sm" fw={600} aria-label={`${at}得分`}>
                        {scoreText(scored.score)}
                      </Text>
                    )}
                    {(entry.deduction.trim() !== '' || (canEdit && scored.flags.some((f) => DEDUCTION_FLAGS.includes(f)))) && (
                      <EntryCell label={`${at}扣分`} value={entry.deduction} error={messageOf(scored, 'deduction', attempted)} canEdit={canEdit} onChange={(deduction) => set({ deduction })} placeholder="扣分（可选）" />
                    )}
                    {entry.deduction.trim() !== '' && (
                      <EntryCell label={`${at}扣分原因`} value={entry.deductionReason} error={messageOf(scored, 'deductionReason', attempted)} canEdit={canEdit} onChange={(deductionReason) => set({ deductionReason })} placeholder="扣分原因" />
                    )}
                    {qualitative && scored.score && entry.deduction.trim() !== '' && <Text size="xs" c="dimmed">扣分后 {scoreText(scored.score)}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <EntryCell
                    label={`${at}偏差原因分析及改进措施`}
                    value={entry.deviationReason}
                    error={messageOf(scored, 'deviationReason', attempted)}
                    canEdit={canEdit}
                    onChange={(deviationReason) => set({ deviationReason })}
                    multiline
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Text size="xs" c="dimmed">
          定量指标按规则自动计分；定性指标先选完成档次，再在该档次的分数范围内打分（达成年度指标 80%–100%，部分达成 60%–80%，未达成 60% 以下）。超额完成只提示，是否扣分由评价人决定，扣分须说明原因。
        </Text>
      )}
    </Stack>
  );
}
