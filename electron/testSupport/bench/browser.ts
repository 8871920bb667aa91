// The bench's browser stage (issue 17): the list pages as a person meets them, in Chromium through the web
// bridge. For each page: the first screen (from the address changing to a frame that has the list's first
// row) and scrolling (the list's scrollbar dragged with the mouse over about two seconds, every frame's
// interval recorded by requestAnimationFrame in the page); and the library search timed over HTTP with the
// token, as the page calls it. The clocks run in the page, so playwright's own round trips are not counted.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../bridge/server';
import { appPath } from '../../paths';
import { launchChromium } from '../chromium';
import { median } from './measure';

/** A list page: where it is, and the accessible name of its table (VirtualTable's label, a <table>'s aria-label). */
export interface ListPage {
  name: string;
  route: string;
  table: string;
}

/** One database behind the bridge and the pages measured on it; `search` times library.search over HTTP there. */
export interface BrowserSite {
  size: string;
  file: string;
  pages: ListPage[];
  search?: { text: string; runs: number };
}

export interface BrowserPlan {
  /** First screens per page (their median) and drags per page (their frames pooled). */
  runs: number;
  /** A page whose first row has not come after this long is reported as failing. */
  timeoutMs: number;
}

export type Recorder = (name: string, value: number) => void;

/** The built interface the bridge serves; the bench measures what `npm run build` last built. */
const RENDERER = appPath('out', 'renderer');
/** A light page to start each navigation from (three small calls), so that the previous list is gone. */
const START_ROUTE = '#/settings/installation';
const DRAG_MS = 2000;
const DRAG_STEPS = 60;

/**
 * What runs in the page, as plain JavaScript: functions handed to page.evaluate would be serialised from
 * tsx's output, which may call helpers the page does not have.
 */
const PAGE_INSTRUMENTS = `
window.jixiaoBench = {
  call: async (token, channel, input) => {
    const response = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Jixiao-Token': token },
      body: JSON.stringify({ channel, input }),
    });
    return response.json();
  },
  // Moves to the page and resolves at the first frame that has the list's first row laid out, or its empty state.
  firstRow: (hash, table, timeoutMs) => new Promise((resolve) => {
    const rowSelector = '[aria-label="' + table + '"] :is([role="row"][aria-rowindex="2"], tbody tr)';
    const before = new Set(document.querySelectorAll('.mantine-EmptyState-root'));
    const started = performance.now();
    location.hash = hash;
    const look = () => {
      const ms = performance.now() - started;
      const row = document.querySelector(rowSelector);
      if (row && row.getBoundingClientRect().height > 0) return resolve({ found: 'row', ms });
      if ([...document.querySelectorAll('.mantine-EmptyState-root')].some((e) => !before.has(e))) return resolve({ found: 'empty', ms });
      if (ms > timeoutMs) return resolve({ found: 'timeout', ms });
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }),
  // Keeps the list's scroller (the table's own, else the nearest scrolling ancestor, else the document) for
  // the calls below, at its top, and brings it into view as a person would before dragging its scrollbar.
  holdScroller: (table) => {
    const list = document.querySelector('[aria-label="' + table + '"]');
    let scroller = list.querySelector('[role="row"][aria-rowindex="2"], tbody tr');
    while (scroller && scroller !== document.documentElement) {
      const overflow = getComputedStyle(scroller).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && scroller.scrollHeight > scroller.clientHeight) break;
      scroller = scroller.parentElement;
    }
    const whole = !scroller || scroller === document.documentElement;
    const element = whole ? document.scrollingElement : scroller;
    element.scrollTop = 0;
    if (!whole) element.scrollIntoView({ block: element.offsetHeight > window.innerHeight ? 'start' : 'end', behavior: 'instant' });
    window.jixiaoBench.scroller = { element, whole };
    return list.tagName === 'TABLE' ? list.tBodies[0].rows.length : Number(list.getAttribute('aria-rowcount')) - 1;
  },
  // Where the held scroller's vertical scrollbar is on the screen: x of its middle, the track's top and length.
  scrollbar: () => {
    const { element, whole } = window.jixiaoBench.scroller;
    const scrolls = element.scrollHeight > element.clientHeight;
    if (whole) {
      const bar = window.innerWidth - document.documentElement.clientWidth;
      return { scrolls, bar, x: window.innerWidth - bar / 2, top: 0, height: window.innerHeight };
    }
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const left = parseFloat(style.borderLeftWidth), right = parseFloat(style.borderRightWidth);
    const bar = element.offsetWidth - element.clientWidth - left - right;
    return { scrolls, bar, x: box.right - right - bar / 2, top: box.top + parseFloat(style.borderTopWidth), height: element.clientHeight };
  },
  scrollTop: () => window.jixiaoBench.scroller.element.scrollTop,
  toTop: () => {
    window.jixiaoBench.scroller.element.scrollTop = 0;
  },
  scrolledShare: () => {
    const s = window.jixiaoBench.scroller.element;
    return s.scrollTop / (s.scrollHeight - s.clientHeight);
  },
  startFrames: () => {
    const times = [];
    let running = true;
    const tick = (time) => {
      if (!running) return;
      times.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.jixiaoBench.stopFrames = () => {
      running = false;
      return times.slice(1).map((time, i) => time - times[i]);
    };
  },
  timeCalls: async (token, channel, input, runs) => {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const reply = await window.jixiaoBench.call(token, channel, input);
      times.push(performance.now() - started);
      if (!reply.ok) throw new Error(channel + '：' + reply.error.message);
    }
    return times;
  },
};
`;

