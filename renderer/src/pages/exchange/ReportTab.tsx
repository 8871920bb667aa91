import { SimpleGrid, Stack } from '@mantine/core';
import { useSession } from '../../appState';
import { ExportCard } from './ExportCard';
import { IdentityCard } from './IdentityCard';
import { ImportCard } from './ImportCard';

const IMPORTS = {
  county: {
    title: '导入州级反馈包或回执',
    description:
      '州财政局的反馈包带回审核意见、指标库更新和监控任务；回执确认州财政局已收到本县的上报包。导入前先校验签名并列出每条记录将如何处理，确认后才写入。',
  },
  unit: {
    title: '导入县级反馈包或回执',
    description:
      '县财政局的反馈包带回审核意见、指标库更新和监控任务；回执确认县财政局已收到本单位的上报包。导入前先校验签名并列出每条记录将如何处理，确认后才写入。',
  },
};

/** The reporting side, a county or a budget unit: who it is, what it sends, the replies and receipts it takes in. */
export function ReportTab() {
  const { installation } = useSession();
  const imports = IMPORTS[installation.role === 'unit' ? 'unit' : 'county'];
  return (
    <Stack gap="md">
      <IdentityCard />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ExportCard />
        <ImportCard title={imports.title} description={imports.description} />
      </SimpleGrid>
    </Stack>
  );
}
