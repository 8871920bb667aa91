// A library version as a file (指标库版本文件, JSON): what a prefecture issues to its counties and a
// county applies. It carries the project types and the published indicators (已入库 and 停用, so that
// retirements travel). Applying it is previewed first (created / updated / unchanged), refuses stale or
// own packages, and records a local version that keeps the issuer and the issuer's number.
// The signed exchange package wraps the same payload; this is the file path and the data model.
import { z } from 'zod';
import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { libraryVersions } from '../../db/schema';
import { INDICATOR_CODE, checkLibraryIndicator, checkProjectType, sameIndicatorContent, type LibraryStatus } from '../domain/library';
import { ACCRUALS, defaultAccrual, OPERATORS, type IndicatorOperator } from '../domain/indicators';
import { hasErrors } from '../domain/registry';
import { AppError } from '../errors';
import { recordAudit, type Actor } from '../audit/audit';
import { requireInstallation } from '../registry';
import { indicatorWriter, projectTypeWriter } from './bulk';
import { allIndicators, libraryFramework } from './indicators';
import { listProjectTypes } from './projectTypes';
import { listLibraryVersions, openLibraryVersion } from './versions';

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

/** The library as it stands, as the version file a prefecture issues to its counties. */
export function libraryPackage(db: Db): LibraryPackage {
  const { region } = requireInstallation(db);
  const [latest] = listLibraryVersions(db);
  if (!latest) throw new AppError('CONFLICT', '指标库还没有发布过版本：请先确认入库至少一条指标');
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    version: latest.version,
    source: region.code,
    sourceName: region.name,
    publishedAt: latest.publishedAt,
    note: latest.note,
    projectTypes: listProjectTypes(db).map(({ code, name, sector, description }) => ({ code, name, sector, description })),
    indicators: allIndicators(db)
      .filter((i) => i.status === 'accepted' || i.status === 'retired')
      .map(({ code, projectTypeCode, level1, level2, name, operator, referenceValue, unit, definition, basis, accrual, status }) => ({
        code, projectTypeCode, level1, level2, name, operator, referenceValue, unit, definition, basis, accrual,
        status: status as 'accepted' | 'retired',
      })),
  };
}

export const encodeLibraryPackage = (pkg: LibraryPackage): Uint8Array => new TextEncoder().encode(`${JSON.stringify(pkg, null, 2)}\n`);

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
  const { region } = requireInstallation(db);
  if (pkg.source === region.code) return '这是本机导出的指标库版本，不需要导入本机';
  const applied = db
    .select()
    .from(libraryVersions)
    .where(and(eq(libraryVersions.source, pkg.source), gte(libraryVersions.sourceVersion, pkg.version)))
    .get();
  if (!applied) return null;
  const issuer = pkg.sourceName || pkg.source;
  return applied.sourceVersion === pkg.version
    ? `已于 ${applied.publishedAt.slice(0, 10)} 导入过${issuer}的第 ${pkg.version} 版（本机第 ${applied.version} 版），无需重复导入`
    : `该文件是${issuer}的第 ${pkg.version} 版，本机已导入更新的第 ${applied.sourceVersion} 版，不能用旧版本覆盖`;
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

/** The dry run: what applying the file would create, update or leave, and anything that blocks it. */
export function previewLibraryPackage(db: Db, pkg: LibraryPackage): PackagePreview {
  return previewOf(plan(db, pkg));
}

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

export const libraryPackageFileName = (pkg: LibraryPackage, date: string) => `指标库-${pkg.sourceName || pkg.source}-第${pkg.version}版-${date}.json`;
