// A tiny hash router: "#/registry/units" → ['registry', 'units']. Hash routes survive a reload in the
// browser and need no server support under Electron's app:// scheme.
import { useSyncExternalStore } from 'react';

export function parseRoute(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
}

export const routeHref = (...parts: string[]): string => `#/${parts.map(encodeURIComponent).join('/')}`;

/**
 * A form with unsaved changes: asked before the route changes (link, sidebar, back button, navigate())
 * and, through `beforeunload`, before the window reloads or closes.
 */
export interface LeaveGuard {
  dirty: () => boolean;
  /** Asks the user; resolves true when the form may go (saved or discarded), false to stay. */
  confirm: () => Promise<boolean>;
}

const guards = new Set<LeaveGuard>();
/** The most recently opened form with unsaved changes (a dialog over its page comes first). */
const blockingGuard = () => [...guards].reverse().find((guard) => guard.dirty());
/** A route change the user already agreed to, let through without asking again. */
let allowedHash: string | null = null;

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => void guards.delete(guard);
}

/** Asks the open form with unsaved changes, if any; true when the app may leave it (e.g. to sign out). */
export async function confirmLeaving(): Promise<boolean> {
  const guard = blockingGuard();
  return !guard || guard.confirm();
}

async function go(hash: string): Promise<void> {
  if (sameHash(hash, window.location.hash)) return;
  if (!(await confirmLeaving())) return;
  allowedHash = hash;
  window.location.hash = hash;
}

export function navigate(...parts: string[]): void {
  void go(routeHref(...parts));
}

const sameHash = (a: string, b: string) => a.replace(/^#\/?/, '') === b.replace(/^#\/?/, '');

function installLeaveGuards(): void {
  // Links: ask before the browser moves, so no history entry is made for a move the user cancels.
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const hash = link.getAttribute('href')!;
      if (sameHash(hash, window.location.hash) || !blockingGuard()) return;
      event.preventDefault();
      void go(hash);
    },
    { capture: true },
  );
  // Anything else that moves the hash (back button, typed address): put the form's address back at once,
  // before the page re-renders, and ask. Registered at load so it runs before any route subscriber.
  window.addEventListener(
    'hashchange',
    (event) => {
      const hash = window.location.hash;
      if (allowedHash !== null && sameHash(allowedHash, hash)) {
        allowedHash = null;
        return;
      }
      if (!blockingGuard()) return;
      window.history.replaceState(window.history.state, '', event.oldURL);
      void go(hash);
    },
    { capture: true },
  );
  window.addEventListener('beforeunload', (event) => {
    if (!blockingGuard()) return;
    event.preventDefault();
    event.returnValue = ''; // older Chromium (Electron) needs it set to show its prompt
  });
}

if (typeof window !== 'undefined') installLeaveGuards();

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route's segments; re-renders on every hash change. */
export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
