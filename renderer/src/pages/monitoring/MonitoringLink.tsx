import { routeHref } from '../../router';

/** A link to a round, a project's sheet or a unit's department sheet; the title keeps the full name where a table cell cuts it. */
export function MonitoringLink({ to, id, text }: { to: 'round' | 'sheet' | 'department'; id: string; text: string }) {
  return (
    <a href={routeHref('monitoring', to, id)} title={text}>
      {text}
    </a>
  );
}
