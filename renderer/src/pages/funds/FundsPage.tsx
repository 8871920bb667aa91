// 衔接资金 (domain.md §10). Routes: #/funds/<year> for the county view, #/funds/project/<projectId> for one
// project's loop (its four stages, spending progress and fund records).
import { yearFromRoute } from '../../components/YearSelect';
import { useRoute } from '../../router';
import { CountyView } from './CountyView';
import { ProjectView } from './ProjectView';

export function FundsPage() {
  const [, view, id] = useRoute();
  if (view === 'project' && id) return <ProjectView projectId={id} />;
  return <CountyView year={yearFromRoute(view)} />;
}
