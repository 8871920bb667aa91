import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { sheetRules, type RoundRuleSettings, type SheetAssessment } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { PageHeader } from '../../components/PageHeader';
import { routeHref } from '../../router';
import { LightBadge } from './LightBadge';

/** The sheet's project and round, and its lights as they stand while the unit types (监控结果). */
export function SheetHeader({ detail, assessment }: { detail: SheetDetail; assessment: SheetAssessment }) {
  return (
    <>
      <Anchor href={routeHref('monitoring', 'round', detail.roundId, 'sheets')} size="sm" className="no-print">
        ← {detail.round.title}
      </Anchor>
      <PageHeader
        title={detail.project.name}
        description={`${detail.project.code} · ${detail.project.unitName} · ${detail.round.title}（截至 ${detail.round.month} 月末，截止 ${detail.round.deadline}）`}
      />

      <MonitoringResult rules={detail.rules} assessment={assessment} />
    </>
  );
}

/** 序时进度, the execution rate and the two lights of a sheet (a project's or a department's) as the unit types. */
export function MonitoringResult({ rules, assessment }: { rules: RoundRuleSettings; assessment: SheetAssessment }) {
  return (
    <Paper withBorder p="md" component="section" aria-label="监控结果">
      <Group gap="xl">
        <Text>
          序时进度 <b>{percent(sheetRules(rules).progress)}%</b>
        </Text>
        <Text>
          预算执行率 <b>{percent(assessment.execution.rate)}%</b>
          {assessment.execution.zeroBudget && (
            <Badge ml={6} color="orange" variant="light">
              预算为 0
            </Badge>
          )}
        </Text>
        <Group gap={6}>
          <Text>预算执行</Text>
          <LightBadge light={assessment.budgetLight} reported={assessment.reported} size="lg" aria-label="预算执行灯" />
        </Group>
        <Group gap={6}>
          <Text>目标实现</Text>
          <LightBadge light={assessment.projectLight} reported={assessment.reported} size="lg" aria-label="目标实现灯" />
        </Group>
      </Group>
      {!assessment.reported && (
        <Text size="sm" c="dimmed" mt={6}>
          尚未填报：填写执行数或指标完成值后显示灯色。
        </Text>
      )}
    </Paper>
  );
}
