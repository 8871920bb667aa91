// 绩效评价 (部门评价 / 财政评价): a year's tabs — 评价 (the evaluations, each scored on a template version)
// and 评价模板 (the templates by version) — and one evaluation to score and review.
// Routes: #/evaluation[/年度[/tab]], #/evaluation/edit/<id>.
import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, useRoute } from '../../router';
import { EvaluationEditor } from './EvaluationEditor';
import { EvaluationList } from './EvaluationList';
import { TemplatesTab } from './TemplatesTab';

export function EvaluationPage() {
  const [, segment, id] = useRoute();
  if (segment === 'edit' && id) return <EvaluationEditor key={id} id={id} />;
  return <EvaluationYear year={yearFromRoute(segment)} tab={id ?? 'evaluations'} />;
}

const showTab = (year: number, tab: string) => navigate('evaluation', String(year), tab);

function EvaluationYear({ year, tab }: { year: number; tab: string }) {
  return (
    <Stack gap="sm">
      <PageHeader
        title="绩效评价"
        description="部门评价和财政评价：按评价模板的指标体系逐项打分，记录评价方法、评价标准、评价人员和发现的问题，形成总分和等级，送审后由另一位审核人审核。单位自评见“绩效自评”。"
        actions={<YearSelect value={year} onChange={(y) => showTab(y, tab)} />}
      />
      <Tabs value={tab} onChange={(next) => showTab(year, next ?? 'evaluations')} keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="evaluations">评价</Tabs.Tab>
          <Tabs.Tab value="templates">评价模板</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="evaluations" pt="md">
          <EvaluationList year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
