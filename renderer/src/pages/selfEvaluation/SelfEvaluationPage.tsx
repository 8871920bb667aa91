// 绩效自评 (项目支出绩效自评表): a year's tabs — 自评表 (the approved project targets with their
// self-evaluations), 部门整体 (the units' approved department-wide targets with their 部门整体支出绩效自评表),
// 抽查 (the bureau's spot checks) and 自评复核 (tables units filled outside the program) — and one
// self-evaluation of either kind to fill in and review, or one imported table to review.
// Routes: #/selfEvaluation[/年度[/tab]], #/selfEvaluation/edit/<id>, #/selfEvaluation/review[/年度],
// #/selfEvaluation/review/table/<id>.
import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, useRoute } from '../../router';
import { ExternalReviewTab } from './review/ExternalReviewTab';
import { ReviewView } from './review/ReviewView';
import { DepartmentSelfEvaluationList } from './DepartmentSelfEvaluationList';
import { SelfEvaluationEditor } from './SelfEvaluationEditor';
import { SelfEvaluationList } from './SelfEvaluationList';
import { SpotCheckTab } from './SpotCheckTab';

export function SelfEvaluationPage() {
  const [, kind, id, tableId] = useRoute();
  if (kind === 'edit' && id) return <SelfEvaluationEditor key={id} id={id} />;
  if (kind === 'review' && id === 'table' && tableId) return <ReviewView key={tableId} id={tableId} />;
  if (kind === 'review') return <SelfEvaluationYear year={yearFromRoute(id)} tab="review" />;
  return <SelfEvaluationYear year={yearFromRoute(kind)} tab={id ?? 'tables'} />;
}

/** 自评复核 keeps its own address (#/selfEvaluation/review/年度), which its list and links use. */
const showTab = (year: number, tab: string) => (tab === 'review' ? navigate('selfEvaluation', 'review', String(year)) : navigate('selfEvaluation', String(year), tab));

function SelfEvaluationYear({ year, tab }: { year: number; tab: string }) {
  return (
    <Stack gap="sm" className={tab === 'tables' || tab === 'department' ? 'fill-height' : undefined}>
      <PageHeader
        title="绩效自评"
        description="项目支出和部门整体支出绩效自评表：对已批复的绩效目标逐项填报实际完成值，按规则计算得分、总分和等级，送审后由审核人审核；审核通过的自评表可按比例抽查复核。"
        actions={<YearSelect value={year} onChange={(y) => showTab(y, tab)} />}
      />
      <Tabs value={tab} onChange={(next) => showTab(year, next ?? 'tables')} keepMounted={false} className="fill-tabs">
        <Tabs.List className="no-print">
          <Tabs.Tab value="tables">自评表</Tabs.Tab>
          <Tabs.Tab value="department">部门整体</Tabs.Tab>
          <Tabs.Tab value="spot">抽查</Tabs.Tab>
          <Tabs.Tab value="review">自评复核</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tables" pt="md" className="fill-panel">
          <SelfEvaluationList year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="department" pt="md" className="fill-panel">
          <DepartmentSelfEvaluationList year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="spot" pt="md">
          <SpotCheckTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ExternalReviewTab year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
