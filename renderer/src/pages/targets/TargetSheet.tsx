// The printable 申报表: 项目支出绩效目标申报表 and 部门整体支出绩效目标表 as ruled tables, read only.
import type { ReactNode } from 'react';
import { displayTarget } from '../../../../electron/domain/indicators';
import { formatWanYuan } from '../../../../electron/domain/money';
import { adjustedFen, fundTotals } from '../../../../electron/domain/projects';
import { REVIEW_OUTCOMES, type DepartmentBudget, type TargetContent } from '../../../../electron/domain/targets';
import { WORKFLOW_LABELS } from '../../../../electron/domain/workflow';
import type { DepartmentTarget, ProjectTarget } from '../../../../electron/targets/contract';
import { departmentReviewLine } from '../../components/ReviewPanel';
import classes from './targets.module.css';

const yesNo = (value: boolean) => (value ? '是' : '否');
const money = (fen: number) => formatWanYuan(fen);

function GoalsRows({ content }: { content: TargetContent }) {
  return (
    <>
      <tr>
        <th>总体目标</th>
        <td colSpan={5}>{content.overallGoal || '（未填写）'}</td>
      </tr>
      <tr>
        <th>年度目标</th>
        <td colSpan={5}>
          {content.annualGoals.length ? content.annualGoals.map((goal, i) => <div key={i}>{`${i + 1}. ${goal}`}</div>) : '（未填写）'}
        </td>
      </tr>
    </>
  );
}

