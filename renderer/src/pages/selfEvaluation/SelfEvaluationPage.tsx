// 绩效自评 (项目支出绩效自评表): the year's approved project targets with their self-evaluations, and one
// self-evaluation to fill in and review. Routes: #/selfEvaluation[/年度], #/selfEvaluation/edit/<id>.
import { useRoute } from '../../router';
import { yearFromRoute } from '../../components/YearSelect';
import { SelfEvaluationEditor } from './SelfEvaluationEditor';
import { SelfEvaluationList } from './SelfEvaluationList';

export function SelfEvaluationPage() {
  const [, kind, id] = useRoute();
  if (kind === 'edit' && id) return <SelfEvaluationEditor key={id} id={id} />;
  return <SelfEvaluationList year={yearFromRoute(kind)} />;
}
