import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../appState';
import { Fingerprint } from '../../components/Fingerprint';
import { useInvoke } from '../../components/useInvoke';

/** 本机身份: whose packages these are, and the fingerprint the other side checks on first contact. */
export function IdentityCard() {
  const { installation } = useSession();
  const identity = useInvoke('exchange.identity', {});
  const tellWhom = { prefecture: '各县财政局', county: '州财政局', unit: '县财政局' }[installation.role];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="identity-title">
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="identity-title">
            本机身份
          </Title>
          <Text size="sm" c="dimmed">
            {installation.unit && `${installation.unit.name}（${installation.unit.code}）· `}
            {installation.region.name}（{installation.region.code}）
          </Text>
        </Group>
        {identity.error && <Alert color="red">{identity.error}</Alert>}
        {identity.data ? (
          <>
            <Text size="sm" c="dimmed">
              公钥指纹
            </Text>
            <Fingerprint value={identity.data.fingerprint} />
            <Text size="sm">
              请将指纹电话告知{tellWhom}核对{installation.role === 'county' && '（向本县报送数据的预算单位同样需要核对）'}。对方第一次导入本机的数据包时，会看到同样的指纹并与您逐组核对，核对一致才会信任本机。
            </Text>
          </>
        ) : (
          !identity.error && <Loader size="sm" aria-label="正在读取本机身份" />
        )}
      </Stack>
    </Paper>
  );
}
