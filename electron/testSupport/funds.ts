// Test support for 衔接资金: a county year with two projects carrying the fund flag (庭院经济 with an
// approved target, 村道硬化 without one) and one ordinary project, and a document allocating to both.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { projects } from '../../db/schema';
import { createDocument, type FundDocument } from '../funds/records';
import { seedCounty } from './county';
import { TEST_ACTOR } from './fixtures';

export interface FundCounty {
  industry: string;
  road: string;
  ordinary: string;
  document: FundDocument;
}

/** Seeds the fund county of `year`; the document 新财农〔Y〕8号 (中央, 100 万元) gives 60 and 40 万元. */
export function seedFundCounty(db: Db, year = 2020): FundCounty {
  const { projectIds } = seedCounty(db, {
    year,
    units: [
      { code: '201001', name: '轮台县农业农村局' },
      { code: '201002', name: '轮台县乡村振兴服务中心', departmentCode: '201001' },
    ],
    projects: [
      { code: 'XC2020-001', name: '庭院经济发展项目', unitCode: '201002', funds: [{ source: '上级补助（中央）', initialFen: 60_000_000 }] },
      { code: 'XC2020-002', name: '村道硬化项目', unitCode: '201002', funds: [{ source: '上级补助（中央）', initialFen: 40_000_000 }] },
      { code: 'XC2020-003', name: '农业技术推广', unitCode: '201001', funds: [{ source: '本级财政拨款', initialFen: 10_000_000 }] },
    ],
    targets: [{ project: 'XC2020-001', status: 'approved', indicators: [{ name: '带动农户', operator: '≥', value: '30', unit: '户' }] }],
  });
  const [industry, road, ordinary] = ['XC2020-001', 'XC2020-002', 'XC2020-003'].map((code) => projectIds.get(code)!) as [string, string, string];
  db.update(projects).set({ povertyFund: true }).where(inArray(projects.id, [industry, road])).run();
  db.update(projects).set({ povertyFund: false }).where(eq(projects.id, ordinary)).run();
  const document = createDocument(db, TEST_ACTOR, {
    year,
    docNumber: `新财农〔${year}〕8号`,
    level: '中央',
    issuedOn: `${year}-03-10`,
    amount: '100',
    allocations: [
      { projectId: industry, amount: '60' },
      { projectId: road, amount: '40' },
    ],
  });
  return { industry, road, ordinary, document };
}
