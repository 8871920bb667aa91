import type { ImportKind, MonitoringImportPreview, MonitoringImportRow } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifySuccess } from '../../components/notify';
import type { Column } from '../../components/VirtualTable';

const ROW_COLUMNS: Column<MonitoringImportRow>[] = [
  { key: 'table', header: '工作表', width: '110px', cell: (r) => r.table },
  { key: 'row', header: '行号', width: '70px', cell: (r) => r.rowNumber },
  { key: 'code', header: '项目编码', width: '120px', cell: (r) => r.projectCode },
  { key: 'name', header: '项目名称', width: 'minmax(140px, 1fr)', cell: (r) => <span title={r.projectName}>{r.projectName}</span> },
  { key: 'item', header: '资金来源 / 指标', width: 'minmax(120px, 1fr)', cell: (r) => <span title={r.item}>{r.item}</span> },
  { key: 'action', header: '处理方式', width: '90px', cell: (r) => actionBadge(r.action) },
];

const DONE: Record<ImportKind, string> = { execution: '已导入预算执行数', template: '已导入单位填报表' };

/** Excel into a round, previewed first: the budget system's execution export or the units' templates. */
export function useMonitoringImport(roundId: string, kind: ImportKind, onImported: () => Promise<void>) {
  return useImportFlow<MonitoringImportPreview>({
    preview: (file) => invoke('monitoring.importPreview', { ...file, roundId, kind }),
    commit: (file) => invoke('monitoring.importCommit', { ...file, roundId, kind }),
    onImported: async (result) => {
      await onImported();
      const unknown = result.unknownCodes.length ? `；${result.unknownCodes.length} 个项目编码不在本轮：${result.unknownCodes.slice(0, 5).join('、')}` : '';
      const skipped = `${result.counts.error ? `，跳过 ${result.counts.error} 行有错误的数据` : ''}${unknown}`;
      if (result.sheets === 0) notifySuccess(`文件中的数据与本轮监控表现有的一致，没有改动任何监控表${skipped}`, '没有需要更新的数据');
      else notifySuccess(`更新 ${result.sheets} 张监控表（${result.written} 行）${skipped}`, DONE[kind]);
    },
    renderModal: (props) => (
      <ImportPreviewModal {...props} unitLabel="行" skipNote="导入时跳过这些行" rowColumns={ROW_COLUMNS} rowKey={(r) => `${r.table}-${r.rowNumber}`} />
    ),
  });
}
