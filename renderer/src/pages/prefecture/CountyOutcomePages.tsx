// 各县绩效自评, 各县绩效评价, 各县结果应用 and 各县整改: the later stages of the counties' year, read-only,
// each row with the state the county left it in and the package that brought it.
import { Badge, Stack, Text } from '@mantine/core';
import { EVALUATION_KIND_LABELS } from '../../../../electron/domain/evaluation/evaluation';
import { formatWanYuan } from '../../../../electron/domain/money';
import { DECISION_LABELS, GRADE_SOURCE_LABELS, type Decision, type GradeSource } from '../../../../electron/domain/results';
import type { WorkflowState } from '../../../../electron/domain/workflow';
import type { CountyEvaluationRow, CountyListInput, CountyNoticeRow, CountyResultRow, CountySelfEvaluationRow } from '../../../../electron/prefecture/contract';
import { invoke } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import type { Column } from '../../components/VirtualTable';
import { WorkflowStatusBadge } from '../../components/WorkflowStatusBadge';
import { TARGET_KINDS } from '../exchange/targets';
import { CountyList } from './CountyList';
import { SourceCell } from './SourceCell';

const code = (text: string | null) => <Text span ff="monospace" size="sm">{text ?? ''}</Text>;
const county = { key: 'county', header: '县市', width: '90px', cell: (row: { countyName: string }) => row.countyName };
const source = { key: 'source', header: '来源数据包', width: 'minmax(230px, 1.2fr)', cell: (row: { source: CountyNoticeRow['source'] }) => <SourceCell source={row.source} /> };

const loadSelfEvaluations = (input: CountyListInput) => invoke('prefecture.selfEvaluations', input);
const SELF_EVALUATION_COLUMNS: Column<CountySelfEvaluationRow>[] = [
  county,
  { key: 'kind', header: '类型', width: '100px', cell: (e) => TARGET_KINDS[e.kind] },
  { key: 'code', header: '编码', width: '170px', cell: (e) => code(e.projectCode) },
  { key: 'name', header: '项目', width: 'minmax(180px, 2fr)', cell: (e) => e.projectName ?? e.unitName ?? '' },
  { key: 'unit', header: '单位', width: 'minmax(140px, 1fr)', cell: (e) => e.unitName ?? '' },
  { key: 'status', header: '状态', width: '90px', cell: (e) => <WorkflowStatusBadge status={e.status as WorkflowState} /> },
  { key: 'total', header: '自评得分', width: '80px', align: 'right', cell: (e) => e.totalScore ?? '' },
  { key: 'grade', header: '等级', width: '56px', cell: (e) => e.grade ?? '' },
  source,
];

export function CountySelfEvaluationsPage() {
  return (
    <Stack gap="md">
      <PageHeader title="各县绩效自评" description="各县市报送的项目支出和部门整体支出绩效自评表，得分和等级为该县审核时的结果（只读）。" />
      <CountyList label="各县绩效自评" noun="绩效自评表" load={loadSelfEvaluations} columns={SELF_EVALUATION_COLUMNS} searchPlaceholder="项目编码、项目或单位名称" />
    </Stack>
  );
}

const loadEvaluations = (input: CountyListInput) => invoke('prefecture.evaluations', input);
const EVALUATION_COLUMNS: Column<CountyEvaluationRow>[] = [
  county,
  { key: 'kind', header: '评价类型', width: '90px', cell: (e) => EVALUATION_KIND_LABELS[e.kind] },
  { key: 'code', header: '编码', width: '170px', cell: (e) => code(e.subjectCode) },
  { key: 'name', header: '项目或单位', width: 'minmax(180px, 2fr)', cell: (e) => e.name ?? '' },
  { key: 'unit', header: '单位', width: 'minmax(140px, 1fr)', cell: (e) => e.unitName ?? '' },
  { key: 'status', header: '状态', width: '90px', cell: (e) => <WorkflowStatusBadge status={e.status as WorkflowState} /> },
  { key: 'total', header: '评价得分', width: '80px', align: 'right', cell: (e) => e.totalScore ?? '' },
  { key: 'grade', header: '等级', width: '56px', cell: (e) => e.grade ?? '' },
  source,
];

