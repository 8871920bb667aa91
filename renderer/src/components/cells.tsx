// What table rows show — badges, links, row actions, dimmed dashes — as plain elements with the look of Mantine's
// Badge, Anchor, compact Button and dimmed Text. Dragging a list's scrollbar mounts a fresh screen of rows every
// frame; Mantine's components (theme and props resolution, style variables inline on every element, nested
// spans) were most of that frame's script, style and layout. Pages and dialogs keep Mantine.
import type { MouseEventHandler, ReactNode } from 'react';
import classes from './cells.module.css';

/** The theme colours the lists use. */
export type CellColor = 'gray' | 'blue' | 'teal' | 'orange' | 'red' | 'grape' | 'yellow' | 'green';

/**
 * A badge as Mantine draws it: `light` (tinted), `outline`, or `filled` with Mantine's autoContrast text;
 * radius `sm` for the monitoring lights, the pill otherwise.
 */
export function CellBadge({
  color = 'blue',
  variant = 'light',
  size = 'md',
  radius = 'xl',
  children,
}: {
  color?: CellColor;
  variant?: 'light' | 'outline' | 'filled';
  size?: 'xs' | 'sm' | 'md';
  radius?: 'sm' | 'xl';
  children: ReactNode;
}) {
  return (
    <span className={`${classes.badge} ${classes[color]}`} data-variant={variant} data-size={size} data-radius={radius}>
      {children}
    </span>
  );
}

/** A link in the anchor colour, underlined on hover (Mantine's Anchor). */
export function CellLink({ href, title, label, children }: { href: string; title?: string; label?: string; children: ReactNode }) {
  return (
    <a href={href} title={title} aria-label={label} className={`${classes.link} mantine-focus-auto`}>
      {children}
    </a>
  );
}

/** Grey text (Mantine's dimmed), for a dash where a row has no value yet. */
export function CellDimmed({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <span className={classes.dimmed} title={title}>
      {children}
    </span>
  );
}

/** Red, bold text: a value that is out of bounds (an overspent budget). */
export function CellAlert({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <span className={classes.strong} title={title}>
      {children}
    </span>
  );
}

/** Text at Mantine's small line height, as `<Text span size="sm">` set it. */
export function CellText({ children }: { children: ReactNode }) {
  return <span className={classes.plain}>{children}</span>;
}

/** Small text (`<Text span size="xs">`), for codes beside the names. */
export function CellSmall({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <span className={classes.small} title={title}>
      {children}
    </span>
  );
}

/** Badges or actions side by side in one cell, never wrapping; `noPrint` for actions a printed list leaves out. */
export function CellGroup({ gap, noPrint = false, children }: { gap: 0 | 2 | 4 | 6; noPrint?: boolean; children: ReactNode }) {
  return (
    <span className={noPrint ? `${classes.group} no-print` : classes.group} data-gap={gap}>
      {children}
    </span>
  );
}

interface CellActionProps {
  /** The accessible name: which row the action is for. */
  label: string;
  color?: CellColor;
  /** `subtle` (a row's actions) or `light` (a tinted, smaller button that starts something). */
  variant?: 'subtle' | 'light';
  disabled?: boolean;
  busy?: boolean;
  className?: string;
  children: ReactNode;
}

/** A row's action as Mantine's compact Button: a link with `href`, else a button calling `onClick`. */
export function CellAction({
  label,
  color = 'blue',
  variant = 'subtle',
  disabled = false,
  busy = false,
  className,
  children,
  ...target
}: CellActionProps & ({ href: string } | { onClick: MouseEventHandler<HTMLButtonElement> })) {
  const look = `${classes.action} ${classes[color]} mantine-focus-auto mantine-active${className ? ` ${className}` : ''}`;
  const content = <span className={classes.actionLabel}>{children}</span>;
  if ('href' in target) {
    return (
      <a href={target.href} aria-label={label} className={look} data-variant={variant}>
        {content}
      </a>
    );
  }
  return (
    <button
      type="button"
      onClick={target.onClick}
      aria-label={label}
      className={look}
      data-variant={variant}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {content}
    </button>
  );
}
