// The native save dialog for files the page produces (Excel exports, backups, exchange packages):
// the renderer triggers an ordinary blob download, and main shows this dialog for it.
import path from 'node:path';

export interface SaveDialogSpec {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
}

const KNOWN_TYPES: Record<string, string> = {
  xlsx: 'Excel 工作簿',
  xls: 'Excel 97-2003 工作簿',
  csv: 'CSV 文件',
  pdf: 'PDF 文件',
  zip: 'ZIP 压缩包',
  db: '数据库备份',
  json: 'JSON 文件',
  txt: '文本文件',
};

/**
 * A file name the page suggested, made safe to use as a default: no folders, no characters Windows
 * refuses, no leading dots, not empty.
 */
export function safeFileName(suggested: string): string {
  const base = suggested.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '').slice(0, 180);
  return cleaned || '未命名文件';
}

export function saveDialogOptions(suggestedName: string, defaultDir: string): SaveDialogSpec {
  const name = safeFileName(suggestedName);
  const extension = path.extname(name).slice(1).toLowerCase();
  const known = KNOWN_TYPES[extension];
  return {
    title: '保存文件',
    defaultPath: path.join(defaultDir, name),
    buttonLabel: '保存',
    filters: [...(known ? [{ name: known, extensions: [extension] }] : []), { name: '所有文件', extensions: ['*'] }],
  };
}

/** What to tell the person when a save ends; null when there is nothing to say (done or cancelled). */
export function downloadFailureMessage(state: 'completed' | 'cancelled' | 'interrupted', fileName: string): string | null {
  if (state !== 'interrupted') return null;
  return `文件“${fileName}”未能保存完整。请检查目标文件夹是否可写、磁盘空间是否足够，然后重新导出。`;
}
