import { SimpleGrid } from '@mantine/core';
import { IdentityCard } from './IdentityCard';
import { ImportCard } from './ImportCard';

/** The prefecture takes in the counties' reports (and receipts for its replies), then signs receipts. */
export function PrefectureImportTab() {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ImportCard
        title="导入县级上报包或回执"
        description="选择县财政局交来的上报包（.zip）。导入前先校验签名、文件完整性和序号，并列出每条记录将新增、更新还是冲突；确认后一次写入。导入后请出具回执交回该县。"
      />
      <IdentityCard />
    </SimpleGrid>
  );
}
