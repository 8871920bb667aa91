import type { LibraryImportRow } from '../../../../electron/library/contract';
import { LIBRARY_STATUS_LABELS } from '../../../../electron/domain/library';
import { invoke } from '../../api';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifySuccess } from '../../components/notify';
import type { Column } from '../../components/VirtualTable';

const ROW_COLUMNS: Column<LibraryImportRow>[] = [
  { key: 'row', header: '行号', width: '70px', cell: (r) => r.rowNumber },
  { key: 'code', header: '指标编码', width: '150px', cell: (r) => r.code || '（导入时编码）' },
  { key: 'type', header: '项目类型', width: '90px', cell: (r) => r.projectTypeCode },
  { key: 'name', header: '三级指标', width: 'minmax(200px, 1fr)', cell: (r) => <span title={r.name}>{r.name}</span> },
  { key: 'status', header: '导入后状态', width: '100px', cell: (r) => (r.action === 'error' ? '—' : LIBRARY_STATUS_LABELS[r.status]) },
  { key: 'action', header: '处理方式', width: '100px', cell: (r) => actionBadge(r.action) },
];

/** Excel import of the library: preview with per-row problems, then commit the same file. */
export function useLibraryImport(onImported: () => Promise<void>) {
  return useImportFlow({
    preview: (file) => invoke('library.importPreview', file),
    commit: (file) => invoke('library.importCommit', file),
    onImported: async (result) => {
      await onImported();
      const skipped = result.counts.error > 0 ? `，跳过 ${result.counts.error} 行有错误的数据` : '';
      const types = result.newProjectTypes.length > 0 ? `，新增项目类型 ${result.newProjectTypes.map((t) => t.name).join('、')}` : '';
      notifySuccess(`已导入 ${result.written} 条指标${types}${skipped}。新增和修改的指标等待确认入库。`, '导入完成');
    },
    renderModal: (props) => (
      <ImportPreviewModal
        {...props}
        unitLabel="行"
        skipNote="导入时跳过这些行"
        rowColumns={ROW_COLUMNS}
        rowKey={(r) => String(r.rowNumber)}
      />
    ),
  });
}
