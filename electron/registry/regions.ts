// 财政区划: the shipped Xinjiang list (assets/regions-xinjiang.csv) plus divisions a bureau adds later.
import fs from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { countRows, type Db } from '../../db/open';
import { regions } from '../../db/schema';
import { REGION_CODE, REGION_LEVELS, type RegionLevel } from '../domain/registry';
import { AppError } from '../errors';
import { appPath } from '../paths';
import { recordAudit, type Actor } from '../audit/audit';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  builtin: boolean;
}

export function parseRegionsCsv(text: string): Region[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header?.trim() !== 'code,name,level,parent_code') throw new Error('区划文件表头应为 code,name,level,parent_code');
  return lines.map((line, i) => {
    const [code = '', name, level, parent] = line.split(',').map((c) => c.trim());
    if (!REGION_CODE.test(code) || !name || !REGION_LEVELS.includes(level as RegionLevel)) {
      throw new Error(`区划文件第 ${i + 2} 行格式有误：${line}`);
    }
    return { code, name, level: level as RegionLevel, parentCode: parent || null, builtin: true };
  });
}

let shipped: Region[] | null = null;
export function shippedRegions(): Region[] {
  shipped ??= parseRegionsCsv(fs.readFileSync(appPath('assets', 'regions-xinjiang.csv'), 'utf8'));
  return shipped;
}

/** Adds shipped divisions missing from the store; never overwrites a bureau's edits. */
export function seedRegions(db: Db): void {
  const list = shippedRegions();
  const present = countRows(db, regions);
  if (present >= list.length) return;
  db.transaction((tx) => {
    for (const region of list) tx.insert(regions).values(region).onConflictDoNothing().run();
  });
}

export function listRegions(db: Db): Region[] {
  return db.select().from(regions).orderBy(asc(regions.code)).all();
}

/** The counties of a prefecture, by code. */
export function countiesOf(db: Db, prefecture: string): Region[] {
  return db.select().from(regions).where(and(eq(regions.parentCode, prefecture), eq(regions.level, 'county'))).orderBy(asc(regions.code)).all();
}

/**
 * The counties of a prefecture something is issued to: those chosen (all when none are given), refusing
 * an empty choice, a county that is not the prefecture's, and a prefecture without counties.
 */
export function chosenCounties(db: Db, prefecture: string, chosen: readonly string[] | undefined): Region[] {
  const counties = countiesOf(db, prefecture);
  if (counties.length === 0) throw new AppError('INVALID_INPUT', '本州还没有所辖县市的区划，请先在“设置 → 区划”中核对');
  if (chosen === undefined) return counties;
  if (chosen.length === 0) throw new AppError('INVALID_INPUT', '请至少选择一个县市');
  const unknown = chosen.filter((code) => !counties.some((c) => c.code === code));
  if (unknown.length) throw new AppError('INVALID_INPUT', `${unknown.join('、')} 不是本州所辖的县市，请重新选择`);
  return counties.filter((c) => chosen.includes(c.code));
}

export function findRegion(db: Db, code: string): Region | undefined {
  return db.select().from(regions).where(eq(regions.code, code)).get();
}

export interface NewRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** A division created after the shipped list (e.g. 和康县 in 2024) can be added by hand. */
export function addRegion(db: Db, actor: Actor, input: NewRegion): Region {
  if (!REGION_CODE.test(input.code)) throw new AppError('INVALID_INPUT', '区划代码应为 6 位数字');
  if (findRegion(db, input.code)) throw new AppError('CONFLICT', `区划代码 ${input.code} 已存在`);
  if (input.level !== 'region') {
    const parent = input.parentCode ? findRegion(db, input.parentCode) : undefined;
    if (!parent) throw new AppError('INVALID_INPUT', '请选择上级区划');
    const expected = input.level === 'county' ? 'prefecture' : 'region';
    if (parent.level !== expected) throw new AppError('INVALID_INPUT', '上级区划的级别不对：县市区的上级应为地州市');
  }
  const region: Region = { ...input, name: input.name.trim(), builtin: false };
  db.transaction((tx) => {
    tx.insert(regions).values(region).run();
    recordAudit(tx, actor, { entity: 'region', naturalKey: region.code, action: '新增区划', after: region });
  });
  return region;
}
