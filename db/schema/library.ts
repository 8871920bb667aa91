// 指标库: project types and reusable level-3 indicators, with the update mechanism (units propose, the
// performance office confirms) and library versions that travel between prefecture and counties.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCRUALS, BASES, OPERATORS } from '../../electron/domain/indicators';
import { LIBRARY_STATUSES, SECTORS } from '../../electron/domain/library';
import { MANDATORY_OPERATORS, MANDATORY_SCOPES } from '../../electron/domain/mandatoryIndicators';
import { checkBoolean, checkCode, checkCounter, checkOneOf, exchangedColumns, sqlNow } from './common';

/** 项目类型, e.g. 农村道路建设. Natural key: code. */
export const projectTypes = sqliteTable(
  'project_types',
  {
    ...exchangedColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 行业/领域: 教育, 卫生健康, 交通, 农业, 水利, 乡村振兴, 社会保障, 行政运行… */
    sector: text('sector').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [
    uniqueIndex('project_types_code').on(t.code),
    // PROJECT_TYPE_CODE: a project's project_type_code and every indicator code start with it.
    checkCode('project_types', 'code', '0-9A-Z', 2, 12),
    checkOneOf('project_types', 'sector', SECTORS),
    checkBoolean('project_types', 'deleted'),
  ],
);

/** A reusable level-3 indicator of a project type. Natural key: code. */
export const libraryIndicators = sqliteTable(
  'library_indicators',
  {
    ...exchangedColumns(),
    code: text('code').notNull(),
    projectTypeCode: text('project_type_code').notNull(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    operator: text('operator').notNull(),
    referenceValue: text('reference_value').notNull().default(''),
    unit: text('unit').notNull().default(''),
    /** 累计型 or 状态型, carried into the targets that take this indicator. */
    accrual: text('accrual', { enum: ACCRUALS }).notNull().default('cumulative'),
    definition: text('definition').notNull().default(''),
    basis: text('basis').notNull().default('计划标准'),
    /** 草稿 / 待确认 / 已入库 / 停用 */
    status: text('status', { enum: LIBRARY_STATUSES }).notNull().default('draft'),
    /** The library version in which this indicator was last accepted or changed. */
    libraryVersion: integer('library_version').notNull().default(0),
    proposingUnitCode: text('proposing_unit_code'),
    proposedBy: text('proposed_by'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('library_indicators_code').on(t.code),
    index('library_indicators_type').on(t.projectTypeCode, t.status),
    checkOneOf('library_indicators', 'operator', OPERATORS),
    checkOneOf('library_indicators', 'accrual', ACCRUALS),
    checkOneOf('library_indicators', 'basis', BASES),
    checkOneOf('library_indicators', 'status', LIBRARY_STATUSES),
    checkCounter('library_indicators', 'library_version', 0),
    checkBoolean('library_indicators', 'deleted'),
  ],
);

/** A published state of the library (what a prefecture issues to its counties). */
export const libraryVersions = sqliteTable(
  'library_versions',
  {
    version: integer('version').primaryKey(),
    publishedAt: text('published_at').notNull().default(sqlNow),
    publishedBy: text('published_by').notNull(),
    note: text('note').notNull().default(''),
    /** Where it came from: this installation or the region code of the issuing prefecture. */
    source: text('source').notNull().default('local'),
    /**
     * The issuer's own number for an imported version (e.g. the prefecture's 第 7 版). Local numbering
     * continues on this side, so the issuer's number is kept here to tell a stale package from a new one.
     */
    sourceVersion: integer('source_version'),
  },
  () => [checkCounter('library_versions', 'version', 1), checkCounter('library_versions', 'source_version', 1, { nullable: true })],
);

/**
 * 固化指标: a library indicator every target of a project type or a fund kind must carry. Natural key:
 * scope + scope code + indicator code; removing one leaves a tombstone, so the removal travels down too.
 */
export const mandatoryIndicators = sqliteTable(
  'mandatory_indicators',
  {
    ...exchangedColumns(),
    /** projectType (scope_code: a project type code) or fund (scope_code: a fund kind, e.g. poverty = 衔接资金). */
    scope: text('scope', { enum: MANDATORY_SCOPES }).notNull(),
    scopeCode: text('scope_code').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    /** The direction (指标性质) a new target starts with; '' keeps the library indicator's own. */
    operator: text('operator').notNull().default(''),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  (t) => [
    uniqueIndex('mandatory_indicators_key').on(t.scope, t.scopeCode, t.indicatorCode),
    checkOneOf('mandatory_indicators', 'scope', MANDATORY_SCOPES),
    checkOneOf('mandatory_indicators', 'operator', MANDATORY_OPERATORS),
    checkBoolean('mandatory_indicators', 'deleted'),
  ],
);
