// The run's database templates, each made at most once per test run and copied into each test that only needs
// it as data: the sample county of 2020 (the generator takes seconds, a copy milliseconds) and an empty database
// with every migration applied (migrating a new file costs some 200 ms of CPU, a copy under one). Tests of the
// generator and of migrating still call them; each test gets its own copy, so tests stay independent. No vitest
// hooks here: globalSetup loads it too.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../db/open';
import type { Actor } from '../audit/audit';
import { generateDemoCounty, type DemoSummary } from '../demo/generate';
import { setUpSampleDatabase } from '../demo/sampleDatabase';

export const SAMPLE_TEMPLATE_YEAR = 2020;

/** Where the run keeps its template (a temp folder of globalSetup's) and who generates it. */
export interface SampleTemplatePlace {
  dir: string;
  /** The unit tests' 测试员 (as `sampleCountyStore()` then `generateDemoCounty`), the browser tests' 张三 (as 打开示例数据库). */
  actor: Actor;
}

export interface SampleTemplate {
  /** A closed, checkpointed database file: copying it alone copies the whole sample. */
  file: string;
  summary: DemoSummary;
}

/**
 * Makes the files `names` in `dir` once: the first caller builds them in a folder of its own, then renames each
 * into place, the last one last, so that when the last is there every one is whole. Two workers asking at once
 * both build them (every template is deterministic) and the later renames replace equal files.
 */
function madeOnce(dir: string, names: readonly [string, ...string[]], make: (making: string) => void): void {
  if (fs.existsSync(path.join(dir, names.at(-1)!))) return;
  const making = fs.mkdtempSync(path.join(dir, 'making-'));
  try {
    make(making);
    for (const name of names) fs.renameSync(path.join(making, name), path.join(dir, name));
  } finally {
    fs.rmSync(making, { recursive: true, force: true });
  }
}

/** The run's sample county of 轮台县 for 2020, made by the first test that asks. */
export function sampleTemplate({ dir, actor }: SampleTemplatePlace): SampleTemplate {
  madeOnce(dir, ['summary.json', 'sample.db'], (making) => {
    const store = openDatabase(path.join(making, 'sample.db'));
    try {
      setUpSampleDatabase(store.db, actor, { regionCode: '652822', operatorName: '张三' });
      fs.writeFileSync(path.join(making, 'summary.json'), JSON.stringify(generateDemoCounty(store.db, actor, { year: SAMPLE_TEMPLATE_YEAR })));
    } finally {
      closeDatabase(store);
    }
  });
  return { file: path.join(dir, 'sample.db'), summary: JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as DemoSummary };
}

/**
 * The run's empty database, every shipped migration applied and nothing else (no regions, no installation):
 * what opening a new file leaves. Closed and checkpointed, so the file alone is the whole database; copied
 * without its clean-close mark, a copy is opened like any file not closed here (with the quick check).
 */
export function migratedTemplate({ dir }: Pick<SampleTemplatePlace, 'dir'>): string {
  madeOnce(dir, ['migrated.db'], (making) => closeDatabase(openDatabase(path.join(making, 'migrated.db'))));
  return path.join(dir, 'migrated.db');
}
