// Reference data: regions, the installation, fiscal years, budget units, settings, operators, audit.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { FRAMEWORKS } from '../../electron/domain/indicators';
import { OPERATOR_ROLES, REGION_LEVELS, ROLES } from '../../electron/domain/registry';
import { checkBoolean, checkCode, checkJson, checkOneOf, checkYear, exchangedColumns, sqlNow } from './common';

/** 财政区划: shipped Xinjiang list plus divisions a bureau adds later. */
export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code'),
    builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  },
  // Six digits, as REGION_CODE says: every package, peer and natural key starts with one.
  (t) => [
    // A prefecture's counties, in the dashboard and wherever its counties are listed.
    index('regions_children').on(t.parentCode, t.level),
    checkCode('regions', 'code', '0-9', 6, 6),
    checkCode('regions', 'parent_code', '0-9', 6, 6, { nullable: true }),
    checkOneOf('regions', 'level', REGION_LEVELS),
    checkBoolean('regions', 'builtin'),
  ],
);

/** What this installation is; a single row, written by first-run setup (`init`). */
export const installation = sqliteTable(
  'installation',
  {
    id: integer('id').primaryKey(),
    installationId: text('installation_id').notNull(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    role: text('role', { enum: ROLES }).notNull(),
    /** For role unit: which budget unit of the county this installation is. */
    unitCode: text('unit_code'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  () => [checkOneOf('installation', 'role', ROLES), checkCode('installation', 'unit_code', '0-9A-Za-z', 3, 20, { nullable: true })],
);

export const fiscalYears = sqliteTable(
  'fiscal_years',
  {
    year: integer('year').primaryKey(),
    framework: text('framework', { enum: ['classic', '2021'] }).notNull().default('classic'),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  () => [checkYear('fiscal_years'), checkOneOf('fiscal_years', 'framework', FRAMEWORKS.map((f) => f.id))],
);

/** 预算单位. Natural key: region code + unit code. */
export const units = sqliteTable(
  'units',
  {
    ...exchangedColumns(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    departmentCode: text('department_code'),
    isDepartment: integer('is_department', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('units_natural_key').on(t.regionCode, t.code),
    index('units_department').on(t.departmentCode),
    // Notices and poverty-fund lists name units by code alone (one county's database holds one region).
    index('units_code').on(t.code),
    ...['deleted', 'is_department', 'active'].map((column) => checkBoolean('units', column)),
  ],
);

/** Values a bureau changed; definitions and defaults live in the domain layer. */
export const settings = sqliteTable(
  'settings',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(), // JSON
    updatedAt: text('updated_at').notNull().default(sqlNow),
  },
  () => [checkJson('settings', 'value')],
);

/** Local accounts. A password is optional (a single-user office PC); when set, it is an scrypt hash. */
export const operators = sqliteTable(
  'operators',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().unique(),
    role: text('role', { enum: OPERATOR_ROLES }).notNull(),
    passwordHash: text('password_hash'),
    /** A 主管部门审核人's department (a unit code with is_department): the only units whose submissions they review. */
    departmentCode: text('department_code'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull().default(sqlNow),
  },
  () => [checkOneOf('operators', 'role', OPERATOR_ROLES), checkBoolean('operators', 'active')],
);

/** Who did what, when, to which record, and why. Never updated, never deleted. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    operatorId: text('operator_id'),
    operatorName: text('operator_name').notNull(),
    at: text('at').notNull().default(sqlNow),
    entity: text('entity').notNull(),
    naturalKey: text('natural_key').notNull(),
    action: text('action').notNull(),
    before: text('before'), // JSON
    after: text('after'), // JSON
    opinion: text('opinion'),
  },
  (t) => [index('audit_entity').on(t.entity, t.naturalKey), index('audit_at').on(t.at)],
);
