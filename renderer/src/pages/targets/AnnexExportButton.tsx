// 导出申报表: the target as its 88号 annex in xlsx (merged, A4, print area), for units that hand the form on in Excel.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api';
import { downloadFile } from '../../components/files';
import { notifyError } from '../../components/notify';

export function AnnexExportButton({ targetId }: { targetId: string }) {
  const [busy, setBusy] = useState(false);
  async function exportAnnex() {
    setBusy(true);
    try {
      downloadFile(await invoke('targets.annexWorkbook', { id: targetId }));
    } catch (error) {
      notifyError(error, '没有导出申报表');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Group justify="flex-end" className="no-print">
      <Button size="compact-sm" variant="default" loading={busy} onClick={() => void exportAnnex()}>
        导出申报表（Excel）
      </Button>
    </Group>
  );
}
