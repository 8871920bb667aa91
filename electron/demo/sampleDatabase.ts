// A sample database says so itself: a row in its settings table that no settings screen shows or
// changes. Only such a database takes the sample county, so real data and fictitious data never mix,
// whichever way (app, web bridge, CLI) the generator is called.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { settings } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { AppError } from '../errors';
import { initInstallation } from '../registry/setup';

const SAMPLE_MARK_KEY = 'database.kind';
const SAMPLE_MARK_VALUE = JSON.stringify('sample');

export function isSampleDatabase(db: Db): boolean {
  return db.select().from(settings).where(eq(settings.key, SAMPLE_MARK_KEY)).get()?.value === SAMPLE_MARK_VALUE;
}

export function requireSampleDatabase(db: Db): void {
  if (isSampleDatabase(db)) return;
  throw new AppError(
    'CONFLICT',
    '这是正式数据库，示例数据不会写入正式数据库。请在“文件 → 打开示例数据库”中打开单独的示例数据库（命令行：jixiao --db 示例.db demo --region 652822 --year 2020）',
  );
}

export interface SampleSetup {
  regionCode: string;
  /** The sample's own operator, named after the person who opened it, without a password. */
  operatorName: string;
}

/** Sets up an empty database as a sample county database, in one transaction. */
export function setUpSampleDatabase(db: Db, actor: Actor, input: SampleSetup): void {
  db.transaction((tx) => {
    initInstallation(tx, { regionCode: input.regionCode, role: 'county', operatorName: input.operatorName }, actor);
    tx.insert(settings).values({ key: SAMPLE_MARK_KEY, value: SAMPLE_MARK_VALUE }).run();
    recordAudit(tx, actor, { entity: 'database', naturalKey: input.regionCode, action: '新建示例数据库（虚构数据，仅供练习）' });
  });
}
