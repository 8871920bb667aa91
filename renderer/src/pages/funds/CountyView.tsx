// The county's 衔接资金 for a year: allocated vs paid by document and level, the industry share against
// the policy aim with its verdict, projects behind the time progress, and projects whose targets are not
// set or whose self-evaluations are missing. Exported to Excel and printed as it shows.
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { INDUSTRY_VERDICT_LABELS } from '../../../../electron/domain/funds';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { FundDocument, FundFigures, FundProjectRow, FundsOverview } from '../../../../electron/funds/contract';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { EmptyNotice } from '../../components/EmptyNotice';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../components/FileActions';
import { PageHeader } from '../../components/PageHeader';
import { IfAllowed } from '../../components/useAllowed';
import { useInvoke } from '../../components/useInvoke';
import { YearSelect } from '../../components/YearSelect';
import { navigate, routeHref } from '../../router';
import { confirmDelete } from './confirmDelete';
import { DocumentModal } from './DocumentModal';
import { SpendingChart } from './SpendingChart';
import { StageBadge } from './StageBadge';
import { useFundsImport } from './useFundsImport';

const wan = (fen: number) => formatWanYuan(fen);
// The printed sheet is titled with the county and the year, as a page handed over on paper must be.
const PRINT_PAGE = '.funds-print-title { display: none; } @media print { @page { size: A4 landscape; margin: 10mm; } .funds-print-title { display: block; } }';

export function CountyView({ year }: { year: number }) {
  const overview = useInvoke('funds.overview', { year });
  // null: a new document; a document: that one being changed; undefined: no dialog.
  const [editing, setEditing] = useState<FundDocument | null | undefined>(undefined);
  const importFlow = useFundsImport(year, overview.reload);
  const o = overview.data;
  const { installation } = useSession();
  return (
    <Stack>
      <style>{PRINT_PAGE}</style>
      <Title order={1} size="h3" ta="center" className="funds-print-title">
        {installation.region.name} {year} 年衔接资金闭环管理情况
      </Title>
      <PageHeader
        title="衔接资金"
        description="扶贫（乡村振兴衔接）资金闭环管理：目标设定 → 运行监控 → 绩效自评 → 资金支付监管；资金文件按级次登记，支付按项目编码从预算系统导入。"
        actions={
          <>
            <YearSelect value={year} onChange={(next) => navigate('funds', String(next))} />
            <IfAllowed permission="enter">
              <Button variant="default" onClick={() => setEditing(null)} disabled={!o}>
                登记资金文件
              </Button>
              <PickFileButton label="导入支付（Excel）" accept={XLSX_ACCEPT} variant="default" onFile={importFlow.choose} loading={importFlow.reading} />
            </IfAllowed>
            <DownloadButton label="下载导入模板" variant="subtle" fetchFile={() => invoke('funds.template', {})} />
            <DownloadButton label="导出 Excel" variant="default" fetchFile={() => invoke('funds.export', { year })} />
            <Button variant="default" onClick={() => window.print()}>
              打印
            </Button>
          </>
        }
      />
      {overview.error && <Alert color="red" title="无法读取衔接资金">{overview.error}</Alert>}
      {!o && !overview.error && <Loader aria-label="正在读取" />}
      {o && <CountyFigures o={o} onEdit={setEditing} reload={overview.reload} />}
      {editing !== undefined && o && <DocumentModal year={year} projects={o.projects} document={editing} onClose={() => setEditing(undefined)} onSaved={overview.reload} />}
      {importFlow.modal}
    </Stack>
  );
}

function deleteDocument(d: FundDocument, reload: () => Promise<void>): void {
  confirmDelete({
    title: `删除资金文件：${d.docNumber}`,
    explanation: `${d.level}级文件，${d.issuedOn}，${wan(d.amountFen)} 万元，分配到 ${d.allocations.length} 个项目。删除后这些分配不再计入各项目的已分配资金，操作记入操作日志；已有支付注明依据该文件的，不能删除。`,
    done: `已删除资金文件 ${d.docNumber}`,
    remove: () => invoke('funds.deleteDocument', { id: d.id, version: d.version }),
    reload,
  });
}

