// A library version file (指标库版本文件, JSON): the form the starter library ships in
// (assets/library/starter-library.json) and is applied from, into an empty library. A prefecture's library
// never travels as such a file: anyone can write one, so it comes as a signed library update package
// (exchange/, kind library-update) from the registered prefecture. A file claiming any other source is
// refused, whatever its number.
import { z } from 'zod';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryVersions } from '../../db/schema';
import { INDICATOR_CODE, STARTER_SOURCE, checkLibraryIndicator, checkProjectType, sameIndicatorContent, type LibraryStatus } from '../domain/library';
import { ACCRUALS, defaultAccrual, OPERATORS, type IndicatorOperator } from '../domain/indicators';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { MAX_COUNTER_STEP } from '../exchange/exchange';
import { indicatorWriter, projectTypeWriter } from './bulk';
import { allIndicators, libraryFramework } from './indicators';
import { listProjectTypes } from './projectTypes';
import { openLibraryVersion } from './versions';

export const PACKAGE_FORMAT = 'jixiao-library';
export const PACKAGE_FORMAT_VERSION = 1;

const textField = (max: number) => z.string().max(max);

const packageSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  version: z.number().int().positive(),
  /** The issuer's region code, or "starter" for the library shipped with the software. */
  source: textField(20).min(1),
  sourceName: textField(60).default(''),
  publishedAt: textField(40).optional(),
  note: textField(500).default(''),
  projectTypes: z
    .array(z.object({ code: textField(12), name: textField(40), sector: textField(20), description: textField(200).default('') }))
    .max(10_000),
  indicators: z
    .array(
      z.object({
        code: textField(40),
        projectTypeCode: textField(12),
        level1: textField(20),
        level2: textField(20),
        name: textField(100),
        operator: textField(4),
        referenceValue: textField(60),
        unit: textField(20).default(''),
        definition: textField(500).default(''),
        basis: textField(10),
        /** Files from before accrual kinds existed have none: the default from unit and level 2 applies. */
        accrual: z.enum(ACCRUALS).optional(),
        status: z.enum(['accepted', 'retired']),
      }),
    )
    .max(200_000),
});

export type LibraryPackage = z.infer<typeof packageSchema>;
type PackageIndicator = LibraryPackage['indicators'][number];

