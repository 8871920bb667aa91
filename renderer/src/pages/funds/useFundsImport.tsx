import { Alert } from '@mantine/core';
import type { PaymentImportPreview, PaymentImportRow } from '../../../../electron/funds/contract';
import { formatWanYuan } from '../../../../electron/domain/money';
import { invoke } from '../../api';
import { actionBadge, ImportPreviewModal, useImportFlow } from '../../components/ImportPreview';
import { notifySuccess } from '../../components/notify';
import type { Column } from '../../components/VirtualTable';

const ROW_COLUMNS: Column<PaymentImportRow>[] = [
  { key: 'row', header: '行号', width: '80px', cell: (r) => r.rowNumber },
  { key: 'code', header: '项目编码', width: '130px', cell: (r) => r.projectCode },
  { key: 'name', header: '项目名称', width: 'minmax(160px, 1fr)', cell: (r) => r.projectName },
  { key: 'voucher', header: '凭证号', width: '130px', cell: (r) => r.voucher },
  { key: 'amount', header: '金额（万元）', width: '120px', cell: (r) => formatWanYuan(r.amountFen) },
  { key: 'action', header: '处理方式', width: '100px', cell: (r) => actionBadge(r.action) },
];

/** Payments from the budget system's export: preview a file (bad rows and allocation overruns), then commit the same bytes. */
export function useFundsImport(year: number, onImported: () => Promise<void>) {
  return useImportFlow<PaymentImportPreview>({
    preview: (file) => invoke('funds.importPreview', { ...file, year }),
    commit: (file) => invoke('funds.importCommit', { ...file, year }),
    onImported: async (result) => {
      await onImported();
      const skipped = result.counts.error > 0 ? `，跳过 ${result.counts.error} 行有错误的数据` : '';
      const known = result.counts.unchanged > 0 ? `，${result.counts.unchanged} 笔已登记过` : '';
      notifySuccess(`已导入 ${result.written} 笔支付${known}${skipped}`, '导入完成');
    },
    renderModal: (props) => (
      <ImportPreviewModal
        {...props}
        unitLabel="笔支付"
        skipNote="导入时将跳过"
        rowColumns={ROW_COLUMNS}
        rowKey={(r) => String(r.rowNumber)}
        notice={
          props.preview.warnings.length > 0 && (
            <Alert color="orange" title="导入后将超过分配额（仍可导入，请核对）">
              {props.preview.warnings.join('；')}
            </Alert>
          )
        }
      />
    ),
  });
}
