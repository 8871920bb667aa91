// 绩效监控 ("双监控"): the rounds of a year, one round's tabs (填报, 覆盖情况, 预警, 报告), and one project's
// sheet, one unit's 部门整体 sheet. Routes: #/monitoring[/年度], #/monitoring/round/<id>[/tab],
// #/monitoring/sheet/<id>, #/monitoring/department/<id>.
import { useRoute } from '../../router';
import { yearFromRoute } from '../../components/YearSelect';
import { DepartmentSheetEditor } from './DepartmentSheetEditor';
import { RoundsList } from './RoundsList';
import { RoundView } from './RoundView';
import { SheetEditor } from './SheetEditor';

export function MonitoringPage() {
  const [, kind, id, tab] = useRoute();
  if (kind === 'round' && id) return <RoundView roundId={id} tab={tab ?? 'sheets'} />;
  if (kind === 'sheet' && id) return <SheetEditor key={id} sheetId={id} />;
  if (kind === 'department' && id) return <DepartmentSheetEditor key={id} sheetId={id} />;
  return <RoundsList year={yearFromRoute(kind)} />;
}
