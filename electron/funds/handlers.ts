// Handlers of the 衔接资金 channels.
import { localDate } from '../domain/clock';
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { decodeFile, encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { fundsContract } from './contract';
import { commitPaymentImport, paymentTemplate, previewPaymentImport } from './excel';
import { addPayment, createDocument, deleteDocument, deletePayment, saveProjectDetails, updateDocument } from './records';
import { overviewWorkbook } from './report';
import { fundProjectView, fundsOverview } from './summary';

export const fundsHandlers: HandlersFor<typeof fundsContract> = {
  'funds.overview': (input, ctx) => fundsOverview(db(ctx), input.year),
  'funds.project': (input, ctx) => fundProjectView(db(ctx), input.projectId),
  'funds.createDocument': (input, ctx) => createDocument(db(ctx), actor(ctx), input),
  'funds.updateDocument': (input, ctx) => updateDocument(db(ctx), actor(ctx), input),
  'funds.saveDetails': (input, ctx) => saveProjectDetails(db(ctx), actor(ctx), input),
  'funds.addPayment': (input, ctx) => addPayment(db(ctx), actor(ctx), input),
  'funds.deletePayment': (input, ctx) => {
    deletePayment(db(ctx), actor(ctx), input);
    return null;
  },
  'funds.deleteDocument': (input, ctx) => {
    deleteDocument(db(ctx), actor(ctx), input);
    return null;
  },
  'funds.importPreview': (input, ctx) => previewPaymentImport(db(ctx), input.year, input.fileName, decodeFile(input)),
  'funds.importCommit': (input, ctx) => commitPaymentImport(db(ctx), actor(ctx), input.year, input.fileName, decodeFile(input)),
  'funds.template': () => encodeFile('衔接资金支付导入模板.xlsx', paymentTemplate()),
  'funds.export': (input, ctx) => encodeFile(`${input.year}年衔接资金-${localDate()}.xlsx`, overviewWorkbook(fundsOverview(db(ctx), input.year))),
};