function CountyFigures({ o, onEdit, reload }: { o: FundsOverview; onEdit: (document: FundDocument) => void; reload: () => Promise<void> }) {
  if (o.projects.length === 0 && o.documents.length === 0) {
    return (
      <EmptyNotice
        title={`${o.year} 年还没有衔接资金项目`}
        description="还没有标记为衔接资金的项目。请在“单位与项目”中编辑项目并勾选“衔接资金”，或导入预算项目时在“是否衔接资金”列填“是”；然后回到这里登记资金文件和支付。"
      >
        <Button component="a" href={routeHref('registry', 'projects', String(o.year))}>
          去“单位与项目”
        </Button>
      </EmptyNotice>
    );
  }
  const behind = o.projects.filter((p) => p.behind);
  const noTarget = o.projects.filter((p) => p.stages[0]!.state !== 'done');
  const noSelfEvaluation = o.projects.filter((p) => p.stages[2]!.state !== 'done');
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label="已分配（万元）" value={wan(o.totals.allocatedFen)} />
        <Figure label="已支付（万元）" value={wan(o.totals.paidFen)} />
        <Figure label="支出进度" value={`${o.totals.progress}%`} hint={`序时进度 ${o.timeProgress}%（${o.today}）`} />
        <IndustryFigure industry={o.industry} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            按资金文件
          </Title>
          {o.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              还没有登记资金文件：点“登记资金文件”，填写文号、级次、日期、金额及分配到各项目的金额。
            </Text>
          ) : (
            <FiguresTable
              label="按资金文件"
              leading={['文号', '级次']}
              rows={o.documents.map((d) => ({ key: d.id, leading: [d.docNumber, d.level], figures: d }))}
              unattributedPaidFen={o.unattributedPaidFen}
            />
          )}
          {o.documents.length > 0 && (
            <IfAllowed permission="enter">
              <Group gap="xs" mt="xs" className="no-print">
                {o.documents.map((d) => (
                  <Group key={d.id} gap={0}>
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(d)} aria-label={`修改资金文件 ${d.docNumber}`}>
                      修改 {d.docNumber}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => deleteDocument(d, reload)} aria-label={`删除资金文件 ${d.docNumber}`}>
                      删除
                    </Button>
                  </Group>
                ))}
              </Group>
            </IfAllowed>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            按资金级次
          </Title>
          {o.levels.length === 0 ? (
            <Text size="sm" c="dimmed">
              登记资金文件后，这里按中央、自治区、地区、县汇总。
            </Text>
          ) : (
            <FiguresTable label="按资金级次" leading={['级次']} rows={o.levels.map((l) => ({ key: l.level, leading: [l.level], figures: l }))} unattributedPaidFen={0} />
          )}
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Attention title="落后于序时进度" empty="没有落后于序时进度的项目" rows={behind} detail={(p) => `支出进度 ${p.progress}%`} />
        <Attention title="绩效目标未批复" empty="每个项目的绩效目标都已批复" rows={noTarget} detail={(p) => p.stages[0]!.detail} />
        <Attention title="绩效自评未完成" empty="每个项目都已完成自评" rows={noSelfEvaluation} detail={(p) => p.stages[2]!.detail} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          衔接资金项目（{o.projects.length} 个）
        </Title>
        <ProjectTable rows={o.projects} />
        {o.projects.some((p) => !p.zeroAllocation) && (
          <SpendingChart timeProgress={o.timeProgress} bars={o.projects.filter((p) => !p.zeroAllocation).map((p) => ({ key: p.id, label: p.name, progress: p.progress, behind: p.behind }))} />
        )}
      </Paper>
    </Stack>
  );
}

