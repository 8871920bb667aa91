import { invoke } from '../../api';
import { DownloadButton } from '../../components/FileActions';

/**
 * The year's approved targets and monitoring as one workbook in the 预算管理一体化 field layout, to upload
 * to the province's system; the layout is 模拟 until checked against the province's template.
 */
export function IntegratedExportButton({ year }: { year: number }) {
  return <DownloadButton label="导出一体化格式" variant="default" fetchFile={() => invoke('monitoring.integratedExport', { year })} />;
}
