// Data the browser tests type or upload: an xlsx built the way staff fill the 预算单位 template.
import * as XLSX from 'xlsx';

export const UNIT_HEADERS = ['单位编码', '单位名称', '主管部门编码', '是否主管部门', '是否启用'] as const;
export type UnitSheetRow = [code: string, name: string, departmentCode: string, isDepartment: string, active: string];

export function unitsWorkbook(rows: readonly UnitSheetRow[]): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([[...UNIT_HEADERS], ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '预算单位');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
