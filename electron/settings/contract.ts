// Channels of 设置: application info, settings, backup and restore, the audit log.
import { z } from 'zod';
import type { AuditPage } from '../audit/audit';
import type { BackupFile } from '../backup/backup';
import type { RecentDatabase } from '../backup/databaseFiles';
import type { DatabaseInfo, SampleOpened } from '../backup/databases';
import type { DatabaseChecks, IntegrityReport } from '../backup/integrity';
import { file, isoDate, none, returns, text, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { SettingView } from './settings';
export type { AuditFilter } from '../audit/audit';
export type { BackupFile } from '../backup/backup';
export type { RecentDatabase } from '../backup/databaseFiles';
export type { DatabaseChecks, FullCheck, IntegrityReport } from '../backup/integrity';
export type { SettingView } from './settings';

const auditFilter = z.object({ entity: text(40).optional(), naturalKey: text(400).optional(), from: isoDate.optional(), to: isoDate.optional() });

const settingChange = z.object({ key: text(80), value: z.union([z.string().max(200), z.number(), z.array(z.number()).max(12)]) }).strict();

export const settingsContract = {
  'app.info': { permission: 'public', input: none, output: returns<{ version: string; dbPath: string; transport: string }>() },

  'settings.list': { permission: 'view', input: none, output: returns<SettingView[]>() },
  'settings.update': { permission: 'settings.manage', input: settingChange, output: returns<SettingView>() },
  /** Settings that must agree (the weights that total 100) are saved and reset together. */
  'settings.updateMany': { permission: 'settings.manage', input: z.object({ changes: z.array(settingChange).min(1).max(20) }).strict(), output: returns<SettingView[]>() },
  'settings.reset': { permission: 'settings.manage', input: z.object({ key: text(80) }).strict(), output: returns<SettingView>() },
  'settings.resetMany': { permission: 'settings.manage', input: z.object({ keys: z.array(text(80)).min(1).max(20) }).strict(), output: returns<SettingView[]>() },

  'database.current': { permission: 'public', input: none, output: returns<DatabaseInfo>() },
  'database.recent': { permission: 'public', input: none, output: returns<RecentDatabase[]>() },
  'database.open': { permission: 'database.switch', input: z.object({ path: text(1000) }).strict(), output: returns<DatabaseInfo>() },
  'database.create': { permission: 'database.switch', input: z.object({ path: text(1000) }).strict(), output: returns<DatabaseInfo>() },
  'database.openSample': { permission: 'view', input: z.object({ year }).strict(), output: returns<SampleOpened>() },
  'database.leaveSample': { permission: 'public', input: none, output: returns<DatabaseInfo>() },

  /** The full integrity check, on demand (opening runs only the quick one), kept in the log. */
  'database.integrityCheck': { permission: 'view', input: none, output: returns<IntegrityReport>() },
  /** How the last session closed the file, when this one opened it, and its last full check. */
  'database.checks': { permission: 'view', input: none, output: returns<DatabaseChecks>() },

  'backup.list': { permission: 'view', input: none, output: returns<BackupFile[]>() },
  'backup.create': { permission: 'backup.manage', input: none, output: returns<BackupFile>() },
  'backup.download': { permission: 'backup.manage', input: z.object({ name: text(255) }).strict(), output: returns<FilePayload>() },
  'backup.restore': { permission: 'backup.manage', input: z.object({ name: text(255) }).strict(), output: returns<{ safetyBackup: string }>() },
  'backup.upload': { permission: 'backup.manage', input: file, output: returns<BackupFile>() },

  'audit.list': {
    permission: 'view',
    input: auditFilter.extend({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }).strict(),
    output: returns<AuditPage>(),
  },
  'audit.export': { permission: 'view', input: auditFilter.strict(), output: returns<FilePayload>() },
} as const satisfies ContractPart;

/** Switching files works before sign-in too: the operators of one database mean nothing in another. */
export const settingsPublicChannels = ['app.info', 'database.current', 'database.recent', 'database.open', 'database.create', 'database.leaveSample'] as const;
