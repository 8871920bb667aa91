// 绩效自评 (项目支出绩效自评表): a year's tabs — 自评表 (the approved project targets with their
// self-evaluations) and 抽查 (the bureau's spot checks) — and one self-evaluation to fill in and review.
// Routes: #/selfEvaluation[/年度[/tab]], #/selfEvaluation/edit/<id>.
import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, useRoute } from '../../router';
import { SelfEvaluationEditor } from './SelfEvaluationEditor';
import { SelfEvaluationList } from './SelfEvaluationList';
import { SpotCheckTab } from './SpotCheckTab';

export function SelfEvaluationPage() {
  const [, kind, id] = useRoute();
  if (kind === 'edit' && id) return <SelfEvaluationEditor key={id} id={id} />;
  return <SelfEvaluationYear year={yearFromRoute(kind)} tab={id ?? 'tables'} />;
}

function SelfEvaluationYear({ year, tab }: { year: number; tab: string }) {
  return (
    <Stack gap="sm" className={tab === 'tables' ? 'fill-height' : undefined}>
      <PageHeader
        title="绩效自评"
        description="项目支出绩效自评表：对已批复的项目绩效目标逐项填报实际完成值，按规则计算得分、总分和等级，送审后由审核人审核；审核通过的自评表可按比例抽查复核。"
        actions={<YearSelect value={year} onChange={(y) => navigate('selfEvaluation', String(y), tab)} />}
      />
      <Tabs value={tab} onChange={(next) => navigate('selfEvaluation', String(year), next ?? 'tables')} keepMounted={false} className="fill-tabs">
        <Tabs.List className="no-print">
          <Tabs.Tab value="tables">自评表</Tabs.Tab>
          <Tabs.Tab value="spot">抽查</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tables" pt="md" className="fill-panel">
          <SelfEvaluationList year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="spot" pt="md">
          <SpotCheckTab year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
