// One copy of the app per user: a second start (a double-click on the desktop icon while the app sits
// minimised behind Excel) brings the first window to the front and leaves. Decided here, without Electron.

export type InstanceDecision =
  /** The self-test runs on a temporary database beside a running app and must not be turned away. */
  | 'self-test'
  | 'run'
  /** Another copy holds the lock; it was told (second-instance) and comes to the front. */
  | 'leave';

/** `requestLock` is Electron's app.requestSingleInstanceLock, called only when the lock matters. */
export function instanceDecision(selfTest: boolean, requestLock: () => boolean): InstanceDecision {
  if (selfTest) return 'self-test';
  return requestLock() ? 'run' : 'leave';
}

export type FrontStep = 'restore' | 'show' | 'focus';

/**
 * What the first copy does with its window when a second one starts: un-minimise it, show it if hidden,
 * and focus it. Windows lets the first copy take the foreground here because the starting copy allowed it
 * (Chromium's process singleton calls AllowSetForegroundWindow). No window yet (still starting): nothing,
 * it is shown as soon as it is painted.
 */
export function bringToFront(window: { minimized: boolean; visible: boolean } | null): FrontStep[] {
  if (!window) return [];
  return [...(window.minimized ? (['restore'] as const) : []), ...(window.visible ? [] : (['show'] as const)), 'focus'];
}
