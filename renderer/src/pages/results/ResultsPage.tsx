// 结果应用 (domain.md §7): a year's grades turned into next year's budget proposals by the bureau's rules —
// generated as a snapshot, printed as the 预算调整建议清单 handed to the budget section and exported to
// Excel — and the budget section's decision on each line, with how far the results were applied.
// Route: #/results[/年度].
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { rolesAllowed } from '../../../../electron/domain/permissions';
import type { ResultsView } from '../../../../electron/results/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton } from '../../components/FileActions';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { yearFromRoute, YearSelect } from '../../components/YearSelect';
import { navigate, routeHref, useRoute } from '../../router';
import { ProposalsTable } from './ProposalsTable';
import { SummaryCards } from './SummaryCards';

const PRINT_PAGE = '@media print { @page { size: A4 landscape; margin: 10mm; } }';

export function ResultsPage() {
  const [, segment] = useRoute();
  const year = yearFromRoute(segment);
  const view = useInvoke('results.view', { year });
  // Generating the list is the performance office's step; the others record the budget section's answers.
  const mayGenerate = useAllowed('review');
  return (
    <Stack gap="sm">
      <style>{PRINT_PAGE}</style>
      <div className="no-print">
        <PageHeader
          title="结果应用"
          description="按评价等级提出下一年度预算安排建议（优先保障、据实保障、核减、取消或暂停；有未整改问题的整改后再安排），收回结转结余，并记录预算科对每条建议的意见。"
          actions={
            <>
              <YearSelect value={year} onChange={(y) => navigate('results', String(y))} />
              {view.data?.list && (
                <>
                  <DownloadButton variant="default" label="导出 Excel" fetchFile={() => invoke('results.export', { year })} />
                  <Button variant="default" onClick={() => window.print()}>
                    打印清单
                  </Button>
                </>
              )}
              {view.data && mayGenerate.allowed && (view.data.list || view.data.gradedProjects > 0) && <GenerateButton view={view.data} onGenerated={view.reload} />}
            </>
          }
        />
      </div>
      {view.error && <Alert color="red" title="无法读取结果应用清单">{view.error}</Alert>}
      {!view.data && !view.error && <Loader aria-label="正在读取" />}
      {view.data && <YearResults view={view.data} onChanged={view.reload} />}
    </Stack>
  );
}

function YearResults({ view, onChanged }: { view: ResultsView; onChanged: () => Promise<void> }) {
  if (!view.list && view.gradedProjects === 0) {
    return (
      <EmptyNotice
        title={`${view.year}年度还没有可应用的评价结果`}
        description="还没有已审核的自评或评价结果：结果应用按审核通过的绩效自评表（以及部门评价、财政评价）的等级提出建议。请先完成绩效自评的填报和审核，再回到这里生成预算调整建议清单。"
      >
        <Button component="a" href={routeHref('selfEvaluation', String(view.year))} variant="default">
          去绩效自评
        </Button>
      </EmptyNotice>
    );
  }
  if (!view.list) {
    return (
      <EmptyNotice
        title="预算调整建议清单还没有生成"
        description={`${view.year}年度已有 ${view.gradedProjects} 个项目有审核通过的等级。由${rolesAllowed('review')}点击“生成建议清单”，按“设置 → 参数设置 → 结果应用”中的规则为每个项目提出下一年度的预算安排建议。`}
      />
    );
  }
  return (
    <Stack gap="sm">
      <div>
        <Text fw={700} size="lg" ta="center">
          {view.year}年度预算调整建议清单
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          共 {view.lines.length} 条建议 · 由 {view.list.generatedByName} 于 {formatDateTime(view.list.generatedAt)} 生成 · 金额单位：万元
        </Text>
      </div>
      <SummaryCards view={view} />
      <ProposalsTable view={view} onChanged={onChanged} />
    </Stack>
  );
}

function GenerateButton({ view, onGenerated }: { view: ResultsView; onGenerated: () => Promise<void> }) {
  const generate = async (replace: boolean) => {
    try {
      const result = await invoke('results.generate', { year: view.year, replace });
      await onGenerated();
      notifySuccess(`共 ${result.lines.length} 条建议`, replace ? '已重新生成建议清单' : '已生成建议清单');
    } catch (error) {
      notifyError(error, '生成建议清单失败');
    }
  };
  const confirmRegeneration = async () => {
    try {
      const preview = await invoke('results.preview', { year: view.year });
      modals.openConfirmModal({
        title: '重新生成建议清单',
        children: (
          <Stack gap="xs">
            <Text size="sm" lh={1.7}>
              按现在的等级、整改情况和设置重新计算。{preview.summary}
            </Text>
            {[...preview.added.map((l) => `新增：${l}`), ...preview.removed.map((l) => `删除：${l}`), ...preview.changed.map((l) => `变化：${l}`)].slice(0, 12).map((line) => (
              <Text key={line} size="sm" c="dimmed">
                {line}
              </Text>
            ))}
          </Stack>
        ),
        labels: { confirm: '重新生成', cancel: '取消' },
        onConfirm: () => void generate(true),
      });
    } catch (error) {
      notifyError(error, '无法比较建议清单');
    }
  };
  return view.list ? (
    <Button variant="default" onClick={() => void confirmRegeneration()}>
      重新生成
    </Button>
  ) : (
    <Button onClick={() => void generate(false)}>生成建议清单</Button>
  );
}
