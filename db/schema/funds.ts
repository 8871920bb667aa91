// 衔接资金 (domain.md §10): for projects carrying the fund flag, the fund documents and each project's
// allocation from them, the project's category and beneficiaries, and its payments.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { FUND_CATEGORIES, FUND_LEVELS, PAYEE_TYPES } from '../../electron/domain/funds';
import { checkBoolean, checkCounter, checkFen, checkOneOf, checkYear, exchangedColumns, sqlNow } from './common';
import { projects } from './projects';

/** 资金文件: 文号, level, date and amount. Natural key: region + year + 文号. */
export const fundDocuments = sqliteTable(
  'fund_documents',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    docNumber: text('doc_number').notNull(),
    level: text('level', { enum: FUND_LEVELS }).notNull(),
    issuedOn: text('issued_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('fund_documents_key').on(t.regionCode, t.year, t.docNumber),
    checkYear('fund_documents'),
    checkOneOf('fund_documents', 'level', FUND_LEVELS),
    checkFen('fund_documents', 'amount_fen'),
    checkBoolean('fund_documents', 'deleted'),
  ],
);

/** What a document allocates to one project, in 分. */
export const fundAllocations = sqliteTable(
  'fund_allocations',
  {
    documentId: text('document_id').notNull().references(() => fundDocuments.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [uniqueIndex('fund_allocations_key').on(t.documentId, t.projectId), index('fund_allocations_project').on(t.projectId), checkFen('fund_allocations', 'amount_fen')],
);

/** A 衔接资金 project's category and beneficiaries (其中 脱贫户 / 监测户): one row per project. */
export const fundProjects = sqliteTable(
  'fund_projects',
  {
    ...exchangedColumns(),
    projectId: text('project_id').notNull().references(() => projects.id),
    category: text('category', { enum: FUND_CATEGORIES }),
    households: integer('households').notNull().default(0),
    people: integer('people').notNull().default(0),
    povertyHouseholds: integer('poverty_households').notNull().default(0),
    povertyPeople: integer('poverty_people').notNull().default(0),
    monitoredHouseholds: integer('monitored_households').notNull().default(0),
    monitoredPeople: integer('monitored_people').notNull().default(0),
  },
  (t) => [
    uniqueIndex('fund_projects_project').on(t.projectId),
    checkOneOf('fund_projects', 'category', FUND_CATEGORIES, { nullable: true }),
    ...['households', 'people', 'poverty_households', 'poverty_people', 'monitored_households', 'monitored_people'].map((c) => checkCounter('fund_projects', c, 0)),
    checkBoolean('fund_projects', 'deleted'),
  ],
);

/** 资金支付: one payment of a project; the 凭证号 is unique per project, so a re-imported export adds nothing. */
export const fundPayments = sqliteTable(
  'fund_payments',
  {
    ...exchangedColumns(),
    projectId: text('project_id').notNull().references(() => projects.id),
    /** The document the payment draws on (the export's 指标文号), when known: paid by document and level. */
    documentId: text('document_id').references(() => fundDocuments.id),
    paidOn: text('paid_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    payeeType: text('payee_type', { enum: PAYEE_TYPES }).notNull(),
    voucher: text('voucher').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('fund_payments_voucher').on(t.projectId, t.voucher),
    checkOneOf('fund_payments', 'payee_type', PAYEE_TYPES),
    checkFen('fund_payments', 'amount_fen'),
    checkBoolean('fund_payments', 'deleted'),
  ],
);
