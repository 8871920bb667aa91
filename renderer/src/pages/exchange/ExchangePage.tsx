// 数据交换: the county reports to its prefecture by file and imports the replies; the prefecture imports
// the counties' reports, reviews them, and answers by file (domain.md §11, exchange.md). A budget unit
// that runs Jixiao reports to its county the same way, and the county reviews it under 下级单位. One page
// whose tabs follow the installation's role.
import { Alert, Badge, Loader, Select, Stack, Tabs } from '@mantine/core';
import { useCallback, useMemo, useState, type ComponentType } from 'react';
import { useSession } from '../../appState';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { navigate, useRoute } from '../../router';
import { DecidedAboveTab } from './DecidedAboveTab';
import { ExchangeContext, type ExchangeView } from './exchangeContext';
import { HistoryTab } from './HistoryTab';
import { IssueTab } from './IssueTab';
import { NoticesFromAboveTab } from './NoticesFromAboveTab';
import { PeersTab } from './PeersTab';
import { isOutstanding } from './packageState';
import { PrefectureImportTab } from './PrefectureImportTab';
import { ReportTab } from './ReportTab';
import { ReturnedTargetsTab } from './ReturnedTargetsTab';
import { ReviewTab } from './ReviewTab';
import { UnitsTab } from './UnitsTab';

interface TabDef {
  value: string;
  label: string;
  page: ComponentType;
  /** The history tab carries the count of packages still waiting for a receipt. */
  badge?: boolean;
}

const UNIT_TABS: TabDef[] = [
  { value: 'report', label: '上报与导入', page: ReportTab },
  { value: 'history', label: '往来记录', page: HistoryTab, badge: true },
  { value: 'returned', label: '退回的目标', page: ReturnedTargetsTab },
  { value: 'decided', label: '上级审核', page: DecidedAboveTab },
];

const COUNTY_TABS: TabDef[] = [...UNIT_TABS, { value: 'notices', label: '上级通知', page: NoticesFromAboveTab }, { value: 'units', label: '下级单位', page: UnitsTab }];

const PREFECTURE_TABS: TabDef[] = [
  { value: 'import', label: '导入上报包', page: PrefectureImportTab },
  { value: 'review', label: '审核与反馈', page: ReviewTab },
  { value: 'issue', label: '下发', page: IssueTab },
  { value: 'history', label: '往来记录', page: HistoryTab, badge: true },
  { value: 'peers', label: '已登记的县', page: PeersTab },
];

const TABS = { county: COUNTY_TABS, prefecture: PREFECTURE_TABS, unit: UNIT_TABS };

const DESCRIPTIONS = {
  county:
    '把本县的绩效目标、监控和整改情况导出为上报包交州财政局；导入州财政局的反馈包（审核意见、指标库更新、监控任务）和回执。自行使用本软件的预算单位的上报包在“下级单位”中导入和审核。',
  unit: '把本单位的绩效目标、监控和整改情况导出为上报包交县财政局；导入县财政局的反馈包（审核意见、指标库更新、监控任务）和回执。',
  prefecture: '导入各县的上报包并出具回执，审核绩效目标（可批量），向各县下发监控轮次和通知，把这些导出为反馈包交回各县；各县情况的汇总见“州级汇总”。',
};

export function ExchangePage() {
  const { installation } = useSession();
  const [, tabRoute] = useRoute();
  const options = useInvoke('exchange.options', {});
  const history = useInvoke('exchange.history', {});
  const [chosenYear, setYear] = useState<number | null>(null);

  const tabs = TABS[installation.role];
  const tab = tabs.find((t) => t.value === tabRoute) ?? tabs[0]!;
  const outstanding = history.data?.filter(isOutstanding).length ?? 0;

  const { reload: reloadHistory } = history;
  const { reload: reloadOptions } = options;
  // A package may bring the first data of a year: the year list and its default follow.
  const [packagesRevision, setPackagesRevision] = useState(0);
  const packagesChanged = useCallback(async () => {
    await Promise.all([reloadHistory(), reloadOptions()]);
    setPackagesRevision((n) => n + 1);
  }, [reloadHistory, reloadOptions]);
  const view = useMemo<ExchangeView | null>(() => {
    if (!options.data) return null;
    return {
      options: options.data,
      year: chosenYear ?? options.data.defaultYear,
      countLabels: { ...options.data.entities, ...options.data.actions, decisions: '审核意见' },
      history: history.data,
      packagesChanged,
      packagesRevision,
    };
  }, [options.data, chosenYear, history.data, packagesChanged, packagesRevision]);

  const yearSelect = view && (
    <Select
      aria-label="年度"
      data={view.options.years.map((y) => ({ value: String(y), label: `${y} 年度` }))}
      value={String(view.year)}
      onChange={(next) => next && setYear(Number(next))}
      allowDeselect={false}
      w={120}
    />
  );

  let body;
  if (options.error) body = <Alert color="red" title="无法打开数据交换">{options.error}</Alert>;
  else if (!view) body = <Loader aria-label="正在读取" />;
  else {
    body = (
      <ExchangeContext.Provider value={view}>
        <Tabs value={tab.value} onChange={(next) => navigate('exchange', next ?? tabs[0]!.value)} keepMounted={false}>
          <Tabs.List className="no-print">
            {tabs.map((t) => (
              <Tabs.Tab
                key={t.value}
                value={t.value}
                rightSection={
                  t.badge && outstanding > 0 ? (
                    <Badge size="sm" color="orange" circle aria-label={`${outstanding} 个待回执`}>
                      {outstanding}
                    </Badge>
                  ) : undefined
                }
              >
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value={tab.value} pt="lg">
            <tab.page />
          </Tabs.Panel>
        </Tabs>
      </ExchangeContext.Provider>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title="数据交换" description={DESCRIPTIONS[installation.role]} actions={yearSelect} />
      {body}
    </Stack>
  );
}
