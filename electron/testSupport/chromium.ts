// Debian's Chromium as the browser tests and the bench's browser stage drive it through playwright-core:
// one path (JIXIAO_CHROMIUM overrides it), one set of switches, a fresh profile per start.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumInstalled = (): boolean => fs.existsSync(CHROMIUM);

/** What every window gets: the size the pages are designed for, Chinese locale, downloads kept. */
export const WINDOW_OPTIONS = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true } as const;

/** One browser for many fresh contexts (a browser test file shares one; each app gets its own context). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser window of the size the pages are designed for, with its own profile folder. Headless, playwright
 * hides the scrollbars; `scrollbars` keeps them, as the app's window has them, for a person's drag of one.
 */
export function launchChromium(profileDir: string, { scrollbars = false }: { scrollbars?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    ...WINDOW_OPTIONS,
  });
}
