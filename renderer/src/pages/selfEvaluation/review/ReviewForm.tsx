// One imported table as the official form (财预〔2020〕10号 annex), with the rule's score beside the
// unit's on every row, a difference shaded with both values and its reason on the row it concerns.
import type { Difference } from '../../../../../electron/domain/selfEvaluation/review';
import type { ExternalReviewDetail, ReviewedIndicatorRow } from '../../../../../electron/selfEvaluation/contract';
import classes from './ReviewForm.module.css';

const COLUMNS = 11;

/** A score cell: the unit's figure, shaded when the rule's differs. */
function ScoreCell({ value, differs }: { value: string; differs: boolean }) {
  return (
    <td className={`${classes.number} ${differs ? classes.differs : ''}`} aria-invalid={differs || undefined}>
      {value === '' ? '—' : value}
    </td>
  );
}

function Notes({ differences, flags }: { differences: readonly Difference[]; flags: readonly string[] }) {
  return (
    <>
      {differences.map((d) => (
        <div key={`${d.kind}-${d.message}`} className={classes.note}>
          {d.message}
        </div>
      ))}
      {flags.map((f) => (
        <div key={f} className={classes.flag}>
          {f}
        </div>
      ))}
    </>
  );
}

/** How many rows each 一级 / 二级 label cell spans, as the annex merges them; 0 where the cell above covers it. */
function labelSpans(rows: readonly ReviewedIndicatorRow[], level: (row: ReviewedIndicatorRow) => string): number[] {
  return rows.map((row, i) => {
    if (i > 0 && level(rows[i - 1]!) === level(row)) return 0;
    let span = 1;
    while (i + span < rows.length && level(rows[i + span]!) === level(row)) span++;
    return span;
  });
}

const level1Of = (row: ReviewedIndicatorRow) => row.level1;
const level2Of = (row: ReviewedIndicatorRow) => `${row.level1}\u0000${row.level2}`;

/** A 二级指标's subtotal row names no 三级指标 of its own. */
const isSubtotal = (row: ReviewedIndicatorRow) => row.label === row.level2 && row.target === '/';

function IndicatorRow({ row, spans }: { row: ReviewedIndicatorRow; spans: [number, number] }) {
  const scoreDiffers = row.differences.some((d) => d.kind === 'indicator' || d.kind === 'subtotal');
  const weightDiffers = row.differences.some((d) => d.kind === 'subRowWeights');
  const rule = row.differences.find((d) => d.kind === 'subtotal')?.rule ?? row.ruleScore ?? '—';
  return (
    <tr data-row={row.label}>
      {spans[0] > 0 && <td rowSpan={spans[0]}>{row.level1}</td>}
      {spans[1] > 0 && <td rowSpan={spans[1]}>{row.level2}</td>}
      <td className={row.parent !== undefined ? classes.subRow : undefined}>{isSubtotal(row) ? '小计' : row.label}</td>
      <td>{[row.operator, row.target, row.unit].filter(Boolean).join(' ')}</td>
      <td>{row.actual}</td>
      <ScoreCell value={row.weight} differs={weightDiffers} />
      <ScoreCell value={row.score} differs={scoreDiffers} />
      <td className={`${classes.number} ${scoreDiffers ? classes.differs : ''}`}>{rule}</td>
      <td colSpan={2}>{row.deviation}</td>
      <td>
        <Notes differences={row.differences} flags={row.flags} />
      </td>
    </tr>
  );
}

export function ReviewForm({ detail }: { detail: ExternalReviewDetail }) {
  const { written, budget, total, summary } = detail;
  const totalDiffers = summary.some((d) => d.kind !== 'weights');
  const gradeDiffers = written.grade !== '' && written.grade !== total.grade;
  const level1Spans = labelSpans(detail.rows, level1Of);
  const level2Spans = labelSpans(detail.rows, level2Of);
  return (
    <div className={classes.sheet}>
      <h2 className={classes.title}>项目支出绩效自评表</h2>
      <div className={classes.subtitle}>（{detail.record.year} 年度） · 复核稿：单位填报得分与按规则复算得分对照</div>
      <table className={classes.table} aria-label="自评表复核">
        <colgroup>
          <col style={{ width: '8%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '18%' }} />
        </colgroup>
        <tbody>
          <tr>
            <td className={classes.label}>项目名称</td>
            <td colSpan={COLUMNS - 1}>{written.projectName}</td>
          </tr>
          <tr>
            <td className={classes.label}>主管部门</td>
            <td colSpan={4}>{written.department}</td>
            <td className={classes.label} colSpan={2}>
              实施单位
            </td>
            <td colSpan={4}>{written.unitName}</td>
          </tr>
          <tr>
            <td className={classes.label} rowSpan={2}>
              项目资金（万元）
            </td>
            <th>年初预算数</th>
            <th>全年预算数</th>
            <th>全年执行数</th>
            <th>执行率</th>
            <th>分值</th>
            <th>单位得分</th>
            <th>复核得分</th>
            <th colSpan={3}>复核说明</th>
          </tr>
          <tr>
            <td className={classes.number}>{written.budget.initial}</td>
            <td className={classes.number}>{written.budget.adjusted}</td>
            <td className={classes.number}>{written.budget.executed}</td>
            <td className={classes.number}>{budget.rate}</td>
            <td className={classes.number}>{written.budget.weight}</td>
            <ScoreCell value={written.budget.score} differs={budget.difference !== null} />
            <td className={`${classes.number} ${budget.difference ? classes.differs : ''}`}>{budget.ruleScore}</td>
            <td colSpan={3}>
              <Notes differences={budget.difference ? [budget.difference] : []} flags={budget.flags} />
            </td>
          </tr>
          <tr>
            <td className={classes.label} rowSpan={2}>
              年度总体目标
            </td>
            <th colSpan={5}>预期目标</th>
            <th colSpan={5}>实际完成情况</th>
          </tr>
          <tr>
            <td colSpan={5}>{written.goal.expected}</td>
            <td colSpan={5}>{written.goal.actual}</td>
          </tr>
          <tr>
            <th>一级指标</th>
            <th>二级指标</th>
            <th>三级指标</th>
            <th>年度指标值</th>
            <th>实际完成值</th>
            <th>分值</th>
            <th>单位得分</th>
            <th>复核得分</th>
            <th colSpan={2}>偏差原因分析及改进措施</th>
            <th>复核说明</th>
          </tr>
          {detail.rows.map((row, i) => (
            <IndicatorRow key={row.rowNumber} row={row} spans={[level1Spans[i]!, level2Spans[i]!]} />
          ))}
          <tr>
            <td className={classes.label} colSpan={5}>
              总分
            </td>
            <td className={classes.number}>{written.total?.weight ?? ''}</td>
            <ScoreCell value={written.total?.score ?? ''} differs={totalDiffers} />
            <td className={`${classes.number} ${totalDiffers ? classes.differs : ''}`}>{total.ruleTotal}</td>
            <td colSpan={3}>
              <Notes differences={summary} flags={total.cappedAt ? [`执行率封顶：总分至多 ${total.cappedAt}`] : []} />
            </td>
          </tr>
          <tr>
            <td className={classes.label} colSpan={5}>
              评价等级
            </td>
            <td />
            <td className={`${gradeDiffers ? classes.differs : ''}`} style={{ textAlign: 'center' }}>
              {written.grade || '—'}
            </td>
            <td className={`${gradeDiffers ? classes.differs : ''}`} style={{ textAlign: 'center' }}>
              {total.grade}
            </td>
            <td colSpan={3} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
