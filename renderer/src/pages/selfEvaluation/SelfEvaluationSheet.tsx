// The printable 项目支出绩效自评表 or 部门整体支出绩效自评表 (财预〔2020〕10号 annexes) as a ruled table, with the
// figures as typed and the scores the rules give them; it replaces the editable form when printing, in the
// target sheet's style.
import { displayTarget } from '../../../../electron/domain/indicators';
import { formatWanYuan } from '../../../../electron/domain/money';
import { executionRate } from '../../../../electron/domain/monitoring';
import { percent } from '../../../../electron/domain/ratio';
import { DEPARTMENT_FUND_ROW_LABELS, FUND_ROW_LABELS, scoreText, TIER_LABELS } from '../../../../electron/domain/selfEvaluation';
import { WORKFLOW_LABELS } from '../../../../electron/domain/workflow';
import type { SelfEvaluationDetail } from '../../../../electron/selfEvaluation/contract';
import { departmentReviewLine } from '../../components/ReviewPanel';
import classes from '../targets/targets.module.css';
import type { SelfEvaluationAssessment, SelfEvaluationFormState } from './selfEvaluationForm';

const ROW_LABEL: Record<string, string> = { total: '年度资金总额', ...FUND_ROW_LABELS, ...DEPARTMENT_FUND_ROW_LABELS };

/** The header rows: the project and its unit, or the unit whose spending as a whole is evaluated. */
function Subject({ detail }: { detail: SelfEvaluationDetail }) {
  if (detail.department) {
    return (
      <tr>
        <th>部门（单位）名称</th>
        <td colSpan={6}>{detail.project.unitName}（{detail.project.code}）</td>
      </tr>
    );
  }
  return (
    <>
      <tr>
        <th>项目名称</th>
        <td colSpan={6}>{detail.project.name}（{detail.project.code}）</td>
      </tr>
      <tr>
        <th>实施单位</th>
        <td colSpan={6}>{detail.project.unitName}</td>
      </tr>
    </>
  );
}

/** 年度主要任务 with their amounts and 完成情况 (department-wide tables only). */
function Tasks({ detail, form }: { detail: SelfEvaluationDetail; form: SelfEvaluationFormState }) {
  const tasks = detail.department?.tasks ?? [];
  if (tasks.length === 0) return null;
  return (
    <>
      <tr>
        <th rowSpan={tasks.length + 1}>年度主要任务</th>
        <th colSpan={2}>任务名称</th>
        <th>预算数（万元）</th>
        <th colSpan={3}>完成情况</th>
      </tr>
      {tasks.map((task, n) => (
        <tr key={task.id}>
          <td colSpan={2}>{task.task}</td>
          <td className={classes.number}>{task.amountFen > 0 ? formatWanYuan(task.amountFen) : '—'}</td>
          <td colSpan={3} style={{ whiteSpace: 'pre-wrap' }}>{form.department?.completions[n] ?? ''}</td>
        </tr>
      ))}
    </>
  );
}

