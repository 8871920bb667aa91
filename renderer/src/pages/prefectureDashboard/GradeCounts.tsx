// Coloured counts for the county summaries: a count that stands out when above 0, 优/良/中/差 and the
// lights, wrapping inside a narrow cell.
import { Badge, Group, Text } from '@mantine/core';
import { REVIEW_GRADES, type ReviewGrade } from '../../../../electron/domain/targets';

export const GRADE_COLORS: Record<ReviewGrade, string> = { 优: 'green', 良: 'teal', 中: 'yellow.8', 差: 'red' };

/** Coloured "label count" pairs that wrap inside a narrow cell instead of being cut off. */
export function Counts({ items }: { items: readonly { key: string; label: string; n: number; color: string }[] }) {
  return (
    <Group gap={6} style={{ rowGap: 0 }}>
      {items.map(({ key, label, n, color }) => (
        <Text key={key} span size="sm" fw={600} c={n > 0 ? color : 'dimmed'} aria-label={`${label} ${n} 个`} style={{ whiteSpace: 'nowrap' }}>
          {label} {n}
        </Text>
      ))}
    </Group>
  );
}

/** How the county graded its project targets at review. */
export function Grades({ grades, none = '未评级' }: { grades: Record<ReviewGrade, number>; none?: string }) {
  if (REVIEW_GRADES.every((g) => grades[g] === 0)) {
    return (
      <Text span size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return <Counts items={REVIEW_GRADES.map((grade) => ({ key: grade, label: grade, n: grades[grade], color: GRADE_COLORS[grade] }))} />;
}


/** A count as a badge when there is something to count, a dimmed 0 otherwise. */
export const Count = ({ n, color }: { n: number; color: string }) =>
  n > 0 ? (
    <Badge variant="light" color={color}>
      {n}
    </Badge>
  ) : (
    <Text span size="sm" c="dimmed">
      0
    </Text>
  );
