import { Alert, Badge, Code, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { REGION_LEVEL_LABELS, ROLE_LABELS } from '../../../../electron/domain/registry';
import { useSession } from '../../appState';
import { Fingerprint } from '../../components/Fingerprint';
import { formatDateTime } from '../../components/format';
import { useInvoke } from '../../components/useInvoke';

const TRANSPORT_LABELS: Record<string, string> = {
  electron: '桌面程序',
  bridge: '浏览器（本机网页服务）',
};

export function InstallationTab() {
  const { installation } = useSession();
  const info = useInvoke('app.info', {});
  const database = useInvoke('database.current', {});
  const identity = useInvoke('exchange.identity', {});
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
