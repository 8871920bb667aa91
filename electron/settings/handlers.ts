// Handlers of the 设置 channels.
import fs from 'node:fs';
import { auditPage, auditWorkbook, recordAudit } from '../audit/audit';
import { createDatabaseFile, databaseInfo, leaveSampleCounty, openDatabaseFile, openSampleCounty, readRecentDatabases } from '../backup/databases';
import { acceptUploadedBackup, backupByName, createBackup, listBackups, restoreBackup } from '../backup/backup';
import { checkIntegrityFor, databaseChecks } from '../backup/integrity';
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { localDate } from '../domain/clock';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { settingsContract } from './contract';
import { listSettings, resetSetting, resetSettings, updateSetting, updateSettings } from './settings';

export const settingsHandlers: HandlersFor<typeof settingsContract> = {
  'app.info': (_, ctx) => ({ version: ctx.app.version, dbPath: ctx.app.store().path, transport: ctx.transport }),

  'settings.list': (_, ctx) => listSettings(db(ctx)),
  'settings.update': (input, ctx) => updateSetting(db(ctx), actor(ctx), input.key, input.value),
  'settings.updateMany': (input, ctx) => updateSettings(db(ctx), actor(ctx), input.changes),
  'settings.reset': (input, ctx) => resetSetting(db(ctx), actor(ctx), input.key),
  'settings.resetMany': (input, ctx) => resetSettings(db(ctx), actor(ctx), input.keys),

  'database.current': (_, ctx) => databaseInfo(ctx.app.store()),
  'database.recent': (_, ctx) => readRecentDatabases(ctx.app.dataDir),
  'database.open': (input, ctx) => openDatabaseFile(ctx.app, ctx.session, input.path),
  'database.create': (input, ctx) => createDatabaseFile(ctx.app, ctx.session, input.path),
  'database.openSample': (input, ctx) => openSampleCounty(ctx.app, ctx.session, input.year),
  'database.leaveSample': (_, ctx) => leaveSampleCounty(ctx.app, ctx.session),

  'database.integrityCheck': (_, ctx) => checkIntegrityFor(ctx.app.store(), actor(ctx)),
  'database.checks': (_, ctx) => databaseChecks(ctx.app.store()),
  'backup.list': (_, ctx) => listBackups(ctx.app.store()),
  'backup.create': (_, ctx) => createBackup(ctx.app.store(), actor(ctx)),
  'backup.download': (input, ctx) => {
    const bytes = fs.readFileSync(backupByName(ctx.app.store(), input.name));
    // A downloaded backup is the whole database leaving the PC: the trail says who took it.
    recordAudit(db(ctx), actor(ctx), { entity: 'database', naturalKey: input.name, action: '下载备份' });
    return encodeFile(input.name, bytes);
  },
  'backup.restore': (input, ctx) => {
    const { store, safetyBackup } = restoreBackup(ctx.app.store(), actor(ctx), backupByName(ctx.app.store(), input.name));
    ctx.app.replaceStore(store);
    return { safetyBackup };
  },
  'backup.upload': (input, ctx) => {
    const accepted = acceptUploadedBackup(ctx.app.store(), input.fileName, decodeFile(input));
    recordAudit(db(ctx), actor(ctx), { entity: 'database', naturalKey: accepted.name, action: '上传备份', after: { fileName: input.fileName } });
    return accepted;
  },

  'audit.list': (input, ctx) => auditPage(db(ctx), input),
  'audit.export': (input, ctx) => encodeFile(`操作日志-${localDate()}.xlsx`, auditWorkbook(db(ctx), input)),
};
