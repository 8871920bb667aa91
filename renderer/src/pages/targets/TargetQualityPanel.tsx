// 目标质量提示: the warnings of domain/targetQuality.ts, while the unit types and on the reviewer's grade
// form. They never block saving or submitting (a missing 固化指标 also shows among the problems, which do).
import { Alert, List, Text } from '@mantine/core';
import type { QualityWarning } from '../../../../electron/domain/targetQuality';

/** The warnings as a list; `empty` is what to say when there are none (nothing at all when omitted). */
function TargetQualityPanel({ warnings, empty, hint }: { warnings: readonly QualityWarning[]; empty?: string; hint?: string }) {
  if (warnings.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed" role="region" aria-label="目标质量提示">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Alert color="yellow" variant="light" p="xs" role="region" aria-label="目标质量提示" title={`目标质量提示（${warnings.length} 条）`}>
      {hint && (
        <Text size="xs" c="dimmed" mb={4}>
          {hint}
        </Text>
      )}
      <List size="sm" spacing={2}>
        {warnings.map((w, n) => (
          <List.Item key={`${w.check}-${w.row ?? ''}-${n}`}>
            {w.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Under the indicators while the unit types. */
export const EditingWarnings = ({ warnings }: { warnings: readonly QualityWarning[] }) => (
  <TargetQualityPanel warnings={warnings} hint="以下为提示，不影响保存和送审；请对照修改，审核人也会看到这些提示。" />
);

/** On the reviewer's form: the target as submitted, and a word when nothing was found. */
export const ReviewWarnings = ({ warnings }: { warnings: readonly QualityWarning[] }) => <TargetQualityPanel warnings={warnings} empty="未发现目标质量问题。" />;