/** Amount, allocated and paid per row (a document, a level), with the payments that name no document last. */
function FiguresTable({ label, leading, rows, unattributedPaidFen }: { label: string; leading: string[]; rows: { key: string; leading: string[]; figures: FundFigures }[]; unattributedPaidFen: number }) {
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {leading.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
          <Table.Th ta="right">文件金额</Table.Th>
          <Table.Th ta="right">已分配</Table.Th>
          <Table.Th ta="right">已支付</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            {r.leading.map((cell, i) => (
              <Table.Td key={i}>{cell}</Table.Td>
            ))}
            <Table.Td ta="right">{wan(r.figures.amountFen)}</Table.Td>
            <Table.Td ta="right">{wan(r.figures.allocatedFen)}</Table.Td>
            <Table.Td ta="right">{wan(r.figures.paidFen)}</Table.Td>
          </Table.Tr>
        ))}
        {unattributedPaidFen > 0 && (
          <Table.Tr>
            <Table.Td colSpan={leading.length + 2}>未注明文件的支付</Table.Td>
            <Table.Td ta="right">{wan(unattributedPaidFen)}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={22} fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function IndustryFigure({ industry }: { industry: FundsOverview['industry'] }) {
  const color = industry.verdict === 'met' ? 'green' : industry.verdict === 'below' ? 'red' : 'gray';
  return (
    <Paper withBorder p="md" aria-label="产业项目资金占比">
      <Group justify="space-between" gap={4}>
        <Text size="sm" c="dimmed">
          产业项目资金占比
        </Text>
        <Badge color={color} variant="light">
          {INDUSTRY_VERDICT_LABELS[industry.verdict]}
        </Badge>
      </Group>
      <Text fz={22} fw={700} c={industry.verdict === 'below' ? 'red.8' : undefined}>
        {industry.share === null ? '—' : `${industry.share}%`}
      </Text>
      <Text size="xs" c="dimmed">
        产业 {wan(industry.industryFen)} / 合计 {wan(industry.totalFen)} 万元（按分配数），要求不低于 {industry.aim}%（设置 → 参数设置 → 衔接资金）
      </Text>
    </Paper>
  );
}

function Attention({ title, empty, rows, detail }: { title: string; empty: string; rows: FundProjectRow[]; detail: (p: FundProjectRow) => string }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs" c={rows.length ? 'orange.8' : undefined}>
        {title}（{rows.length}）
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={4}>
          {rows.map((p) => (
            <Text size="sm" key={p.id}>
              <Anchor href={routeHref('funds', 'project', p.id)}>{p.name}</Anchor>：{detail(p)}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ProjectTable({ rows }: { rows: FundProjectRow[] }) {
  return (
    <Table striped aria-label="衔接资金项目">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>项目</Table.Th>
          <Table.Th>类别</Table.Th>
          <Table.Th ta="right">已分配（万元）</Table.Th>
          <Table.Th ta="right">已支付（万元）</Table.Th>
          <Table.Th ta="right">支出进度</Table.Th>
          <Table.Th>目标设定</Table.Th>
          <Table.Th>运行监控</Table.Th>
          <Table.Th>绩效自评</Table.Th>
          <Table.Th>支付监管</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor href={routeHref('funds', 'project', p.id)}>{p.name}</Anchor>
              <Text size="xs" c="dimmed">
                {p.code} · {p.unitName}
              </Text>
            </Table.Td>
            <Table.Td>{p.category ?? <Text c="dimmed" size="sm">未分类</Text>}</Table.Td>
            <Table.Td ta="right">{wan(p.allocatedFen)}</Table.Td>
            <Table.Td ta="right">{wan(p.paidFen)}</Table.Td>
            <Table.Td ta="right">{p.zeroAllocation ? '—' : `${p.progress}%`}</Table.Td>
            {p.stages.map((s) => (
              <Table.Td key={s.key}>
                <StageBadge stage={s} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