export function IndicatorSheetTable({ content }: { content: TargetContent }) {
  return (
    <table aria-label="绩效指标（申报表）">
      <thead>
        <tr>
          <th style={{ width: '11%' }}>一级指标</th>
          <th style={{ width: '13%' }}>二级指标</th>
          <th>三级指标</th>
          <th style={{ width: '14%' }}>指标值</th>
          <th style={{ width: '22%' }}>指标解释</th>
          <th style={{ width: '9%' }}>设定依据</th>
          <th style={{ width: '6%' }}>分值</th>
        </tr>
      </thead>
      <tbody>
        {content.indicators.map((i, index) => (
          <tr key={index}>
            <td>{i.level1}</td>
            <td>{i.level2}</td>
            <td>{i.name}</td>
            <td>{displayTarget(i)}</td>
            <td>{i.definition}</td>
            <td>{i.basis}</td>
            <td className={classes.number}>{i.weight}</td>
          </tr>
        ))}
        {content.indicators.length === 0 && (
          <tr>
            <td colSpan={7}>（未填写指标）</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function ReviewLine({ target }: { target: ProjectTarget | DepartmentTarget }) {
  const grade = target.reviewGrade ? `，审核等级：${target.reviewGrade}（${REVIEW_OUTCOMES[target.reviewGrade].consequence}）` : '';
  const opinion = target.reviewOpinion ? `，审核意见：${target.reviewOpinion}` : '';
  // The department's opinion prints beside the bureau's: both reviews belong on the form.
  return (
    <>
      {target.departmentReview && <p>{departmentReviewLine(target.departmentReview)}</p>}
      <p>
        状态：{WORKFLOW_LABELS[target.status]}
        {grade}
        {opinion}
      </p>
    </>
  );
}

/** Six columns (label, value, label, value, label, value), so the header rows line up under table-layout: fixed. */
function HeaderColumns() {
  return (
    <colgroup>
      {['13%', '20%', '13%', '20%', '13%', '21%'].map((width, i) => (
        <col key={i} style={{ width }} />
      ))}
    </colgroup>
  );
}

const period = (start: string | null, end: string | null) => (start || end ? `${start ?? ''} 至 ${end ?? ''}` : '');

function Sheet({ title, meta, children }: { title: string; meta: ReactNode; children: ReactNode }) {
  return (
    <div className={classes.sheet}>
      <h2 className={classes.title}>{title}</h2>
      <div className={classes.meta}>{meta}</div>
      {children}
    </div>
  );
}

export function ProjectTargetSheet({ target, unitName }: { target: ProjectTarget; unitName: (code: string) => string }) {
  const { project } = target;
  const totals = fundTotals(project.funds);
  return (
    <Sheet title={`${project.year} 年度项目支出绩效目标申报表`} meta={<><span>填报单位：{unitName(project.unitCode)}</span><span>金额单位：万元</span></>}>
      <table>
        <HeaderColumns />
        <tbody>
          <tr>
            <th>项目名称</th>
            <td colSpan={3}>{project.name}</td>
            <th>项目编码</th>
            <td>{project.code}</td>
          </tr>
          <tr>
            <th>主管部门</th>
            <td colSpan={3}>{unitName(project.departmentCode)}</td>
            <th>实施单位</th>
            <td>{unitName(project.unitCode)}</td>
          </tr>
          <tr>
            <th>项目类别</th>
            <td>{project.category}</td>
            <th>项目属性</th>
            <td>{project.attribute}</td>
            <th>项目负责人</th>
            <td>{project.personInCharge}</td>
          </tr>
          <tr>
            <th>重点项目</th>
            <td>{yesNo(project.keyProject)}</td>
            <th>衔接资金</th>
            <td>{yesNo(project.povertyFund)}</td>
            <th>项目期限</th>
            <td>{period(project.startDate, project.endDate)}</td>
          </tr>
          <GoalsRows content={target} />
        </tbody>
      </table>
      <table aria-label="资金情况（申报表）">
        <thead>
          <tr>
            <th>资金来源</th>
            <th>年初预算</th>
            <th>追加</th>
            <th>调减</th>
            <th>调整后预算</th>
          </tr>
        </thead>
        <tbody>
          {project.funds.map((f) => (
            <tr key={f.source}>
              <td>{f.source}</td>
              <td className={classes.number}>{money(f.initialFen)}</td>
              <td className={classes.number}>{money(f.additionFen)}</td>
              <td className={classes.number}>{money(f.cutFen)}</td>
              <td className={classes.number}>{money(adjustedFen(f))}</td>
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td className={classes.number}>{money(totals.initialFen)}</td>
            <td className={classes.number}>{money(totals.additionFen)}</td>
            <td className={classes.number}>{money(totals.cutFen)}</td>
            <td className={classes.number}>{money(totals.adjustedFen)}</td>
          </tr>
        </tbody>
      </table>
      <IndicatorSheetTable content={target} />
      <ReviewLine target={target} />
    </Sheet>
  );
}

/** The budget split as the form prints it: by use, then by source, each with its total. */
const BUDGET_ROWS: [string, keyof DepartmentBudget, string, keyof DepartmentBudget][] = [
  ['基本支出', 'basicFen', '项目支出', 'projectFen'],
  ['财政拨款', 'fiscalFen', '其他资金', 'otherFen'],
];

export function DepartmentTargetSheet({ target }: { target: DepartmentTarget }) {
  const projectName = new Map(target.projects.map((p) => [p.code, p.name]));
  return (
    <Sheet title={`${target.year} 年度部门整体支出绩效目标表`} meta={<><span>单位：{target.unit.name}（{target.unit.code}）</span><span>金额单位：万元</span></>}>
      <table>
        <HeaderColumns />
        <tbody>
          {BUDGET_ROWS.map(([label1, field1, label2, field2]) => (
            <tr key={field1}>
              <th>{label1}</th>
              <td className={classes.number}>{money(target[field1])}</td>
              <th>{label2}</th>
              <td className={classes.number}>{money(target[field2])}</td>
              <th>合计</th>
              <td className={classes.number}>{money(target[field1] + target[field2])}</td>
            </tr>
          ))}
          <tr>
            <th>职能概述</th>
            <td colSpan={5}>{target.functions}</td>
          </tr>
          <GoalsRows content={target} />
        </tbody>
      </table>
      <table aria-label="年度主要任务（申报表）">
        <thead>
          <tr>
            <th style={{ width: '18%' }}>部门职能</th>
            <th style={{ width: '26%' }}>年度任务</th>
            <th>对应项目</th>
            <th style={{ width: '14%' }}>金额</th>
          </tr>
        </thead>
        <tbody>
          {target.tasks.map((t, i) => (
            <tr key={i}>
              <td>{t.function}</td>
              <td>{t.task}</td>
              <td>{t.projectCodes.map((code) => projectName.get(code) ?? code).join('、')}</td>
              <td className={classes.number}>{money(t.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <IndicatorSheetTable content={target} />
      <ReviewLine target={target} />
    </Sheet>
  );
}
