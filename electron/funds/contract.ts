// Channels of 衔接资金: the county view and a project's loop, the fund documents, a project's category and
// beneficiaries, its payments, and the import of payments from the budget system's export.
import { z } from 'zod';
import { FUND_CATEGORIES } from '../domain/funds';
import { file, none, returns, text, uuid, version, year, type ContractPart, type FilePayload } from '../ipc/schema';
import type { PaymentImportPreview, PaymentImportResult } from './excel';
import type { FundDocument, FundProjectDetails, PaymentSaved } from './records';
import type { FundProjectView, FundsOverview } from './summary';

export type { PaymentImportPreview, PaymentImportRow } from './excel';
export type { FundDocument, FundPayment, FundProjectDetails, PaymentSaved } from './records';
export type { FundFigures, FundProjectRow, FundProjectView, FundsOverview } from './summary';

const count = z.number().int().min(0, '人数、户数不能为负数').max(10_000_000);
// The level and payee type are checked by the domain, which names the allowed values in Chinese.
const documentInput = z
  .object({
    year,
    docNumber: text(60),
    level: text(10),
    issuedOn: text(10),
    amount: text(30),
    allocations: z.array(z.object({ projectId: uuid, amount: text(30) }).strict()).max(500, '一个文件最多分配到 500 个项目'),
  })
  .strict();
const yearFile = file.extend({ year }).strict();

export const fundsContract = {
  'funds.overview': { permission: 'view', input: z.object({ year }).strict(), output: returns<FundsOverview>() },
  'funds.project': { permission: 'view', input: z.object({ projectId: uuid }).strict(), output: returns<FundProjectView>() },
  'funds.createDocument': { permission: 'enter', input: documentInput, output: returns<FundDocument>() },
  'funds.updateDocument': { permission: 'enter', input: documentInput.extend({ id: uuid, version }).strict(), output: returns<FundDocument>() },
  'funds.saveDetails': {
    permission: 'enter',
    input: z
      .object({
        projectId: uuid,
        version: z.number().int().min(0),
        category: z.enum(FUND_CATEGORIES).nullable(),
        households: count,
        people: count,
        povertyHouseholds: count,
        povertyPeople: count,
        monitoredHouseholds: count,
        monitoredPeople: count,
      })
      .strict(),
    output: returns<FundProjectDetails>(),
  },
  'funds.addPayment': {
    permission: 'enter',
    input: z.object({ projectId: uuid, documentId: uuid.nullable(), paidOn: text(10), amount: text(30), payeeType: text(10), voucher: text(60), note: text(400) }).strict(),
    output: returns<PaymentSaved>(),
  },
  'funds.deletePayment': { permission: 'enter', input: z.object({ id: uuid }).strict(), output: returns<null>() },
  'funds.deleteDocument': { permission: 'enter', input: z.object({ id: uuid, version }).strict(), output: returns<null>() },
  'funds.importPreview': { permission: 'enter', input: yearFile, output: returns<PaymentImportPreview>() },
  'funds.importCommit': { permission: 'enter', input: yearFile, output: returns<PaymentImportResult>() },
  'funds.template': { permission: 'view', input: none, output: returns<FilePayload>() },
  'funds.export': { permission: 'view', input: z.object({ year }).strict(), output: returns<FilePayload>() },
} as const satisfies ContractPart;
