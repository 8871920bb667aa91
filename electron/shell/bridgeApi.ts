// What the preload exposes to the renderer as `window.jixiao`. Kept free of Electron imports so the
// renderer can declare the global from it, and the preload object is checked against it.

export interface JixiaoBridge {
  /** Calls one channel of the IPC contract; resolves to the router's `{ ok, value }` / `{ ok, error }`. */
  invoke(channel: string, input: unknown): Promise<unknown>;
}

/** The one IPC channel main listens on; every contract channel travels inside it. */
export const INVOKE_CHANNEL = 'jixiao:invoke';

export interface InvokeRequest {
  channel: string;
  input: unknown;
}
