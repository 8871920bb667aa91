import { useState } from 'react';
import type { FilePayload } from '../../../../electron/ipc/contract';
import type { UnitImportPreview } from '../../../../electron/registry/unitsXlsx';
import { invoke } from '../../api';
import { readFilePayload } from '../../components/files';
import { notifyError, notifySuccess } from '../../components/notify';
import { ImportPreviewModal } from './ImportPreviewModal';

/**
 * Excel import of units in two steps: preview a chosen file, then commit the same bytes. Returns the
 * handler for a picked file, whether it is being read, and the preview modal to render.
 */
export function useUnitImport(onImported: () => Promise<void>) {
  const [pending, setPending] = useState<{ file: FilePayload; preview: UnitImportPreview } | null>(null);
  const [reading, setReading] = useState(false);
  const [committing, setCommitting] = useState(false);

  async function preview(chosen: File) {
    setReading(true);
    try {
      const file = await readFilePayload(chosen);
      setPending({ file, preview: await invoke('units.importPreview', file) });
    } catch (error) {
      notifyError(error, '无法读取这个 Excel 文件');
    } finally {
      setReading(false);
    }
  }

  async function commit() {
    if (!pending) return;
    setCommitting(true);
    try {
      const result = await invoke('units.importCommit', pending.file);
      await onImported();
      setPending(null);
      const skipped = result.counts.error > 0 ? `，跳过 ${result.counts.error} 行有错误的数据` : '';
      notifySuccess(`已导入 ${result.written} 个单位${skipped}`, '导入完成');
    } catch (error) {
      notifyError(error, '导入失败，没有写入任何数据');
    } finally {
      setCommitting(false);
    }
  }

  const modal = pending && (
    <ImportPreviewModal preview={pending.preview} committing={committing} onCancel={() => setPending(null)} onConfirm={commit} />
  );
  return { preview, reading, modal };
}
