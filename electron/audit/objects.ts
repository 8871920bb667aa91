// What an audit entry is about, in words: the kind of record and the record itself named as staff know
// it (「项目 2020-XM-001 某某项目」), resolved at read time from the natural key the entry stores. A record
// deleted since still has its (tombstoned) row; one that is gone entirely falls back to its codes.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { exchangePackages, libraryIndicators, projects, projectTypes, regions, targets, units } from '../../db/schema';
import { EVALUATION_KIND_LABELS, type EvaluationKind } from '../domain/evaluation';
import { settingDefinition } from '../domain/settings';

/** Every kind of audited record, named like the page where the change is made. */
export const AUDIT_KINDS: Readonly<Record<string, string>> = {
  installation: '本机设置',
  database: '数据库',
  demo: '示例数据',
  setting: '参数设置',
  operator: '操作员',
  region: '区划',
  unit: '预算单位',
  project: '项目',
  'project_type': '项目类型',
  'project-type': '项目类型',
  'library_indicator': '指标',
  'library-indicator': '指标',
  'library_version': '指标库版本',
  'mandatory_indicator': '固化指标',
  'mandatory-indicator': '固化指标',
  target: '绩效目标',
  'target-adjustment': '目标调整',
  'monitoring-round': '监控轮次',
  'monitoring-sheet': '监控表',
  'monitoring-department-sheet': '部门整体监控表',
  'self-evaluation': '绩效自评',
  'self-evaluation-spot-check': '绩效自评抽查',
  'evaluation-plan': '评价计划',
  expert: '专家库',
  firm: '第三方机构',
  'results-list': '结果应用清单',
  'result-proposal': '结果应用建议',
  evaluation: '绩效评价',
  'evaluation-template': '评价模板',
  rectification: '整改',
  'fund-document': '衔接资金文件',
  'fund-project': '衔接资金项目',
  'fund-payment': '衔接资金支付',
  disclosure: '绩效公开',
  'exchange-package': '数据交换包',
};

export const auditKindLabel = (entity: string): string => AUDIT_KINDS[entity] ?? entity;

const DISCLOSURE_TABLES: Record<string, string> = { projectTargets: '项目支出绩效目标', departmentTargets: '部门整体支出绩效目标' };

function projectName(db: Db, regionCode: string, year: number, code: string): string {
  const row = db.select({ name: projects.name }).from(projects).where(and(eq(projects.regionCode, regionCode), eq(projects.year, year), eq(projects.code, code))).get();
  return row ? `${code} ${row.name}` : code;
}

function unitName(db: Db, regionCode: string, code: string): string {
  const row = db.select({ name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.code, code))).get();
  return row ? `${code} ${row.name}` : code;
}

function targetOwner(db: Db, regionCode: string, year: number, kind: string, ownerCode: string): string {
  return kind === 'department' ? `${year} 年 部门整体 ${unitName(db, regionCode, ownerCode)}` : `${year} 年 项目 ${projectName(db, regionCode, year, ownerCode)}`;
}

function roundName(key: string): string {
  const [month, seq] = key.split('-');
  return `${month} 月${seq && seq !== '1' ? `（第 ${seq} 轮）` : ''}`;
}

type Describe = (db: Db, parts: string[], key: string) => string;

const DESCRIBE: Record<string, Describe> = {
  installation: (db, [code]) => regionName(db, code!),
  region: (db, [code]) => regionName(db, code!),
  // A backup names its file; the making of a sample database names its county.
  database: (db, _parts, key) => (/^\d{6}$/.test(key) ? `示例县 ${regionName(db, key)}` : key),
  demo: (_db, [, year]) => `${year} 年度（虚构）`,
  setting: (_db, _parts, key) => settingDefinition(key)?.label ?? key,
  unit: (db, [region, code]) => (code ? unitName(db, region!, code) : region!),
  project: (db, [region, year, code]) => (code === 'import' ? `${year} 年度 Excel 导入` : `${year}-${projectName(db, region!, Number(year), code!)}`),
  target: (db, [region, year, kind, owner]) => targetOwner(db, region!, Number(year), kind!, owner!),
  'target-adjustment': (db, [targetId, seq]) => {
    const target = db.select().from(targets).where(eq(targets.id, targetId!)).get();
    return `${target ? targetOwner(db, target.regionCode, target.year, target.kind, target.ownerCode) : '已删除的目标'} 第 ${seq} 次调整`;
  },
  'library_indicator': (db, _parts, key) => indicatorName(db, key),
  'library-indicator': (db, _parts, key) => indicatorName(db, key),
  'project_type': (db, _parts, key) => projectTypeName(db, key),
  'project-type': (db, _parts, key) => projectTypeName(db, key),
  'library_version': (_db, _parts, key) => `第 ${key} 版`,
  'monitoring-round': (_db, [, year, round]) => `${year} 年 ${roundName(round!)}`,
  'monitoring-sheet': (db, [region, year, round, code]) => `${year} 年 ${roundName(round!)} · ${projectName(db, region!, Number(year), code!)}`,
  'self-evaluation': (db, [region, year, code, kind]) =>
    kind === '部门整体' ? `${year} 年 ${unitName(db, region!, code!)} 部门整体支出` : `${year} 年 ${projectName(db, region!, Number(year), code!)}`,
  'self-evaluation-spot-check': (_db, [, year]) => `${year} 年`,
  // An evaluation names its project, or on a department-wide template its unit.
  evaluation: (db, [region, year, kind, code]) => {
    const project = projectName(db, region!, Number(year), code!);
    return `${year} 年 ${EVALUATION_KIND_LABELS[kind as EvaluationKind] ?? kind} · ${project === code ? unitName(db, region!, code!) : project}`;
  },
  'evaluation-template': (_db, _parts, key) => key.replace(/^[a-z]+\/(.*)\/v(\d+)$/, '$1 第 $2 版'),
  rectification: (_db, [, year, seq]) => `${year} 年第 ${seq} 号`,
  disclosure: (db, [region, year, table, scope]) => `${year} 年 ${DISCLOSURE_TABLES[table!] ?? table}${scope && /^\d+$/.test(scope) ? ` · ${unitName(db, region!, scope)}` : ''}`,
  'exchange-package': (db, _parts, key) => {
    const row = db.select().from(exchangePackages).where(eq(exchangePackages.id, key)).get();
    return row ? `${row.direction === 'out' ? '导出' : '导入'}第 ${row.sequence} 号 ${row.fileName}` : '（记录已清除）';
  },
};

function regionName(db: Db, code: string): string {
  const row = db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).get();
  return row ? `${row.name}（${code}）` : code;
}

function indicatorName(db: Db, code: string): string {
  if (code === 'import') return 'Excel 导入';
  const row = db.select({ name: libraryIndicators.name }).from(libraryIndicators).where(eq(libraryIndicators.code, code)).get();
  return row ? `${code} ${row.name}` : code;
}

function projectTypeName(db: Db, code: string): string {
  const row = db.select({ name: projectTypes.name }).from(projectTypes).where(eq(projectTypes.code, code)).get();
  return row ? `${code} ${row.name}` : code;
}

/** The record an entry is about, without its kind (which is shown beside it). */
export function describeAuditObject(db: Db, entity: string, naturalKey: string): string {
  const describe = DESCRIBE[entity];
  return describe ? describe(db, naturalKey.split('/'), naturalKey) : naturalKey;
}
