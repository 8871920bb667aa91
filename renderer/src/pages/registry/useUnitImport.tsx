import type { UnitImportPreview, UnitImportRow } from '../../../../electron/registry/contract';
import { invoke } from '../../api';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifySuccess } from '../../components/notify';
import type { Column } from '../../components/VirtualTable';

const ROW_COLUMNS: Column<UnitImportRow>[] = [
  { key: 'row', header: '行号', width: '80px', cell: (r) => r.rowNumber },
  { key: 'code', header: '单位编码', width: '130px', cell: (r) => r.code },
  { key: 'name', header: '单位名称', width: 'minmax(200px, 1fr)', cell: (r) => r.name },
  { key: 'action', header: '处理方式', width: '100px', cell: (r) => actionBadge(r.action) },
];

/**
 * Excel import of units in two steps: preview a chosen file, then commit the same bytes. Returns the
 * handler for a picked file, whether it is being read, and the preview modal to render.
 */
export function useUnitImport(onImported: () => Promise<void>) {
  return useImportFlow<UnitImportPreview>({
    preview: (file) => invoke('units.importPreview', file),
    commit: (file) => invoke('units.importCommit', file),
    onImported: async (result) => {
      await onImported();
      const skipped = result.counts.error > 0 ? `，跳过 ${result.counts.error} 行有错误的数据` : '';
      notifySuccess(`已导入 ${result.written} 个单位${skipped}`, '导入完成');
    },
    renderModal: (props) => (
      <ImportPreviewModal {...props} unitLabel="行" skipNote="导入时将跳过" rowColumns={ROW_COLUMNS} rowKey={(r) => String(r.rowNumber)} />
    ),
  });
}
