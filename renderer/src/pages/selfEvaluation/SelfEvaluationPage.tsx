// 绩效自评. For now one tab: 自评复核, the review of tables units filled outside the program.
// Routes: #/selfEvaluation[/review[/年度]], #/selfEvaluation/review/table/<id>.
import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ExternalReviewTab } from './review/ExternalReviewTab';

export function SelfEvaluationPage() {
  return (
    <Stack>
      <PageHeader title="绩效自评" />
      <Tabs value="review">
        <Tabs.List className="no-print">
          <Tabs.Tab value="review">自评复核</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="review" pt="md">
          <ExternalReviewTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