const inPage = <T>(page: Page, name: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(`window.jixiaoBench.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<T>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The value below which 95% of the frames fall. */
const percentile95 = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? 0;

interface Open {
  page: Page;
  bridge: Bridge;
  pageErrors: string[];
  close(): Promise<void>;
}

/** The bridge on the site's database and Chromium on it, signed in as its first operator (the administrator). */
async function openSite(file: string, folder: string): Promise<Open> {
  const dataDir = fs.mkdtempSync(path.join(folder, 'browser-'));
  const bridge = await startBridge({ dbPath: file, staticDir: RENDERER, dataDir });
  let context: BrowserContext;
  try {
    context = await launchChromium(path.join(dataDir, 'chromium-profile'), { scrollbars: true });
  } catch (error) {
    await bridge.close();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript({ content: PAGE_INSTRUMENTS });
  await page.goto(bridge.openUrl);
  const status = await inPage<{ ok: boolean; value: { operators: { id: string }[] } }>(page, 'call', bridge.token, 'setup.status', {});
  const signedIn = await inPage<{ ok: boolean; error?: { message: string } }>(page, 'call', bridge.token, 'session.signIn', { operatorId: status.value.operators[0]!.id, password: null });
  if (!signedIn.ok) throw new Error(`基准测试无法在浏览器中登录：${signedIn.error!.message}`);
  await page.reload();
  await page.getByRole('banner').getByText('操作员：').waitFor();
  return {
    page,
    bridge,
    pageErrors,
    async close() {
      await context.close();
      await bridge.close();
    },
  };
}

async function goToStart(page: Page): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(START_ROUTE)}`);
  await page.getByRole('heading', { name: '设置' }).first().waitFor();
  await sleep(300);
}

/** The median first screen of a page, or null (with a line on stderr) when its list is empty or never came. */
async function firstScreenMs(page: Page, list: ListPage, plan: BrowserPlan, say: (line: string) => void): Promise<number | null> {
  const times: number[] = [];
  for (let run = 0; run < plan.runs; run++) {
    await goToStart(page);
    const seen = await inPage<{ found: 'row' | 'empty' | 'timeout'; ms: number }>(page, 'firstRow', list.route, list.table, plan.timeoutMs);
    if (seen.found === 'empty') {
      say(`${list.name}：列表为空（${list.route}），不计首屏和滚动`);
      return null;
    }
    if (seen.found === 'timeout') throw new Error(`${list.name}（${list.route}）在 ${plan.timeoutMs} 毫秒内没有显示出第一行，也没有显示空列表`);
    times.push(seen.ms);
  }
  return median(times);
}

interface ScrollFigures {
  rows: number;
  frames: number[];
  /** How far down the list the drags took it, the least of them: 1 is the bottom. */
  reached: number;
}

interface Scrollbar {
  scrolls: boolean;
  bar: number;
  x: number;
  top: number;
  height: number;
}

/**
 * How far below the track's top the thumb can be grabbed, found as a person finds it: press, nudge down and
 * back; the thumb follows both ways, while a press on the track pages down and stays. Null when none is found.
 */
async function thumbOffset(page: Page, bar: Scrollbar): Promise<number | null> {
  for (let offset = 2; offset < bar.height / 2; offset += 3) {
    await page.mouse.move(bar.x, bar.top + offset);
    await page.mouse.down();
    await page.mouse.move(bar.x, bar.top + offset + 6);
    await sleep(50);
    const down = await inPage<number>(page, 'scrollTop');
    await page.mouse.move(bar.x, bar.top + offset);
    await sleep(50);
    const back = await inPage<number>(page, 'scrollTop');
    await page.mouse.up();
    await inPage(page, 'toTop');
    await sleep(50);
    if (down > 0 && back < down) return offset;
  }
  return null;
}

