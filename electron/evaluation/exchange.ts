// 部门评价 and 财政评价 travel up in the stage 绩效评价: each evaluation a county submitted or approved,
// its scored leaves and its report file as children, and the template version it was scored on as its
// parent. Drafts stay home: only what the county stands behind goes to the prefecture, which never
// reviews evaluations (no decision comes back down).
//
// The template: a version travels as a record of its own, by its id (unique per installation), with its
// tree, and only frozen (an evaluation froze it): the prefecture keeps it as the county's copy (origin
// region set on arrival) beside those of other counties, so two counties' 项目支出绩效评价 v1 never meet in
// one name. A tree that fails the domain's validation refuses the package, and since a frozen version never
// changes, a later package that would change one (or another county's, whose id it cannot be in scope
// for) is a conflict or a refusal, never an overwrite.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { evaluations, evaluationScores, evaluationTemplates } from '../../db/schema';
import { attachmentChild, attachmentProblem } from '../attachments/exchange';
import { leavesOf, validateTemplate, type TemplateKind } from '../domain/evaluation';
import { childRow, jsonStrings, jsonText, recordRow, type CrossReference, type DeclaredEntity, type PackageRecord, type Row } from '../exchange/exchange';
import { REPORT_OWNER } from './evaluations';
import { templateTree } from './treeSchema';


const incoming = 'SELECT value FROM json_each(:ids)';
/** What leaves home: an evaluation the county submitted or decided on. */
const travelling = "status <> 'draft'";

function templateTreeOf(row: Row | undefined): ReturnType<typeof templateTree.safeParse> | null {
  if (!row) return null;
  try {
    return templateTree.safeParse(JSON.parse(String(row.tree)));
  } catch {
    return null;
  }
}

/** A version arrives frozen with a tree that passes the domain's validation. */
function templateRefusal(record: PackageRecord): string | null {
  const label = `评价模板“${String(record.row.name)}”第 ${record.version} 版`;
  if (record.row.frozen !== 1) return `${label}没有冻结：只有评价已使用（因而冻结）的模板版本才能随评价上报`;
  const parsed = templateTreeOf(record.row);
  const problems = parsed?.success ? validateTemplate(record.row.kind as TemplateKind, parsed.data) : null;
  if (!problems) return `${label}的指标树格式不正确`;
  if (problems.length) return `${label}未通过模板校验（${problems[0]!.message}）`;
  return null;
}

/** An evaluation's scored leaves are exactly the leaves of its template, and its report file holds as an upload would. */
function evaluationRefusal(record: PackageRecord, rowOf: (table: string, id: string) => Row | undefined, db: Parameters<typeof attachmentProblem>[0]): string | null {
  const label = `绩效评价（${record.naturalKey}）`;
  const parsed = templateTreeOf(rowOf('evaluation_templates', String(record.row.template_id)));
  if (!parsed?.success) return `${label}所用的评价模板不在数据包内，本机也没有`;
  const leaves = new Set(leavesOf(parsed.data).map((leaf) => leaf.path));
  const paths = (record.children.evaluation_scores ?? []).map((row) => String(row.path));
  if (paths.some((path) => !leaves.has(path)) || new Set(paths).size !== paths.length) return `${label}的评分行与其评价模板的末级指标不一致`;
  const file = attachmentProblem(db, record.children.attachments);
  return file && `${label}的${file}`;
}

/**
 * The evaluated project is one of the sender's of the package's year, with the evaluation's unit and
 * code; a department-wide one names a unit of the sender's; the template's kind fits the subject.
 */
const evaluationReferences: readonly CrossReference[] = [
  {
    outside: `SELECT e.id, COALESCE((SELECT p.code || '“' || p.name || '”' FROM projects p WHERE p.id = e.project_id), e.project_id) AS detail
      FROM evaluations e WHERE e.id IN (${incoming}) AND e.project_id IS NOT NULL
      AND e.project_id NOT IN (SELECT id FROM projects WHERE region_code = :region AND year = :year AND unit_code = e.unit_code AND code = e.subject_code)`,
    refusal: (project) => `评价的项目 ${project} 不是发送方本地区、本年度该单位的项目`,
  },
  {
    outside: `SELECT e.id, e.unit_code AS detail FROM evaluations e WHERE e.id IN (${incoming}) AND e.project_id IS NULL
      AND (e.subject_code IS NOT e.unit_code OR e.unit_code NOT IN (SELECT code FROM units WHERE region_code = :region))`,
    refusal: (unit) => `评价的单位 ${unit} 不是发送方本地区的预算单位`,
  },
  {
    outside: `SELECT e.id, t.name AS detail FROM evaluations e JOIN evaluation_templates t ON t.id = e.template_id
      WHERE e.id IN (${incoming}) AND t.kind <> CASE WHEN e.project_id IS NULL THEN 'department' ELSE 'project' END`,
    refusal: (template) => `所用的评价模板“${template}”与评价对象（项目或部门整体）不符`,
  },
];

export const evaluationExchange: readonly DeclaredEntity[] = [
  {
    name: 'evaluation-template',
    label: '评价模板',
    table: 'evaluation_templates',
    row: recordRow(evaluationTemplates, { tree: jsonText(templateTree), origin_region: z.null() }),
    naturalKey: ['name', 'id'],
    directions: ['up'],
    // The versions this region's travelling evaluations of the year are scored on (here or, at the prefecture, as received).
    scope: `id IN (SELECT template_id FROM evaluations WHERE region_code = :region AND year = :year AND ${travelling})`,
    refuseIncoming: (record, _rowOf, db) =>
      templateRefusal(record) ??
      (db
        .select({ id: evaluationTemplates.id })
        .from(evaluationTemplates)
        .where(and(isNull(evaluationTemplates.originRegion), eq(evaluationTemplates.kind, record.row.kind as TemplateKind), eq(evaluationTemplates.name, String(record.row.name)), eq(evaluationTemplates.version, record.version), ne(evaluationTemplates.id, record.id)))
        .get()
        ? `本机自己也有评价模板“${String(record.row.name)}”第 ${record.version} 版，收到的同名版本无法并存；请在本机将自己的模板另存为新名称后再导入`
        : null),
    // Who sent it: the county's copy stays apart from the others' (and from this installation's own).
    afterApply: (db, _actor, applied, origin) => {
      const ids = applied.map((a) => a.id);
      db.update(evaluationTemplates).set({ originRegion: origin.sender }).where(inArray(evaluationTemplates.id, ids)).run();
    },
    localColumns: ['origin_region'],
  },
  {
    name: 'evaluation',
    label: '绩效评价',
    table: 'evaluations',
    row: recordRow(evaluations, { methods: jsonStrings, findings: jsonStrings, plan_item_id: z.null(), engagement_id: z.null() }),
    naturalKey: ['region_code', 'year', 'kind', 'subject_code'],
    stages: ['evaluation'],
    parents: ['unit', 'project', 'evaluation-template'],
    directions: ['up'],
    scope: `region_code = :region AND year = :year AND ${travelling}`,
    children: [
      { table: 'evaluation_scores', foreignKey: 'evaluation_id', key: ['id'], row: childRow(evaluationScores) },
      attachmentChild(REPORT_OWNER),
    ],
    // Plans and the firms' jobs stay with the county that made them.
    homeColumns: ['plan_item_id', 'engagement_id'],
    unitColumn: 'unit_code',
    statusColumn: 'status',
    references: evaluationReferences,
    refuseIncoming: evaluationRefusal,
  },
];
