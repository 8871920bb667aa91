// Runs the real app for a browser test: a fresh database in a temp folder behind the web bridge, and
// Debian's Chromium driven by playwright-core. Needs the built renderer in out/renderer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, inject } from 'vitest';
import { startBridge, type Bridge } from '../electron/bridge/server';
import type { Channel, Input, Output, Result } from '../electron/ipc/contract';
import { sampleDatabasePath } from '../electron/backup/databaseFiles';
import type { DemoSummary } from '../electron/demo';
import { appPath } from '../electron/paths';
import { launchBrowser, WINDOW_OPTIONS } from '../electron/testSupport/chromium';
import { migratedTemplate, sampleTemplate } from '../electron/testSupport/sampleTemplate';

export const ARTIFACTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Full-page screenshots into e2e/artifacts/<folder>/, to look at what a test built. */
export function screenshotsIn(folder: string): (page: Page, name: string) => Promise<void> {
  const dir = path.join(ARTIFACTS_DIR, folder);
  return async (page, name) => {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  };
}

export interface AppUnderTest {
  page: Page;
  bridge: Bridge;
  /** Errors thrown in the page; a test that passes with page errors is not passing. */
  pageErrors: string[];
  /** Calls the contract from the test itself, with the token, as the page would. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Saves what the page shows to e2e/artifacts/<name>.png, for a failed test. */
  captureFailure(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Defaults to out/renderer, the bridge's own default. */
  staticDir?: string;
  /** Names this app's failure screenshot when a test runs several (县, 州, 单位). */
  label?: string;
  /**
   * The user-data folder already holds the sample county of 2020 as 张三 made it (打开示例数据库 once before), copied
   * from the run's template: `database.openSample` for 2020 then opens it at once (its `generated` is null).
   */
  sampleMade?: boolean;
}

/** What the generator reported when it made the sample copied by `sampleMade`. */
export const madeSampleSummary = (): DemoSummary => sampleTemplate(inject('sampleTemplate')).summary;

/**
 * One Chromium per test file, started by the first app: each app gets a fresh context of its own (cookies,
 * storage and downloads apart), so tests stay independent without paying a browser start each.
 */
let sharedBrowser: Promise<Browser> | undefined;
const browserForFile = (): Promise<Browser> =>
  (sharedBrowser ??= launchBrowser());
afterAll(async () => {
  await (await sharedBrowser)?.close();
  sharedBrowser = undefined;
});

/** The apps started during the current test, for appsPerTest to screenshot and close. */
const startedApps: { app: AppUnderTest; label: string | undefined }[] = [];

export async function startApp({ staticDir = appPath('out', 'renderer'), label, sampleMade = false }: StartOptions = {}): Promise<AppUnderTest> {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir} 中没有构建好的界面：请先运行 node electron/tooling/build.mjs（或 npx vite build --config vite.config.mts）`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-e2e-'));
  const templates = inject('sampleTemplate');
  if (sampleMade) fs.copyFileSync(sampleTemplate(templates).file, sampleDatabasePath(dir));
  // The new database the bridge opens, as migrating a new file leaves it: the migrations run on the test's
  // critical path (browser tests run one file at a time), a copy of the run's migrated file costs nothing.
  const dbPath = path.join(dir, 'jixiao.db');
  fs.copyFileSync(migratedTemplate(templates), dbPath);
  const bridge = await startBridge({ dbPath, staticDir, dataDir: dir });
  let context: BrowserContext | undefined;
  try {
    context = await (await browserForFile()).newContext(WINDOW_OPTIONS);
  } catch (error) {
    await bridge.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const page = await context.newPage();
  const pageErrors: string[] = [];
  let closed = false;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(bridge.openUrl);

  const app: AppUnderTest = {
    page,
    bridge,
    pageErrors,
    async call(channel, input) {
      // The page's session cookie, so that what the test sets up (a sign-in above all) is the page's.
      const cookie = (await context.cookies(bridge.url)).map((c) => `${c.name}=${c.value}`).join('; ');
      const response = await fetch(new URL('api/invoke', bridge.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Jixiao-Token': bridge.token, Cookie: cookie },
        body: JSON.stringify({ channel, input }),
      });
      const result = (await response.json()) as Result<Output<typeof channel>>;
      if (!result.ok) throw new Error(`${String(channel)}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async captureFailure(name) {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      // Idempotent: a failed beforeEach leaves the previous test's app for afterEach to close again.
      if (closed) return;
      closed = true;
      await context.close();
      await bridge.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  startedApps.push({ app, label });
  return app;
}

/**
 * The one setup of a browser test file: `start` runs before each test (and starts the apps it needs);
 * after each test every app started meanwhile, including those a test started itself, is screenshotted
 * if the test failed, then closed.
 */
export function appsPerTest(start: () => Promise<unknown>): void {
  beforeEach(async () => {
    await start();
  });
  afterEach(async ({ task }) => {
    const apps = startedApps.splice(0);
    if (task.result?.state === 'fail') {
      const shots = await Promise.all(apps.map(({ app, label }) => app.captureFailure(label ? `${task.name}-${label}` : task.name)));
      console.error(`失败截图：${shots.join('、')}`);
    }
    for (const { app } of apps) await app.close();
  });
}

/**
 * A fresh app set up as 轮台县 (652822) with 张三 signed in. `prepare` adds data through the API; the page,
 * which loaded before the setup, is then reloaded onto the set-up county instead of the first-run wizard.
 */
export async function startCountyApp(prepare?: (app: AppUnderTest) => Promise<unknown>, options: StartOptions = {}): Promise<AppUnderTest> {
  const app = await startApp(options);
  await app.call('setup.init', { role: 'county', regionCode: '652822', operatorName: '张三', password: null });
  await prepare?.(app);
  await app.page.reload();
  return app;
}

/** 张三's password once he has colleagues: beside a second operator every administrator must have one. */
export const ADMIN_PASSWORD = '张三的密码';

/** Gives 张三 his password through the API, as an administrator must before adding a second operator. */
export const secureAdmin = (app: AppUnderTest) => app.call('session.changePassword', { current: null, next: ADMIN_PASSWORD });

/** Picks an option of a searchable Mantine Select by typing part of it, as a user would. */
export async function chooseOption(page: Page, label: string, typed: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Signs out and signs in as another operator, typing their password if they have one, as a second person
 * at the same PC does: `option` is how the sign-in list shows them, e.g. 「王审核（审核人）」.
 */
export async function signInAs(page: Page, name: string, option: string, password?: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await chooseOption(page, '操作员', name, option);
  if (password) await page.getByLabel('密码', { exact: true }).pressSequentially(password, { delay: 30 });
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('banner').getByText(`操作员：${name}`).waitFor();
}

/** Replaces a field's text the way a person does: select all, delete, type key by key. */
export async function retype(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.pressSequentially(text, { delay: 30 });
}