export function CountyEvaluationsPage() {
  return (
    <Stack gap="md">
      <PageHeader title="各县绩效评价" description="各县市送审或已审核的部门评价和财政评价（只读）。" />
      <CountyList label="各县绩效评价" noun="绩效评价" load={loadEvaluations} columns={EVALUATION_COLUMNS} searchPlaceholder="编码、项目或单位名称" />
    </Stack>
  );
}

const loadResults = (input: CountyListInput) => invoke('prefecture.results', input);
const RESULT_COLUMNS: Column<CountyResultRow>[] = [
  county,
  { key: 'code', header: '项目编码', width: '170px', cell: (r) => code(r.projectCode) },
  { key: 'name', header: '项目', width: 'minmax(180px, 2fr)', cell: (r) => r.projectName },
  { key: 'unit', header: '单位', width: 'minmax(130px, 1fr)', cell: (r) => r.unitName },
  { key: 'grade', header: '等级（来源）', width: '130px', cell: (r) => `${r.grade}（${GRADE_SOURCE_LABELS[r.gradeSource as GradeSource] ?? r.gradeSource}）` },
  { key: 'measure', header: '建议', width: 'minmax(110px, 1fr)', cell: (r) => r.measureLabel },
  { key: 'base', header: '基数（万元）', width: '110px', align: 'right', cell: (r) => formatWanYuan(r.baseFen) },
  { key: 'proposed', header: '建议数（万元）', width: '120px', align: 'right', cell: (r) => formatWanYuan(r.proposedFen) },
  {
    key: 'decision',
    header: '采纳情况',
    width: '90px',
    cell: (r) =>
      r.decision ? (
        DECISION_LABELS[r.decision as Decision]
      ) : (
        <Text span size="sm" c="dimmed">
          未决定
        </Text>
      ),
  },
  source,
];

export function CountyResultsPage() {
  return (
    <Stack gap="md">
      <PageHeader title="各县结果应用" description="各县市根据评价等级生成的下年度预算调整建议清单，以及预算股室的采纳情况（只读）。" />
      <CountyList label="各县预算调整建议" noun="预算调整建议" load={loadResults} columns={RESULT_COLUMNS} searchPlaceholder="项目编码、项目或单位名称" />
    </Stack>
  );
}

const loadNotices = (input: CountyListInput) => invoke('prefecture.rectifications', input);
const NOTICE_COLUMNS: Column<CountyNoticeRow>[] = [
  county,
  { key: 'number', header: '通知编号', width: '110px', cell: (n) => n.number },
  { key: 'from', header: '问题来源', width: 'minmax(160px, 1.2fr)', cell: (n) => n.sourceLabel },
  { key: 'project', header: '项目', width: 'minmax(160px, 1.6fr)', cell: (n) => n.projectName ?? '' },
  { key: 'unit', header: '单位', width: 'minmax(130px, 1fr)', cell: (n) => n.unitName ?? '' },
  { key: 'deadline', header: '整改期限', width: '100px', cell: (n) => n.deadline },
  { key: 'status', header: '状态', width: '90px', cell: (n) => n.statusLabel },
  {
    key: 'overdue',
    header: '逾期',
    width: '96px',
    align: 'right',
    cell: (n) =>
      n.daysOverdue > 0 ? (
        <Badge color="red" variant="light" radius="sm">
          {n.daysOverdue}天
        </Badge>
      ) : (
        ''
      ),
  },
  { key: 'returns', header: '退回', width: '56px', align: 'right', cell: (n) => n.returns },
  source,
];

export function CountyRectificationsPage() {
  return (
    <Stack gap="md">
      <PageHeader title="各县整改" description="各县市下达的整改通知及其状态，逾期天数按今天计算（只读）。" />
      <CountyList label="各县整改通知" noun="整改通知" load={loadNotices} columns={NOTICE_COLUMNS} searchPlaceholder="项目、单位或问题" />
    </Stack>
  );
}
