import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumInstalled } from '../testSupport/chromium';

/** Runs `npm run bench -- --quick` the way npm does (node on the launcher), collecting stdout. */
function quickBench(): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('electron/tooling/bench.mjs'), '--quick'], { cwd: path.resolve('.') });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('npm run bench', () => {
  it('ends with one JSON line holding every figure, the ratios to their limits in fields named *ratio*', async () => {
    const { code, out, err } = await quickBench();
    expect(err).not.toMatch(/Error/);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const figures = JSON.parse(lines.at(-1)!) as Record<string, number | string>;
    // Each figure was printed as it was taken, with the value the JSON line holds.
    for (const line of lines.slice(0, -1)) {
      const [name, value] = line.split(' ');
      expect(String(figures[name!])).toBe(value);
    }
    expect(figures).toMatchObject({ quick: 1, machine: expect.any(String), cpu: expect.any(String), node: process.version, prefecture_counties: 2 });
    for (const field of [
      'open_prefecture_cold_ms',
      'open_prefecture_warm_ms',
      'generate_county_year_ms',
      'package_export_ms',
      'package_verify_ms',
      'package_import_ms',
      'package_import_rows_per_s',
      'package_repeat_import_ms',
      'export_preview_ms',
      'xlsx_import_preview_ms',
      'xlsx_import_apply_ms',
      'library_search_ms',
      'round_create_ms',
      'prefecture_dashboard_all_years_ms',
      'self_evaluation_scoring_ms',
      'list_big_county_projects_list_ms',
      'list_big_county_monitoring_warnings_ms',
      'list_prefecture_exchange_dashboard_ms',
    ]) {
      expect(figures[field], field).toBeGreaterThan(0);
    }
    const ratios = Object.keys(figures).filter((name) => name.includes('ratio'));
    expect(ratios).toEqual(
      expect.arrayContaining(['open_prefecture_cold_ratio_to_raw', 'package_import_ratio_to_raw_insert', 'package_repeat_ratio_to_first_import', 'library_search_ratio_to_raw_fts']),
    );
    for (const name of ratios) expect(figures[name], name).toBeGreaterThan(0);
    expect(figures.package_rows).toBeGreaterThan(1000);
    // The browser stage: each list page's first screen and the frames while its scrollbar was dragged to the
    // bottom, and the library search over HTTP; without Chromium, one line saying it was skipped.
    if (!chromiumInstalled()) {
      expect(figures.browser_skipped).toMatch(/未找到Chromium/);
      return;
    }
    for (const page of ['big_county_projects', 'big_county_monitoring_sheets', 'big_county_self_evaluation', 'library_500_library', 'prefecture_county_projects']) {
      expect(figures[`browser_${page}_first_screen_ms`], page).toBeGreaterThan(0);
      expect(figures[`browser_${page}_scroll_frames`], page).toBeGreaterThan(10);
      expect(figures[`browser_${page}_scroll_p95_frame_ms`], page).toBeGreaterThan(0);
      expect(figures[`browser_${page}_scroll_max_frame_ms`], page).toBeGreaterThanOrEqual(figures[`browser_${page}_scroll_p95_frame_ms`] as number);
      expect(figures[`browser_${page}_scroll_reached_pct`], page).toBeGreaterThanOrEqual(95);
    }
    expect(figures.browser_big_county_funds_first_screen_ms).toBeGreaterThan(0);
    expect(figures.library_search_http_ms).toBeGreaterThan(0);
  }, 600_000);
});
