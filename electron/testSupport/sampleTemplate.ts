// The sample county of 2020, generated at most once per test run and copied into each test that only needs it
// as data: the generator takes seconds, a copy milliseconds. Tests of the generator itself still call it; each
// test gets its own copy, so tests stay independent. No vitest hooks here: globalSetup loads it too.
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
 * The run's sample county of 轮台县 for 2020, made by the first test that asks. Two workers asking at once both
 * make it (the generator is deterministic) and each renames its own finished files in place, the database last,
 * so a file that is there is whole.
 */
export function sampleTemplate({ dir, actor }: SampleTemplatePlace): SampleTemplate {
  const file = path.join(dir, 'sample.db');
  const summaryFile = path.join(dir, 'summary.json');
  if (!fs.existsSync(file)) {
    const making = fs.mkdtempSync(path.join(dir, 'making-'));
    const store = openDatabase(path.join(making, 'sample.db'));
    try {
      setUpSampleDatabase(store.db, actor, { regionCode: '652822', operatorName: '张三' });
      fs.writeFileSync(path.join(making, 'summary.json'), JSON.stringify(generateDemoCounty(store.db, actor, { year: SAMPLE_TEMPLATE_YEAR })));
    } finally {
      closeDatabase(store);
    }
    fs.renameSync(path.join(making, 'summary.json'), summaryFile);
    fs.renameSync(path.join(making, 'sample.db'), file);
    fs.rmSync(making, { recursive: true, force: true });
  }
  return { file, summary: JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as DemoSummary };
}
