// Channels of 设置: application info, settings, backup and restore, the audit log.
import { z } from 'zod';
import type { AuditRow } from '../audit/audit';
import type { BackupFile } from '../backup/backup';
import { file, none, returns, text, type ContractPart, type FilePayload } from '../ipc/schema';
import type { SettingView } from './settings';

export const settingsContract = {
  'app.info': { input: none, output: returns<{ version: string; dbPath: string; transport: string }>() },

  'settings.list': { input: none, output: returns<SettingView[]>() },
  'settings.update': {
    input: z.object({ key: text(80), value: z.union([z.string().max(200), z.number(), z.array(z.number()).max(12)]) }).strict(),
    output: returns<SettingView>(),
  },
  'settings.reset': { input: z.object({ key: text(80) }).strict(), output: returns<SettingView>() },

  'backup.list': { input: none, output: returns<BackupFile[]>() },
  'backup.create': { input: none, output: returns<BackupFile>() },
  'backup.download': { input: z.object({ name: text(255) }).strict(), output: returns<FilePayload>() },
  'backup.restore': { input: z.object({ name: text(255) }).strict(), output: returns<{ safetyBackup: string }>() },
  'backup.upload': { input: file, output: returns<BackupFile>() },

  'audit.list': {
    input: z
      .object({ entity: text(40).optional(), naturalKey: text(120).optional(), limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
    output: returns<AuditRow[]>(),
  },
} as const satisfies ContractPart;

export const settingsPublicChannels = ['app.info'] as const;