/** Drags the list's scrollbar thumb from the top to the bottom of its track in small steps over DRAG_MS, as a person does. */
async function dragScrollbar(page: Page, list: ListPage, plan: BrowserPlan): Promise<ScrollFigures | null> {
  const rows = await inPage<number>(page, 'holdScroller', list.table);
  await sleep(300);
  const bar = await inPage<Scrollbar>(page, 'scrollbar');
  if (!bar.scrolls) return null;
  if (bar.bar <= 0) throw new Error(`${list.name}：列表没有可拖动的滚动条（浏览器隐藏了滚动条）`);
  const offset = await thumbOffset(page, bar);
  if (offset === null) throw new Error(`${list.name}：在滚动条上找不到滑块`);
  const grabY = bar.top + offset;
  const endY = bar.top + bar.height - 1;
  const frames: number[] = [];
  let reached = 1;
  for (let run = 0; run < plan.runs; run++) {
    await inPage(page, 'toTop');
    await sleep(300);
    await page.mouse.move(bar.x, grabY);
    await inPage(page, 'startFrames');
    await page.mouse.down();
    const started = performance.now();
    for (let step = 1; step <= DRAG_STEPS; step++) {
      await sleep(started + (step * DRAG_MS) / DRAG_STEPS - performance.now());
      await page.mouse.move(bar.x, grabY + ((endY - grabY) * step) / DRAG_STEPS);
    }
    await page.mouse.up();
    await sleep(100);
    frames.push(...(await inPage<number[]>(page, 'stopFrames')));
    reached = Math.min(reached, await inPage<number>(page, 'scrolledShare'));
  }
  return { rows, frames, reached };
}

async function measureSite(site: BrowserSite, plan: BrowserPlan, folder: string, record: Recorder, say: (line: string) => void): Promise<void> {
  const open = await openSite(site.file, folder);
  try {
    for (const list of site.pages) {
      const field = `browser_${site.size}_${list.name}`;
      const first = await firstScreenMs(open.page, list, plan, say);
      if (first === null) continue;
      record(`${field}_first_screen_ms`, first);
      const scroll = await dragScrollbar(open.page, list, plan);
      if (!scroll) {
        say(`${list.name}：列表不足一屏，无需滚动`);
        continue;
      }
      record(`${field}_rows`, scroll.rows);
      record(`${field}_scroll_frames`, scroll.frames.length);
      record(`${field}_scroll_p95_frame_ms`, percentile95(scroll.frames));
      record(`${field}_scroll_max_frame_ms`, Math.max(...scroll.frames));
      record(`${field}_scroll_reached_pct`, Math.round(scroll.reached * 100));
    }
    if (site.search) {
      const times = await inPage<number[]>(open.page, 'timeCalls', open.bridge.token, 'library.search', { text: site.search.text }, site.search.runs);
      record(`library_search_http_ms`, median(times));
    }
    if (open.pageErrors.length) throw new Error(`浏览器中的页面出错：${open.pageErrors.join('；')}`);
  } finally {
    await open.close();
  }
}

/** A county's list pages, with the round whose sheets are listed. */
export const countyListPages = (year: number, roundId: string): ListPage[] => [
  { name: 'projects', route: `#/registry/projects/${year}`, table: '项目' },
  { name: 'units', route: '#/registry/units', table: '预算单位' },
  { name: 'targets', route: `#/targets/projects/${year}`, table: '项目绩效目标' },
  { name: 'monitoring_sheets', route: `#/monitoring/round/${roundId}`, table: '监控表' },
  { name: 'self_evaluation', route: `#/selfEvaluation/${year}`, table: '自评列表' },
  { name: 'funds', route: `#/funds/${year}`, table: '衔接资金项目' },
];

export const LIBRARY_PAGES: ListPage[] = [{ name: 'library', route: '#/library', table: '指标' }];

/** The prefecture's pages across its counties (each a page of 50 rows from SQL), and its summary of them. */
export const PREFECTURE_LIST_PAGES: ListPage[] = [
  { name: 'dashboard', route: '#/dashboard', table: '各县汇总' },
  { name: 'county_projects', route: '#/county-registry', table: '各县项目' },
  { name: 'county_targets', route: '#/county-targets', table: '各县绩效目标' },
  { name: 'county_monitoring_rounds', route: '#/county-monitoring', table: '各县监控轮次' },
  { name: 'county_self_evaluations', route: '#/county-self-evaluation', table: '各县绩效自评' },
  { name: 'county_evaluations', route: '#/county-evaluation', table: '各县绩效评价' },
  { name: 'county_results', route: '#/county-results', table: '各县预算调整建议' },
  { name: 'county_rectifications', route: '#/county-rectification', table: '各县整改通知' },
];

/** Every site's pages in turn, each behind a bridge of its own. */
export async function browserFigures(sites: readonly BrowserSite[], plan: BrowserPlan, folder: string, record: Recorder, say: (line: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error(`${RENDERER} 中没有构建好的界面：请先运行 npm run build`);
  for (const site of sites) await measureSite(site, plan, folder, record, say);
}
