// A sample database says so itself: the audit entry written when it was made, in the same transaction
// as its setup (the log is append-only and never travels in packages, so the mark cannot be lost or
// copied, and it counts as nothing in 首页's figures). Only such a database takes the sample county, so
// real and fictitious data never mix, whichever way (app, web bridge, CLI) the generator is called.
import { and, eq } from 'drizzle-orm';
import { countRows, type Db } from '../../db/open';
import { auditLog } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { AppError } from '../errors';
import { initInstallation } from '../registry';

const SAMPLE_ENTITY = 'database';
const SAMPLE_ACTION = '新建示例数据库（虚构数据，仅供练习）';

export function isSampleDatabase(db: Db): boolean {
  return countRows(db, auditLog, and(eq(auditLog.entity, SAMPLE_ENTITY), eq(auditLog.action, SAMPLE_ACTION))) > 0;
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
  /** A county by default; a generated prefecture (jixiao generate --scale prefecture) is a sample database too. */
  role?: 'county' | 'prefecture';
  /** The sample's own operator, named after the person who opened it, without a password. */
  operatorName: string;
}

/** Sets up an empty database as a sample county (or prefecture) database, in one transaction. */
export function setUpSampleDatabase(db: Db, actor: Actor, input: SampleSetup): void {
  db.transaction((tx) => {
    initInstallation(tx, { regionCode: input.regionCode, role: input.role ?? 'county', operatorName: input.operatorName }, actor);
    recordAudit(tx, actor, { entity: SAMPLE_ENTITY, naturalKey: input.regionCode, action: SAMPLE_ACTION });
  });
}
