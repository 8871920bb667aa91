// The native dialogs of 文件 › 新建数据库 / 打开数据库 as plain data; main shows them and hands the
// chosen path to the same functions the web bridge uses (backup/databases.ts), which validate it.
import path from 'node:path';

export interface DatabaseDialogSpec {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
}

const DATABASE_FILTER = { name: '绩效数据库（*.db）', extensions: ['db'] };

export function newDatabaseDialog(folder: string): DatabaseDialogSpec {
  return { title: '新建数据库', defaultPath: path.join(folder, '新数据库.db'), buttonLabel: '新建', filters: [DATABASE_FILTER] };
}

export function openDatabaseDialog(folder: string): DatabaseDialogSpec {
  return { title: '打开数据库', defaultPath: folder, buttonLabel: '打开', filters: [DATABASE_FILTER] };
}

/** The chosen file from either dialog's result; null when the person cancelled. */
export function chosenDatabase(result: { canceled: boolean; filePath?: string; filePaths?: string[] }): string | null {
  if (result.canceled) return null;
  return result.filePath ?? result.filePaths?.[0] ?? null;
}

/** The error box after a refused switch: the message already says what to do. */
export function switchFailure(error: unknown): { title: string; content: string } {
  return { title: '无法切换数据库', content: error instanceof Error ? error.message : String(error) };
}
