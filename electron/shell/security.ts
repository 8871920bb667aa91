// The shell's security decisions as pure functions, so they are table-tested without the Electron
// binary. The web bridge uses the same CSP and static-path rules.
import path from 'node:path';

/**
 * Strict CSP for the renderer: only the app's own scripts and styles, no remote content, no eval.
 * Mantine injects style tags at run time, hence 'unsafe-inline' for styles only.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}

/**
 * Maps a request path to a file inside `rootDir`, or null when it would leave it (../, encoded
 * separators, absolute paths, NUL bytes). "/" maps to index.html.
 */
export function resolveStaticPath(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  if (relative.split('/').some((part) => part === '..')) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
