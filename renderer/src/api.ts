// The one typed client over the IPC contract. In Electron the preload exposes `window.jixiao.invoke`;
// in a browser the same calls go to the web bridge with the per-start token. Pages never see which.
import type { Channel, Input, Output, Result } from '../../electron/ipc/contract';
import type { JixiaoBridge } from '../../electron/shell/bridgeApi';

declare global {
  interface Window {
    jixiao?: JixiaoBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Failures no page can handle by itself: the app switches to a full-page message or the sign-in screen. */
export type AccessProblem = 'forbidden' | 'signedOut';

const accessListeners = new Set<(problem: AccessProblem) => void>();

export function onAccessProblem(listener: (problem: AccessProblem) => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

const ACCESS_PROBLEMS: Record<string, AccessProblem> = {
  FORBIDDEN_SENDER: 'forbidden',
  NOT_SIGNED_IN: 'signedOut',
};

const TOKEN_STORAGE_KEY = 'jixiao.bridgeToken';
const TOKEN_HEADER = 'X-Jixiao-Token';

/** The token in a `#token=…` fragment, or null when the fragment is something else (e.g. a page route). */
export function tokenFromFragment(hash: string): string | null {
  const match = /^#?token=([0-9A-Za-z]+)$/.exec(hash);
  return match?.[1] ?? null;
}

/**
 * Moves the bridge token from the address bar into sessionStorage, so that a reload keeps working and
 * the token is not left visible (or bookmarked) in the URL. Call once before the first render.
 */
export function adoptTokenFromUrl(): void {
  const token = tokenFromFragment(window.location.hash);
  if (!token) return;
  sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

const CONNECTION_LOST = '无法连接到绩效程序。请确认启动它的窗口仍在运行，然后刷新本页。';

async function viaBridge(channel: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '' },
      body: JSON.stringify({ channel, input }),
    });
  } catch {
    throw new ApiError('CONNECTION_LOST', CONNECTION_LOST);
  }
  try {
    return await response.json();
  } catch {
    throw new ApiError('INTERNAL', `本机服务返回了无法识别的应答（HTTP ${response.status}），请刷新后重试。`);
  }
}

function transport(): (channel: string, input: unknown) => Promise<unknown> {
  const electron = window.jixiao;
  return electron ? (channel, input) => electron.invoke(channel, input) : viaBridge;
}

/** Calls one channel; resolves to its value or throws an ApiError carrying the Chinese message. */
export async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = (await transport()(channel, input)) as Result<Output<C>>;
  if (result.ok) return result.value;
  const problem = ACCESS_PROBLEMS[result.error.code];
  if (problem) accessListeners.forEach((listener) => listener(problem));
  throw new ApiError(result.error.code, result.error.message);
}

/** The message to show for any failure, whether it came from the service or from the page itself. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return `操作没有完成：${error instanceof Error ? error.message : String(error)}`;
}
