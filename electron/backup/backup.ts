// Manual backup and restore from 设置. Backups are consistent copies (VACUUM INTO) kept in a `backups`
// folder beside the database; a restore first backs up the current data, so it can itself be undone.
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, backupFolder, defaultBackupPath, inspectBackup, restoreDatabase, type Store } from '../../db/open';
import { unusedName, writeFailureReason } from '../../db/files';
import { openAppStore } from '../appStore';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { carryOverIdentity } from '../exchange';
import { requireIntact } from './integrity';

export interface BackupFile {
  name: string;
  path: string;
  size: number;
  modifiedAt: string;
}

const BACKUP_NAME = /^[\w.\-\u4e00-\u9fa5]+\.db$/;

function describe(file: string): BackupFile {
  const stat = fs.statSync(file);
  return { name: path.basename(file), path: file, size: stat.size, modifiedAt: stat.mtime.toISOString() };
}

export function listBackups(store: Store): BackupFile[] {
  const folder = backupFolder(store.path);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => describe(path.join(folder, name)))
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

export function createBackup(store: Store, actor: Actor, target?: string): BackupFile {
  requireIntact(store);
  const file = backupDatabase(store.sqlite, target ? path.resolve(target) : defaultBackupPath(store.path, 'manual'));
  recordAudit(store.db, actor, { entity: 'database', naturalKey: path.basename(store.path), action: '手动备份', after: { file } });
  return describe(file);
}

/** Resolves a backup by its file name inside the backups folder; names cannot reach outside it. */
export function backupByName(store: Store, name: string): string {
  if (!BACKUP_NAME.test(name) || name.includes('..')) throw new AppError('INVALID_INPUT', '备份文件名不正确');
  const file = path.join(backupFolder(store.path), name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份“${name}”，请刷新列表`);
  return file;
}

/** Puts an uploaded backup into the backups folder after checking that it is a usable database. */
export function acceptUploadedBackup(store: Store, fileName: string, bytes: Uint8Array): BackupFile {
  const folder = backupFolder(store.path);
  fs.mkdirSync(folder, { recursive: true });
  const safeBase = path.basename(fileName).replace(/[^\w.\-\u4e00-\u9fa5]/g, '_').replace(/\.db$/, '');
  const target = unusedName(path.join(folder, `uploaded-${Date.now()}-${safeBase}.db`));
  const staging = `${target}.part`;
  try {
    fs.writeFileSync(staging, bytes);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    throw new AppError('BAD_FILE', `无法保存上传的备份“${fileName}”：${writeFailureReason(error)}。没有留下不完整的文件；请腾出空间后重试。`);
  }
  try {
    inspectBackup(staging);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    // The check names the file it read, a staging copy the user never saw: name the one they chose.
    throw new AppError('BAD_FILE', (error as Error).message.replaceAll(staging, fileName));
  }
  fs.renameSync(staging, target);
  return describe(target);
}

/**
 * Replaces the live database with a backup. The current data is backed up first; the caller receives
 * the reopened store and must use it from now on.
 */
export function restoreBackup(store: Store, actor: Actor, file: string): { store: Store; safetyBackup: string } {
  let result: { store: Store; safetyBackup: string };
  try {
    result = restoreDatabase(store, file, { reopen: openAppStore, carryOver: carryOverIdentity });
  } catch (error) {
    throw new AppError('STORE', (error as Error).message);
  }
  recordAudit(result.store.db, actor, {
    entity: 'database',
    naturalKey: path.basename(store.path),
    action: '从备份恢复',
    after: { from: file, safetyBackup: result.safetyBackup },
  });
  return result;
}