export function SelfEvaluationSheet({ detail, form, assessment }: { detail: SelfEvaluationDetail; form: SelfEvaluationFormState; assessment: SelfEvaluationAssessment }) {
  const { budget, total, complete } = assessment;
  const title = detail.department ? '部门整体支出绩效自评表' : '项目支出绩效自评表';
  return (
    <div className={classes.sheet} aria-label={`${title}（打印）`}>
      <p className={classes.title}>{title}</p>
      <p style={{ textAlign: 'center' }}>（{detail.year} 年度）</p>
      <table>
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '14%' }} />
        </colgroup>
        <tbody>
          <Subject detail={detail} />
          <tr>
            <th>{detail.department ? '年度预算执行情况（万元）' : '项目资金（万元）'}</th>
            <th>年初预算数</th>
            <th>全年预算数</th>
            <th>全年执行数</th>
            <th>分值</th>
            <th>执行率</th>
            <th>得分</th>
          </tr>
          {assessment.fundRows.map((row, n) => (
            <tr key={row.row}>
              <td>{n === 1 ? `其中：${ROW_LABEL[row.row]}` : ROW_LABEL[row.row]}</td>
              <td className={classes.number}>{formatWanYuan(row.initialFen)}</td>
              <td className={classes.number}>{formatWanYuan(row.adjustedFen)}</td>
              <td className={classes.number}>{formatWanYuan(row.executedFen)}</td>
              <td className={classes.number}>{n === 0 ? detail.rules.budgetWeight : '—'}</td>
              <td className={classes.number}>{percent(n === 0 ? budget.rate : executionRate(row.executedFen, row.adjustedFen).rate)}%</td>
              <td className={classes.number}>{n === 0 ? scoreText(budget.score) : '—'}</td>
            </tr>
          ))}
          {form.budgetReason && (
            <tr>
              <th>执行率偏低原因</th>
              <td colSpan={6}>{form.budgetReason}</td>
            </tr>
          )}
          <Tasks detail={detail} form={form} />
          <tr>
            <th rowSpan={2}>年度总体目标</th>
            <th colSpan={3}>预期目标</th>
            <th colSpan={3}>实际完成情况</th>
          </tr>
          <tr>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap' }}>{detail.goalExpected}</td>
            <td colSpan={3} style={{ whiteSpace: 'pre-wrap' }}>{form.goalAchieved}</td>
          </tr>
        </tbody>
      </table>
      <table aria-label="绩效指标（自评表）">
        <thead>
          <tr>
            <th style={{ width: '9%' }}>一级指标</th>
            <th style={{ width: '10%' }}>二级指标</th>
            <th>三级指标</th>
            <th style={{ width: '12%' }}>年度指标值</th>
            <th style={{ width: '13%' }}>实际完成值</th>
            <th style={{ width: '6%' }}>分值</th>
            <th style={{ width: '7%' }}>得分</th>
            <th style={{ width: '22%' }}>偏差原因分析及改进措施</th>
          </tr>
        </thead>
        <tbody>
          {detail.indicators.map((approved, n) => {
            const entry = form.indicators[n]!;
            const actual = approved.operator === '定性' ? [entry.tier && TIER_LABELS[entry.tier], entry.actual].filter(Boolean).join('：') : `${entry.actual}${entry.actual ? approved.unit : ''}`;
            return (
              <tr key={approved.id}>
                <td>{approved.level1}</td>
                <td>{approved.level2}</td>
                <td>{approved.name}</td>
                <td>{displayTarget({ operator: approved.operator as never, value: approved.targetValue, unit: approved.unit })}</td>
                <td>{actual}</td>
                <td className={classes.number}>{approved.weight}</td>
                <td className={classes.number}>{scoreText(assessment.indicators[n]!.score)}</td>
                <td>{[entry.deviationReason, entry.deduction && `扣 ${entry.deduction} 分：${entry.deductionReason}`].filter(Boolean).join('；')}</td>
              </tr>
            );
          })}
          <tr>
            <th colSpan={5}>总分</th>
            <td className={classes.number}>100</td>
            <td className={classes.number}>{complete ? scoreText(total.total) : '—'}</td>
            <td>评价等级：{complete ? total.grade : '—'}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '16%' }}>发现的主要问题</th>
            <td style={{ whiteSpace: 'pre-wrap' }}>{form.problems}</td>
          </tr>
          <tr>
            <th>改进措施</th>
            <td style={{ whiteSpace: 'pre-wrap' }}>{form.measures}</td>
          </tr>
        </tbody>
      </table>
      {/* The department's opinion prints beside the bureau's: both reviews belong on the form. */}
      {detail.departmentReview && <p>{departmentReviewLine(detail.departmentReview)}</p>}
      <p>
        状态：{WORKFLOW_LABELS[detail.status]}
        {detail.reviewOpinion ? `，审核意见：${detail.reviewOpinion}` : ''}
        {detail.reviewedBy ? `，审核人：${detail.reviewedBy}` : ''}
      </p>
    </div>
  );
}