/** Reads a library version file; a file that is not one is refused with what is wrong with it. */
export function readLibraryPackage(bytes: Uint8Array): LibraryPackage {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('BAD_FILE', '该文件不是指标库版本文件（应为本软件导出的 .json 文件）');
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (head?.format !== PACKAGE_FORMAT) throw new AppError('BAD_FILE', '该文件不是指标库版本文件（应为本软件导出的 .json 文件）');
  if (typeof head.formatVersion === 'number' && head.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new AppError('BAD_FILE', `该文件由更新版本的绩效软件导出（格式第 ${head.formatVersion} 版），请先升级本软件`);
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('BAD_FILE', `指标库版本文件内容不完整：${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

export type ChangeAction = 'create' | 'update' | 'unchanged';
export type Tally = Record<ChangeAction, number>;

export interface PackageChange {
  kind: '项目类型' | '指标';
  code: string;
  name: string;
  action: ChangeAction;
}

export interface PackagePreview {
  version: number;
  source: string;
  sourceName: string;
  note: string;
  publishedAt: string | null;
  projectTypes: Tally;
  indicators: Tally;
  /** What would be created or updated (unchanged records are only counted). */
  changes: PackageChange[];
  /** What is wrong inside the file; any problem blocks applying it. */
  problems: string[];
  /** Why the whole file cannot be applied here (stale, or this installation's own). */
  refusal: string | null;
}

interface Plan extends PackagePreview {
  typeWrites: LibraryPackage['projectTypes'];
  indicatorWrites: PackageIndicator[];
}

const tally = (): Tally => ({ create: 0, update: 0, unchanged: 0 });

function refusalFor(db: Db, pkg: LibraryPackage): string | null {
  if (pkg.source !== STARTER_SOURCE) {
    return `该文件自称来自 ${pkg.sourceName || pkg.source}。州级下发的指标库只接受州财政局签名的“指标库更新包”：请在“数据交换”中导入州级导出的更新包`;
  }
  const applied = db.select({ v: max(libraryVersions.sourceVersion) }).from(libraryVersions).where(eq(libraryVersions.source, pkg.source)).get()?.v ?? null;
  if (applied !== null && pkg.version <= applied) return `已导入过初始指标库的第 ${applied} 版，不能再导入第 ${pkg.version} 版`;
  if (pkg.version > (applied ?? 0) + MAX_COUNTER_STEP) return `初始指标库的版本号 ${pkg.version} 超前 ${MAX_COUNTER_STEP} 以上，不是随软件提供的文件`;
  return null;
}

function checkPackage(db: Db, pkg: LibraryPackage): string[] {
  const problems: string[] = [];
  const fw = libraryFramework(db);
  const typeCodes = new Set(listProjectTypes(db).map((t) => t.code));
  const seenTypes = new Set<string>();
  for (const type of pkg.projectTypes) {
    const found = checkProjectType(type);
    if (hasErrors(found)) problems.push(`项目类型 ${type.code}：${Object.values(found).join('；')}`);
    if (seenTypes.has(type.code)) problems.push(`项目类型 ${type.code} 重复出现`);
    seenTypes.add(type.code);
    typeCodes.add(type.code);
  }
  const seen = new Set<string>();
  for (const indicator of pkg.indicators) {
    const where = `指标 ${indicator.code}（${indicator.name}）`;
    if (!INDICATOR_CODE.test(indicator.code)) problems.push(`${where}：指标编码格式不正确`);
    if (seen.has(indicator.code)) problems.push(`${where}：指标编码重复出现`);
    seen.add(indicator.code);
    if (!typeCodes.has(indicator.projectTypeCode)) problems.push(`${where}：项目类型 ${indicator.projectTypeCode} 不在文件和本机中`);
    const found = checkLibraryIndicator(asDraft(indicator), fw);
    if (hasErrors(found)) problems.push(`${where}：${Object.values(found).join('；')}`);
  }
  return problems;
}

const asDraft = (i: PackageIndicator) => ({
  ...i,
  operator: (OPERATORS as readonly string[]).includes(i.operator) ? (i.operator as IndicatorOperator) : ('' as const),
  accrual: i.accrual ?? defaultAccrual(i),
});

function plan(db: Db, pkg: LibraryPackage): Plan {
  const types = new Map(listProjectTypes(db).map((t) => [t.code, t]));
  const indicators = new Map(allIndicators(db).map((i) => [i.code, i]));
  const result: Plan = {
    version: pkg.version,
    source: pkg.source,
    sourceName: pkg.sourceName,
    note: pkg.note,
    publishedAt: pkg.publishedAt ?? null,
    projectTypes: tally(),
    indicators: tally(),
    changes: [],
    problems: checkPackage(db, pkg),
    refusal: refusalFor(db, pkg),
    typeWrites: [],
    indicatorWrites: [],
  };
  for (const type of pkg.projectTypes) {
    const before = types.get(type.code);
    const action: ChangeAction = !before ? 'create' : before.name === type.name && before.sector === type.sector && before.description === type.description ? 'unchanged' : 'update';
    result.projectTypes[action]++;
    if (action === 'unchanged') continue;
    result.changes.push({ kind: '项目类型', code: type.code, name: type.name, action });
    result.typeWrites.push(type);
  }
  for (const indicator of pkg.indicators) {
    const before = indicators.get(indicator.code);
    const same = before && before.status === indicator.status && sameIndicatorContent(before, asDraft(indicator));
    const action: ChangeAction = !before ? 'create' : same ? 'unchanged' : 'update';
    result.indicators[action]++;
    if (action === 'unchanged') continue;
    result.changes.push({ kind: '指标', code: indicator.code, name: indicator.name, action });
    result.indicatorWrites.push(indicator);
  }
  return result;
}

const previewOf = ({ typeWrites: _types, indicatorWrites: _indicators, ...preview }: Plan): PackagePreview => preview;

export interface PackageResult extends PackagePreview {
  /** The local library version the file was recorded as. */
  libraryVersion: number;
}

/** Applies a library version file in one transaction; refused as a whole when the dry run shows a problem. */
export function applyLibraryPackage(db: Db, actor: Actor, pkg: LibraryPackage, fileName: string): PackageResult {
  const planned = plan(db, pkg);
  if (planned.refusal) throw new AppError('CONFLICT', planned.refusal);
  if (planned.problems.length) throw new AppError('BAD_FILE', `指标库版本文件有 ${planned.problems.length} 处问题，未导入：${planned.problems.slice(0, 3).join('；')}`);
  const writeType = projectTypeWriter(db);
  const writeIndicator = indicatorWriter(db);
  const libraryVersion = db.transaction((tx) => {
    const issuer = pkg.sourceName || pkg.source;
    const version = openLibraryVersion(tx, actor, { note: pkg.note || `${issuer}第 ${pkg.version} 版`, source: pkg.source, sourceVersion: pkg.version });
    for (const type of planned.typeWrites) writeType(type);
    for (const indicator of planned.indicatorWrites) {
      writeIndicator({ ...asDraft(indicator), status: indicator.status satisfies LibraryStatus, libraryVersion: version, proposedBy: null });
    }
    recordAudit(tx, actor, {
      entity: 'library_version',
      naturalKey: String(version),
      action: '导入指标库版本',
      after: { fileName, source: pkg.source, sourceVersion: pkg.version, projectTypes: planned.projectTypes, indicators: planned.indicators },
    });
    return version;
  });
  return { ...previewOf(planned), libraryVersion };
}

