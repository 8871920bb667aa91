// 绩效公开 (domain.md §9): pick a year, the table (project or department-wide targets, published with the
// budget; self-evaluation tables, published with the final accounts) and the whole county
// or one unit, see the table exactly as it will be published, export it as Excel, print it (A4
// landscape), and record the publication.
import { Alert, Button, Group, Loader, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { TABLE_LAYOUTS, type DisclosureKind } from '../../../../electron/domain/disclosure';
import type { DisclosureTable } from '../../../../electron/disclosure/contract';
import { invoke } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { IfAllowed } from '../../components/useAllowed';
import { DownloadButton } from '../../components/FileActions';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { UnitPicker } from '../../components/UnitPicker';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { DisclosureHistory } from './DisclosureHistory';
import { TargetTable } from './TargetTable';

/** Select value for 全县; unit codes are the other values. */
const COUNTY = '*';
const PRINT_PAGE = '@media print { @page { size: A4 landscape; margin: 10mm; } }';
const KIND_OPTIONS = [
  { value: 'projectTargets', label: '项目支出绩效目标' },
  { value: 'departmentTargets', label: '部门整体支出绩效目标' },
  { value: 'selfEvaluations', label: '绩效自评表' },
  { value: 'evaluations', label: '绩效评价结果' },
];
/** What one row of each table is, for counts. */
const ROW_NOUN: Record<DisclosureKind, string> = { projectTargets: '项目', departmentTargets: '单位', selfEvaluations: '项目', evaluations: '评价' };

interface Choice {
  year: number;
  scope: string;
  kind: DisclosureKind;
}

const queryOf = (choice: Choice) => ({ year: choice.year, unitCode: choice.scope === COUNTY ? null : choice.scope, kind: choice.kind });
const counted = (table: DisclosureTable) => `${table.count} 个${ROW_NOUN[table.kind]}`;

function confirmPublish(table: DisclosureTable, onPublished: () => Promise<void>) {
  modals.openConfirmModal({
    title: '记录公开',
    children: (
      <Text size="sm" lh={1.7}>
        将记录：{table.title}（{counted(table)}）已于今天公开，记录公开的时间、范围和操作员。请在公开文件已发布（绩效目标随部门预算、绩效自评表随部门决算公开，或在政府网站发布）后再记录。
      </Text>
    ),
    labels: { confirm: '记录公开', cancel: '取消' },
    onConfirm: async () => {
      try {
        await invoke('disclosure.publish', { year: table.year, unitCode: table.unitCode, kind: table.kind });
        await onPublished();
        notifySuccess(`${table.title}，${counted(table)}`, '已记录公开');
      } catch (error) {
        notifyError(error, '记录公开失败');
      }
    },
  });
}

export function DisclosurePage() {
  const years = useInvoke('disclosure.years', {});
  const [chosen, setChosen] = useState<Partial<Choice>>({});

  if (years.error) return <Alert color="red" title="无法读取年度">{years.error}</Alert>;
  if (!years.data) return <Loader aria-label="正在读取" />;
  const year = chosen.year ?? years.data[0];
  if (year === undefined) {
    return (
      <Stack>
        <PageHeader title="绩效公开" />
        <EmptyNotice title="还没有项目" description="绩效目标公开表列出已审核通过的绩效目标。请先在“单位与项目”中登记项目，填报并审核绩效目标后再来公开。">
          <IfAllowed permission="enter">
            <Button component="a" href={routeHref('registry', 'projects')}>
              登记项目
            </Button>
          </IfAllowed>
        </EmptyNotice>
      </Stack>
    );
  }
  const choice: Choice = { year, scope: chosen.scope ?? COUNTY, kind: chosen.kind ?? 'projectTargets' };
  return <DisclosureView choice={choice} onChoice={(change) => setChosen({ ...choice, ...change })} years={years.data} />;
}

interface ViewProps {
  choice: Choice;
  onChoice: (change: Partial<Choice>) => void;
  years: number[];
}

function DisclosureView({ choice, onChoice, years }: ViewProps) {
  const query = queryOf(choice);
  const table = useInvoke('disclosure.table', query);
  const history = useInvoke('disclosure.list', { year: choice.year });
  const [tab, setTab] = useState<string | null>('table');
  const publishable = (table.data?.count ?? 0) > 0;
  const print = () => {
    // Only the table prints: bring its tab forward first, so the snapshot has it.
    flushSync(() => setTab('table'));
    window.print();
  };

  let body;
  if (table.error) body = <Alert color="red" title="无法生成公开表">{table.error}</Alert>;
  else if (!table.data) body = <Loader aria-label="正在生成公开表" />;
  else if (!publishable) {
    const what = KIND_OPTIONS.find((k) => k.value === choice.kind)!.label;
    body = <EmptyNotice title={`没有可公开的${what}`} description={`${table.data.scopeName}${choice.year}年度还没有可公开的${what}。${table.data.exclusionNote}`} />;
  } else body = <TargetTable table={table.data} />;

  return (
    <Stack gap="sm">
      <style>{PRINT_PAGE}</style>
      <div className="no-print">
        <PageHeader
          title="绩效公开"
          description="按标准格式生成公开表：绩效目标随部门预算同步公开，绩效自评表和重点绩效评价结果随部门决算公开；涉密项目和未审核通过的目标、自评表、评价不公开。"
          actions={
            <>
              <DownloadButton label="导出 Excel" fetchFile={() => invoke('disclosure.export', query)} disabled={!publishable} />
              <Button variant="default" onClick={print} disabled={!publishable}>
                打印
              </Button>
              <Button variant="default" onClick={() => table.data && confirmPublish(table.data, history.reload)} disabled={!publishable}>
                记录公开
              </Button>
            </>
          }
        />
      </div>
      <Group gap="sm" className="no-print" align="flex-end">
        <Select label="年度" data={years.map(String)} value={String(choice.year)} onChange={(value) => value && onChoice({ year: Number(value) })} allowDeselect={false} w={110} />
        <Stack gap={2}>
          <Text size="sm" fw={500} id="disclosure-kind">
            公开内容
          </Text>
          <SegmentedControl aria-labelledby="disclosure-kind" data={KIND_OPTIONS} value={choice.kind} onChange={(value) => onChoice({ kind: value as DisclosureKind })} />
        </Stack>
        <UnitPicker
          label="公开范围"
          description="不选即全县；选主管部门时含其下属单位"
          placeholder="全县（含各主管部门分表）"
          value={choice.scope === COUNTY ? null : choice.scope}
          onChange={(code) => onChoice({ scope: code ?? COUNTY })}
          clearable
          w={360}
          nothingFoundMessage="没有该单位"
        />
      </Group>
      {table.data && (
        <Text size="sm" c="dimmed" role="status" className="no-print">
          列入 {counted(table.data)}。{table.data.exclusionNote}
        </Text>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="table">{TABLE_LAYOUTS[choice.kind].title}</Tabs.Tab>
          <Tabs.Tab value="history">公开记录{history.data?.length ? `（${history.data.length}）` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="table" pt="md">
          {body}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <DisclosureHistory year={choice.year} history={history} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
