// One 衔接资金 project's loop: its four stages (each linking to its record; the self-evaluation's with the
// project's open 整改通知), the spending progress against the time progress, the documents that fund it, its
// payments (deleted with a confirmation) and its category and beneficiaries.
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { RECTIFICATION_LABELS } from '../../../../electron/domain/rectification';
import type { LoopStage } from '../../../../electron/domain/funds';
import { formatWanYuan } from '../../../../electron/domain/money';
import type { FundProjectView } from '../../../../electron/funds/contract';
import { PageHeader } from '../../components/PageHeader';
import { IfAllowed, useAllowed } from '../../components/useAllowed';
import { invoke } from '../../api';
import { confirmDelete } from './confirmDelete';
import { useInvoke } from '../../components/useInvoke';
import { routeHref } from '../../router';
import { DetailsForm } from './DetailsForm';
import { PaymentForm } from './PaymentForm';
import { SpendingChart } from './SpendingChart';
import { stageWord } from './StageBadge';

const STAGE_COLOR = { done: 'green', attention: 'orange', missing: 'gray' } as const;

/** Where a stage's record is opened, when the app has a page for it. */
function stageHref(stage: LoopStage, view: FundProjectView): string | null {
  const { links } = view.row;
  if (stage.key === 'targets') return routeHref('targets', 'project', view.project.id);
  if (stage.key === 'monitoring') return links.monitoringSheetId ? routeHref('monitoring', 'sheet', links.monitoringSheetId) : null;
  if (stage.key === 'selfEvaluation') return links.selfEvaluationId ? routeHref('selfEvaluation', 'edit', links.selfEvaluationId) : null;
  // Payments are on this page, below.
  return null;
}

export function ProjectView({ projectId }: { projectId: string }) {
  const loaded = useInvoke('funds.project', { projectId });
  const canDelete = useAllowed('enter');
  const view = loaded.data;
  if (loaded.error) return <Alert color="red" title="无法打开该项目的衔接资金">{loaded.error}</Alert>;
  if (!view) return <Loader aria-label="正在读取" />;
  const { project, row } = view;
  const deletePayment = (p: FundProjectView['payments'][number]) =>
    confirmDelete({
      title: `删除支付：凭证号 ${p.voucher}`,
      explanation: `${p.paidOn} 支付 ${formatWanYuan(p.amountFen)} 万元（${p.payeeType}）。删除后不再计入本项目的支出进度，操作记入操作日志；登记错了可以再用同一凭证号重新登记。`,
      done: `已删除凭证号 ${p.voucher} 的支付记录`,
      remove: () => invoke('funds.deletePayment', { id: p.id }),
      reload: loaded.reload,
    });
  return (
    <Stack>
      <Anchor href={routeHref('funds', String(project.year))} className="no-print">
        ← 返回 {project.year} 年衔接资金
      </Anchor>
      <PageHeader
        title={`${project.name}（${project.code}）`}
        description={`${project.unitName} · ${project.year} 年衔接资金项目 · ${row.category ?? '未分类'}`}
        actions={
          <Button variant="default" component="a" href={routeHref('registry', 'cycle', project.id)}>
            全过程
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} aria-label="闭环管理四个环节">
        {row.stages.map((stage, i) => {
          const href = stageHref(stage, view);
          return (
            <Paper key={stage.key} withBorder p="md">
              <Group justify="space-between">
                <Text fw={600}>
                  {i + 1}. {stage.label}
                </Text>
                <Badge color={STAGE_COLOR[stage.state]} variant="light">
                  {stageWord(stage.state)}
                </Badge>
              </Group>
              <Text size="sm" mt={4}>
                {href ? <Anchor href={href}>{stage.detail}</Anchor> : stage.detail}
              </Text>
              {stage.key === 'selfEvaluation' && <OpenNotices notices={view.openNotices} />}
            </Paper>
          );
        })}
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          支出进度
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          已分配 {formatWanYuan(row.allocatedFen)} 万元，已支付 {formatWanYuan(row.paidFen)} 万元
        </Text>
        {row.zeroAllocation ? (
          <Text size="sm" c="dimmed">
            尚未分配资金：在衔接资金页“登记资金文件”时填写分配给本项目的金额。
          </Text>
        ) : (
          <SpendingChart timeProgress={view.timeProgress} bars={[{ key: project.id, label: project.name, progress: row.progress, behind: row.behind }]} />
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            资金文件
          </Title>
          {view.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              还没有文件分配资金给本项目。
            </Text>
          ) : (
            <Table aria-label="资金文件">
              <Table.Tbody>
                {view.documents.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.docNumber}</Table.Td>
                    <Table.Td>{d.level}</Table.Td>
                    <Table.Td>{d.issuedOn}</Table.Td>
                    <Table.Td ta="right">{formatWanYuan(d.allocatedFen)} 万元</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            类别与受益对象
          </Title>
          <DetailsForm key={view.details.version} details={view.details} onSaved={loaded.reload} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          资金支付（{view.payments.length} 笔）
        </Title>
        {view.payments.length === 0 ? (
          <Text size="sm" c="dimmed">
            还没有支付记录：在下面逐笔登记，或在衔接资金页从预算系统导出的 Excel 导入。
          </Text>
        ) : (
          <Table striped aria-label="资金支付">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>支付日期</Table.Th>
                <Table.Th>凭证号</Table.Th>
                <Table.Th>收款人类型</Table.Th>
                <Table.Th ta="right">金额（万元）</Table.Th>
                <Table.Th>备注</Table.Th>
                {canDelete.allowed && <Table.Th className="no-print" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.payments.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.paidOn}</Table.Td>
                  <Table.Td>{p.voucher}</Table.Td>
                  <Table.Td>{p.payeeType}</Table.Td>
                  <Table.Td ta="right">{formatWanYuan(p.amountFen)}</Table.Td>
                  <Table.Td>{p.note}</Table.Td>
                  {canDelete.allowed && (
                    <Table.Td className="no-print" aria-label="操作">
                      <Button size="compact-xs" variant="subtle" color="red" aria-label={`删除支付 ${p.voucher}`} onClick={() => deletePayment(p)}>
                        删除
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <IfAllowed permission="enter">
          <PaymentForm projectId={project.id} year={project.year} documents={view.documents} onSaved={loaded.reload} />
        </IfAllowed>
      </Paper>
    </Stack>
  );
}

/** The project's 整改通知 not yet passed: the loop stays open until they are. */
function OpenNotices({ notices }: { notices: FundProjectView['openNotices'] }) {
  if (notices.length === 0) return null;
  return (
    <Stack gap={2} mt="xs" aria-label="未通过的整改通知">
      <Text size="xs" c="orange">
        整改未通过：
      </Text>
      {notices.map((n) => (
        <Text key={n.id} size="xs">
          <Anchor href={routeHref('rectification', 'notice', n.id)} size="xs">
            整改通知{n.number}
          </Anchor>
          {`（${RECTIFICATION_LABELS[n.status]}，期限 ${n.deadline}）`}
        </Text>
      ))}
    </Stack>
  );
}
