// 州级汇总: the prefecture's page over its counties for a year, from what their packages brought — charts
// per county, the trend of a chosen measure over the years, and the tables — in one call for the year and
// one for the trend. Exported to Excel (with the trend of every measure), printed on A4 landscape, and the
// year's 汇总表 for the 自治区 made from here.
import { Alert, Button, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { DownloadButton } from '../../components/FileActions';
import { PageHeader } from '../../components/PageHeader';
import { useInvoke } from '../../components/useInvoke';
import { CountyCharts } from './CountyCharts';
import { CountyOutcomes } from './CountyOutcomes';
import { CountyTable } from './CountyTable';
import { TrendChart } from './TrendChart';
import classes from './dashboard.module.css';

// Charts and tables are wide: on paper the page turns sideways and the navigation stays off it.
const PRINT_PAGE = '@media print { @page { size: A4 landscape; margin: 10mm; } }';

export function PrefectureDashboardPage() {
  const { installation } = useSession();
  const [chosenYear, setYear] = useState<number | null>(null);
  const dashboard = useInvoke('exchange.dashboard', chosenYear === null ? {} : { year: chosenYear });
  const data = dashboard.data;
  const year = data?.year;

  const actions = data && year !== undefined && (
    <>
      <Select
        aria-label="年度"
        data={data.years.map((y) => ({ value: String(y), label: `${y} 年度` }))}
        value={String(year)}
        onChange={(next) => next && setYear(Number(next))}
        allowDeselect={false}
        w={120}
      />
      <DownloadButton label="导出 Excel" fetchFile={() => invoke('exchange.dashboardExport', { year })} variant="default" />
      <DownloadButton label="导出报自治区汇总表" fetchFile={() => invoke('prefecture.summaryExport', { year })} variant="default" />
      <Button variant="default" onClick={() => window.print()}>
        打印
      </Button>
    </>
  );

  let body;
  if (dashboard.error) body = <Alert color="red" title="无法生成汇总">{dashboard.error}</Alert>;
  else if (!data || year === undefined) body = <Loader aria-label="正在汇总" />;
  else {
    const reported = data.counties.filter((r) => r.packagesReceived > 0).length;
    body = (
      <Stack gap="lg">
        <Text size="sm" c="dimmed" role="status">
          所辖 {data.counties.length} 个县市，{reported} 个已交来 {year} 年度数据包。
        </Text>
        {reported === 0 ? (
          <Alert color="blue" title={`还没有收到 ${year} 年度的上报包`}>
            各县在其“数据交换”页导出上报包后，把文件交到州财政局，在“数据交换 → 导入上报包”中导入，即汇总到这里并画出图表。
          </Alert>
        ) : (
          <CountyCharts rows={data.counties} />
        )}
        <TrendChart year={year} />
        <Stack gap="lg" className={classes.tables}>
          <CountyTable rows={data.counties} year={year} />
          <CountyOutcomes rows={data.counties} year={year} />
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <style>{PRINT_PAGE}</style>
      <PageHeader
        title="州级汇总"
        description={`${installation.region.name}${year === undefined ? '' : ` ${year} 年度`}：各县市上报的绩效目标、监控、自评、评价、结果应用、整改和衔接资金情况。`}
        actions={actions}
      />
      {body}
    </Stack>
  );
}
