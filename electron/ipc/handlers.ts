// Wires every channel of the contract to its service. Adding a channel without a handler here is a
// type error, so the contract and the implementation cannot drift apart.
import fs from 'node:fs';
import { acceptUploadedBackup, backupByName, createBackup, listBackups, restoreBackup } from '../backup/backup';
import { listAudit } from '../audit/audit';
import { createOperator, listOperators, signIn } from '../registry/operators';
import { addRegion, listRegions, seedRegions } from '../registry/regions';
import { initInstallation, setupStatus, stats } from '../registry/setup';
import { createUnit, listUnits, setUnitActive, updateUnit } from '../registry/units';
import { commitUnitImport, exportUnits, previewUnitImport, unitTemplate } from '../registry/unitsXlsx';
import { listSettings, resetSetting, updateSetting } from '../settings/settings';
import { AppError } from '../errors';
import { actorOf, type CallContext } from './context';
import type { FilePayload } from './contract';
import type { Handlers } from './router';

const db = (ctx: CallContext) => ctx.app.store().db;
const actor = (ctx: CallContext) => actorOf(ctx.session);

export const decodeFile = (file: FilePayload): Uint8Array => {
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (bytes.byteLength === 0) throw new AppError('BAD_FILE', `文件“${file.fileName}”是空的`);
  return bytes;
};
const encodeFile = (fileName: string, bytes: Uint8Array): FilePayload => ({
  fileName,
  dataBase64: Buffer.from(bytes).toString('base64'),
});

const today = () => new Date().toISOString().slice(0, 10);

export const handlers: Handlers = {
  'app.info': (_, ctx) => ({ version: ctx.app.version, dbPath: ctx.app.store().path, transport: ctx.transport }),

  'setup.status': (_, ctx) => setupStatus(db(ctx)),
  'setup.init': (input, ctx) => {
    const installation = initInstallation(db(ctx), input);
    const [first] = listOperators(db(ctx));
    ctx.session.operator = first ?? null;
    return installation;
  },

  'session.signIn': (input, ctx) => {
    ctx.session.operator = signIn(db(ctx), input.operatorId, input.password);
    return ctx.session.operator;
  },
  'session.current': (_, ctx) => ctx.session.operator,
  'session.signOut': (_, ctx) => {
    ctx.session.operator = null;
    return null;
  },

  'operators.list': (_, ctx) => listOperators(db(ctx)),
  'operators.create': (input, ctx) => createOperator(db(ctx), actor(ctx), input),

  'regions.list': (_, ctx) => {
    seedRegions(db(ctx));
    return listRegions(db(ctx));
  },
  'regions.add': (input, ctx) => addRegion(db(ctx), actor(ctx), input),

  'stats.get': (_, ctx) => stats(db(ctx)),

  'units.list': (_, ctx) => listUnits(db(ctx)),
  'units.create': (input, ctx) => createUnit(db(ctx), actor(ctx), input),
  'units.update': (input, ctx) => updateUnit(db(ctx), actor(ctx), input),
  'units.setActive': (input, ctx) => setUnitActive(db(ctx), actor(ctx), input),
  'units.importPreview': (input, ctx) => previewUnitImport(db(ctx), input.fileName, decodeFile(input)),
  'units.importCommit': (input, ctx) => commitUnitImport(db(ctx), actor(ctx), input.fileName, decodeFile(input)),
  'units.export': (_, ctx) => encodeFile(`预算单位-${today()}.xlsx`, exportUnits(db(ctx))),
  'units.template': () => encodeFile('预算单位导入模板.xlsx', unitTemplate()),

  'settings.list': (_, ctx) => listSettings(db(ctx)),
  'settings.update': (input, ctx) => updateSetting(db(ctx), actor(ctx), input.key, input.value),
  'settings.reset': (input, ctx) => resetSetting(db(ctx), actor(ctx), input.key),

  'backup.list': (_, ctx) => listBackups(ctx.app.store()),
  'backup.create': (_, ctx) => createBackup(ctx.app.store(), actor(ctx)),
  'backup.download': (input, ctx) => {
    const file = backupByName(ctx.app.store(), input.name);
    return encodeFile(input.name, fs.readFileSync(file));
  },
  'backup.restore': (input, ctx) => {
    const { store, safetyBackup } = restoreBackup(ctx.app.store(), actor(ctx), backupByName(ctx.app.store(), input.name));
    ctx.app.replaceStore(store);
    return { safetyBackup };
  },
  'backup.upload': (input, ctx) => acceptUploadedBackup(ctx.app.store(), input.fileName, decodeFile(input)),

  'audit.list': (input, ctx) => listAudit(db(ctx), input),
};
