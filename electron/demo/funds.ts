// 衔接资金 of the sample county: its fund projects get a category (产业 first, so the industry share
// lands near the 60% aim), beneficiaries with their 脱贫户 and 监测户, the year's documents of the
// centre and the county allocating what their budgets say by source, and payments through the year —
// most on schedule, a few behind the time progress, so the county view has something to point at.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { fundAllocations, projectFunds, projects } from '../../db/schema';
import type { Actor } from '../audit/audit';
import { FUND_CATEGORIES, PAYEE_TYPES, type FundCategory } from '../domain/funds';
import { wanYuanText } from '../domain/money';
import { addPayment, createDocument, saveProjectDetails } from '../funds';
import type { Random } from './random';

export interface DemoFundsSummary {
  projects: number;
  documents: number;
  payments: number;
}

/** A category from the project's name as the sample's library types word them; the rest spread over all four. */
function categoryOf(name: string, random: Random): FundCategory {
  if (/产业|种植|养殖|庭院|特色|加工/.test(name)) return '产业';
  if (/道路|饮水|水利|硬化|设施|改造|住房/.test(name)) return '基础设施';
  if (/就业|培训|公益岗|务工/.test(name)) return '就业';
  return random.pick(FUND_CATEGORIES);
}

/** The documents by level, and which fund source of a project each one pays for. */
const DOCUMENTS = [
  { level: '中央', source: '上级补助（中央）', docNumber: (y: number) => `新财农〔${y}〕8号`, issuedOn: (y: number) => `${y}-01-20` },
  { level: '县', source: '本级财政拨款', docNumber: (y: number) => `轮财农〔${y}〕3号`, issuedOn: (y: number) => `${y}-03-05` },
] as const;

export function writeDemoFunds(db: Db, actor: Actor, year: number, random: Random): DemoFundsSummary {
  const fundProjects = db.select({ id: projects.id, name: projects.name }).from(projects).where(and(eq(projects.year, year), eq(projects.povertyFund, true), eq(projects.deleted, false))).orderBy(projects.code).all();
  let documents = 0;
  for (const doc of DOCUMENTS) {
    const allocations = fundProjects.flatMap((p) => {
      const fund = db.select().from(projectFunds).where(and(eq(projectFunds.projectId, p.id), eq(projectFunds.source, doc.source))).get();
      const fen = fund ? fund.initialFen + fund.additionFen - fund.cutFen : 0;
      return fen > 0 ? [{ projectId: p.id, amount: wanYuanText(fen), fen }] : [];
    });
    if (allocations.length === 0) continue;
    const total = allocations.reduce((sum, a) => sum + a.fen, 0);
    createDocument(db, actor, { year, docNumber: doc.docNumber(year), level: doc.level, issuedOn: doc.issuedOn(year), amount: wanYuanText(total), allocations: allocations.map(({ projectId, amount }) => ({ projectId, amount })) });
    documents++;
  }
  let payments = 0;
  fundProjects.forEach((p, index) => {
    const households = random.int(20, 300);
    const people = households * random.int(3, 5);
    const poverty = Math.round(households * random.int(30, 70) / 100);
    const monitored = Math.round(households * random.int(2, 10) / 100);
    saveProjectDetails(db, actor, {
      projectId: p.id,
      version: 0,
      category: index % 3 === 2 ? '基础设施' : categoryOf(p.name, random),
      households,
      people,
      povertyHouseholds: poverty,
      povertyPeople: Math.min(people, poverty * 4),
      monitoredHouseholds: monitored,
      monitoredPeople: Math.min(people, monitored * 4),
    });
    payments += writeDemoPayments(db, actor, year, p.id, index, random);
  });
  return { projects: fundProjects.length, documents, payments };
}

/**
 * Payments from spring to autumn, to a share of the allocation, each drawing on one of the documents that
 * fund the project in turn (so the county view's 按资金文件 adds up): one project in four lags well behind.
 */
function writeDemoPayments(db: Db, actor: Actor, year: number, projectId: string, index: number, random: Random): number {
  const allocations = db.select().from(fundAllocations).where(eq(fundAllocations.projectId, projectId)).orderBy(fundAllocations.documentId).all();
  const share = index % 4 === 1 ? random.int(20, 45) : random.int(80, 100);
  const count = random.int(2, 4);
  let payments = 0;
  for (let n = 0; n < count; n++) {
    const allocation = allocations[n % allocations.length];
    if (!allocation) break;
    const drawsOnIt = Math.ceil((count - (n % allocations.length)) / allocations.length);
    const slice = Math.floor((allocation.amountFen * share) / 100 / drawsOnIt / 100) * 100;
    const month = String(4 + n * 2).padStart(2, '0');
    addPayment(db, actor, {
      projectId,
      documentId: allocation.documentId,
      paidOn: `${year}-${month}-${String(random.int(5, 25)).padStart(2, '0')}`,
      amount: wanYuanText(slice),
      payeeType: random.pick(PAYEE_TYPES),
      voucher: `PZ${year}-${String(index + 1).padStart(3, '0')}-${n + 1}`,
      note: '',
    });
    payments++;
  }
  return payments;
}
