// A browser as the web bridge sees it, for tests that call the bridge over HTTP: it sends the per-start
// token and keeps the session cookie the bridge sets, as a real browser does.
import { TOKEN_HEADER, type Bridge } from '../bridge/server';

export type Reply = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

export function browser(b: Bridge) {
  let cookie = '';
  return async (channel: string, input: unknown = {}): Promise<Reply> => {
    const response = await fetch(new URL('/api/invoke', b.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: b.token, ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify({ channel, input }),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return (await response.json()) as Reply;
  };
}
