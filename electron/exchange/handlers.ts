// Handlers of the 数据交换 channels.
import fs from 'node:fs';
import path from 'node:path';
import { actorIn as actor } from '../ipc/callContext';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import { requireInstallation } from '../registry';
import type { exchangeContract } from './contract';
import { outboxPath, saveUpload } from './files';
import { identityView, listPeers, packageHistory } from './history';
import { importPackage } from './incoming';
import { exchangeOptions } from './options';
import { exportReport, exportReply, exportReceipt, previewExport, type WrittenPackage } from './outgoing';

const download = (written: WrittenPackage) => ({ written, file: encodeFile(path.basename(written.file), fs.readFileSync(written.file)) });

export const exchangeHandlers: HandlersFor<typeof exchangeContract> = {
  'exchange.identity': (_, ctx) => identityView(ctx.app.store()),
  'exchange.options': (_, ctx) => exchangeOptions(ctx.app.store()),
  'exchange.history': (input, ctx) => packageHistory(ctx.app.store(), input.direction),
  'exchange.peers': (_, ctx) => listPeers(ctx.app.store()),
  'exchange.exportPreview': (input, ctx) => previewExport(ctx.app.store(), input),
  'exchange.export': (input, ctx) => {
    const store = ctx.app.store();
    const { role, region } = requireInstallation(store.db);
    const replying = role === 'prefecture' || (role === 'county' && input.unit !== undefined);
    const out = outboxPath(store, [replying ? 'reply' : 'report', region.code, input.county ?? input.unit, input.year, input.stage]);
    const options = { year: input.year, stage: input.stage, full: input.full, out };
    const written = replying ? exportReply(store, actor(ctx), { ...options, county: input.county, unit: input.unit }) : exportReport(store, actor(ctx), options);
    return download(written);
  },
  'exchange.preview': (input, ctx) => {
    const store = ctx.app.store();
    return importPackage(store, actor(ctx), saveUpload(store, input.file.fileName, decodeFile(input.file)), { dryRun: true, trust: input.trust, fileName: input.file.fileName });
  },
  'exchange.import': (input, ctx) => {
    const store = ctx.app.store();
    return importPackage(store, actor(ctx), saveUpload(store, input.file.fileName, decodeFile(input.file)), { dryRun: false, trust: input.trust, fileName: input.file.fileName });
  },
  'exchange.receipt': (input, ctx) => {
    const store = ctx.app.store();
    return download(exportReceipt(store, actor(ctx), input.packageId, outboxPath(store, ['receipt', input.packageId.slice(0, 8)])));
  },
};
