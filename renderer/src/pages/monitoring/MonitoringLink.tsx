import { routeHref } from '../../router';

/** A link to a round or a sheet; the title keeps the full name where a table cell cuts it. */
export function MonitoringLink({ to, id, text }: { to: 'round' | 'sheet'; id: string; text: string }) {
  return (
    <a href={routeHref('monitoring', to, id)} title={text}>
      {text}
    </a>
  );
}
