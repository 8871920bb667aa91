// 衔接资金 travels up in a stage of its own: the documents with their allocation to projects, each
// project's category and beneficiaries, and its payments. Every project they name must be a 衔接资金
// project of the sender's region and year (its unit's, from a unit), and a payment's document one of
// that region's year, checked on the rows as written.
import { fundAllocations, fundDocuments, fundPayments, fundProjects } from '../../db/schema';
import { childRow, recordRow, type CrossReference, type DeclaredEntity } from '../exchange/exchange';

const incoming = 'SELECT value FROM json_each(:ids)';
const fundProjectInScope = `SELECT id FROM projects WHERE region_code = :region AND year = :year AND poverty_fund = 1 AND (:unit IS NULL OR unit_code = :unit)`;
const projectName = (column: string) => `COALESCE((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = ${column}), ${column})`;
const NOT_A_FUND_PROJECT = (project: string) => `所属的项目 ${project} 不是发送方本地区、本年度（单位上报时为本单位）的衔接资金项目`;

const projectReference = (table: string): CrossReference => ({
  outside: `SELECT r.id, ${projectName('r.project_id')} AS detail FROM ${table} r WHERE r.id IN (${incoming}) AND r.project_id NOT IN (${fundProjectInScope})`,
  refusal: NOT_A_FUND_PROJECT,
});

const documentReferences: readonly CrossReference[] = [
  {
    outside: `SELECT a.document_id AS id, ${projectName('a.project_id')} AS detail FROM fund_allocations a
      WHERE a.document_id IN (${incoming}) AND a.project_id NOT IN (${fundProjectInScope})`,
    refusal: (project) => `的资金分配指向项目 ${project}，它不是发送方本地区、本年度的衔接资金项目`,
  },
];

const paymentReferences: readonly CrossReference[] = [
  projectReference('fund_payments'),
  {
    outside: `SELECT r.id, r.document_id AS detail FROM fund_payments r WHERE r.id IN (${incoming}) AND r.document_id IS NOT NULL
      AND r.document_id NOT IN (SELECT id FROM fund_documents WHERE region_code = :region AND year = :year)`,
    refusal: (document) => `的资金文件（${document}）不是发送方本地区、本年度的资金文件`,
  },
];

const projectScope = 'project_id IN (SELECT id FROM projects WHERE region_code = :region AND year = :year)';

// 衔接资金 is the bureau's own record (documents, and payments from the budget system): no unitScope, so a
// budget unit's package carrying any of it is refused whole.
export const fundsExchange: readonly DeclaredEntity[] = [
  {
    name: 'fund-document',
    label: '衔接资金文件',
    table: 'fund_documents',
    row: recordRow(fundDocuments),
    naturalKey: ['region_code', 'year', 'doc_number'],
    stages: ['funds'],
    parents: ['project'],
    directions: ['up'],
    scope: 'region_code = :region AND year = :year',
    children: [{ table: 'fund_allocations', foreignKey: 'document_id', key: ['project_id'], row: childRow(fundAllocations) }],
    references: documentReferences,
  },
  {
    name: 'fund-project',
    label: '衔接资金项目类别与受益对象',
    table: 'fund_projects',
    row: recordRow(fundProjects),
    naturalKey: ['project_id'],
    stages: ['funds'],
    parents: ['project'],
    directions: ['up'],
    scope: projectScope,
    references: [projectReference('fund_projects')],
  },
  {
    name: 'fund-payment',
    label: '衔接资金支付',
    table: 'fund_payments',
    row: recordRow(fundPayments),
    naturalKey: ['project_id', 'voucher'],
    stages: ['funds'],
    parents: ['project', 'fund-document'],
    directions: ['up'],
    scope: projectScope,
    references: paymentReferences,
  },
];
