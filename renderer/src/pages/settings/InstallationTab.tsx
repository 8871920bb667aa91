import { Alert, Badge, Button, Code, Group, List, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { DatabaseChecks, FullCheck, IntegrityReport } from '../../../../electron/settings/contract';
import { errorMessage, invoke } from '../../api';
import { REGION_LEVEL_LABELS, ROLE_LABELS } from '../../../../electron/domain/registry';
import { useSession } from '../../appState';
import { Fingerprint } from '../../components/Fingerprint';
import { formatDateTime } from '../../components/format';
import { useInvoke, type Loaded } from '../../components/useInvoke';

const TRANSPORT_LABELS: Record<string, string> = {
  electron: '桌面程序',
  bridge: '浏览器（本机网页服务）',
};

export function InstallationTab() {
  const { installation } = useSession();
  const info = useInvoke('app.info', {});
  const database = useInvoke('database.current', {});
  const identity = useInvoke('exchange.identity', {});
  const checks = useInvoke('database.checks', {});
  const rows: [string, ReactNode][] = [
    ['区划', `${installation.region.name}（${installation.region.code}，${REGION_LEVEL_LABELS[installation.region.level]}）`],
    ['角色', ROLE_LABELS[installation.role]],
    ['本机编号', <Code key="id">{installation.installationId}</Code>],
    ['数据交换公钥指纹', identity.data ? <Fingerprint key="fp" value={identity.data.fingerprint} size="md" /> : (identity.error ?? '…')],
    ['初始设置时间', formatDateTime(installation.createdAt)],
    ['程序版本', info.data?.version ?? '…'],
    ['数据库文件', info.data ? <Code key="db">{info.data.dbPath}</Code> : '…'],
    [
      '数据库类型',
      database.data ? (
        database.data.sample ? (
          <Badge key="kind" color="orange" variant="filled" radius="sm">
            示例数据库（虚构数据，仅供练习）
          </Badge>
        ) : (
          '正式数据库'
        )
      ) : (
        '…'
      ),
    ],
    ['运行方式', info.data ? (TRANSPORT_LABELS[info.data.transport] ?? info.data.transport) : '…'],
    ['上次关闭', checks.data ? <LastClose key="close" checks={checks.data} /> : (checks.error ?? '…')],
    ['数据库完整性', <IntegrityCheck key="integrity" checks={checks} />],
  ];
  return (
    <>
      {info.error && <Alert color="red" mb="md">{info.error}</Alert>}
      <Text size="sm" c="dimmed" mb="sm">
        新建、打开或切换数据库：页面左上角“文件”菜单{info.data?.transport === 'electron' ? '，或窗口菜单“文件”' : ''}。
      </Text>
      <Table withTableBorder variant="vertical" maw={760}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** How the last session ended decides how opening checked the file: a crash or an outside copy gets the quick check. */
function LastClose({ checks }: { checks: DatabaseChecks }) {
  const opened = formatDateTime(checks.openedAt);
  if (checks.closedCleanly) {
    return (
      <>
        <Text size="sm">正常</Text>
        <Text size="xs" c="dimmed">
          本次打开（{opened}）时文件与上次正常关闭时一致，只核对了文件头和大小。
        </Text>
      </>
    );
  }
  return (
    <>
      <Text size="sm" c="orange.8">
        上次未正常关闭，打开时已做快速检查，未发现问题
      </Text>
      <Text size="xs" c="dimmed">
        快速检查于 {opened} 打开时完成。没有正常关闭记录的文件都这样检查：程序异常退出或断电之后，新建的文件，或在本软件之外复制、恢复、改动过的文件。如有疑虑，可做下面的完整性检查。
      </Text>
    </>
  );
}

function lastFullCheckText(check: FullCheck | null): string {
  if (!check) return '此文件还没有做过完整性检查（立即备份前也会检查）。';
  const result = check.ok ? '完好' : `发现 ${check.problems} 处问题`;
  return `上次完整性检查：${formatDateTime(check.at)}，${check.by}${check.beforeBackup ? '立即备份前' : ''}，${result}。`;
}

/**
 * The full integrity check on demand: opening the database checks it only quickly, so a damaged index
 * shows here (and before 立即备份, which refuses a damaged database).
 */
function IntegrityCheck({ checks }: { checks: Loaded<DatabaseChecks> }) {
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function check() {
    setChecking(true);
    setFailure(null);
    try {
      setReport(await invoke('database.integrityCheck', {}));
      await checks.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setChecking(false);
    }
  }

  const seconds = report ? (report.durationMs / 1000).toFixed(1) : '';
  return (
    <>
      <Group gap="sm">
        <Button size="compact-sm" variant="light" loading={checking} onClick={() => void check()}>
          完整性检查
        </Button>
        {checking && <Text size="sm" c="dimmed">正在逐页检查整个数据库，文件较大时需要几秒到一分钟…</Text>}
        {!checking && report?.ok && (
          <Text size="sm" c="teal" role="status">
            数据库完好（{formatDateTime(report.checkedAt)} 检查，用时 {seconds} 秒）
          </Text>
        )}
        {!checking && !report && !failure && <Text size="sm" c="dimmed">逐页、逐条核对数据和索引，比打开时的快速检查更彻底。</Text>}
      </Group>
      {checks.data && (
        <Text size="xs" c="dimmed" mt={4}>
          {lastFullCheckText(checks.data.lastFullCheck)}
        </Text>
      )}
      {!checking && report && !report.ok && (
        <Alert color="red" mt="sm" title="完整性检查未通过" role="alert">
          <Text size="sm">数据库有损坏，不能再备份。请从最近一次完好的备份恢复（设置 → 备份与恢复），或联系技术支持。SQLite 报告：</Text>
          <List size="xs" mt={4}>
            {report.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {failure && (
        <Alert color="red" mt="sm" title="无法完成完整性检查">
          {failure}
        </Alert>
      )}
    </>
  );
}
