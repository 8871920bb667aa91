// Test support: real database files in fresh temp folders, set up the way first-run setup leaves them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, inject } from 'vitest';
import dayjs from 'dayjs';
import { closeDatabase, openDatabase, type Store } from '../../db/open';
import type { DemoSummary } from '../demo/generate';
import { setUpSampleDatabase } from '../demo/sampleDatabase';
import { initInstallation } from '../registry/setup';
import { migratedTemplate, sampleTemplate } from './sampleTemplate';
import { TEST_ACTOR } from './testActor';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'jixiao-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Opens a database file, closed after the test. A file not there yet starts as a copy of the run's migrated empty
 * database, which is what migrating a new file leaves, at a fraction of the cost; tests of migrating itself open
 * their files with openDatabase.
 */
export function freshStore(file = path.join(tempDir(), 'jixiao.db')): Store {
  if (!fs.existsSync(file)) fs.copyFileSync(migratedTemplate(inject('sampleTemplate')), file);
  const store = openDatabase(file);
  cleanups.push(() => {
    if (store.sqlite.open) closeDatabase(store);
  });
  return store;
}

export { TEST_ACTOR };

/** 张三's password in a county with other operators: beside a second operator every administrator needs one. */
export const TEST_ADMIN_PASSWORD = '张三的密码';

/**
 * A database set up as 轮台县 (652822), a county in 巴音郭楞 (652800), with its administrator 张三 — who
 * has a password only when asked (`colleagues`), as a test that adds other operators needs.
 */
export function countyStore(options: { colleagues?: boolean } = {}): Store {
  const store = freshStore();
  initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三', password: options.colleagues ? TEST_ADMIN_PASSWORD : null });
  return store;
}

/** A database set up as the prefecture 巴音郭楞 (652800) with its administrator 李四, to import counties' packages. */
export function prefectureStore(): Store {
  const store = freshStore(path.join(tempDir(), 'prefecture.db'));
  initInstallation(store.db, { regionCode: '652800', role: 'prefecture', operatorName: '李四' });
  return store;
}

/** A sample database of 轮台县, the only kind the sample county may be generated into. */
export function sampleCountyStore(): Store {
  const store = freshStore();
  setUpSampleDatabase(store.db, TEST_ACTOR, { regionCode: '652822', operatorName: '张三' });
  return store;
}

/**
 * Copies the run's sample county of 2020 (electron/testSupport/sampleTemplate.ts) to `file` and returns what the
 * generator returned: the file as `sampleCountyStore()` then `generateDemoCounty(db, TEST_ACTOR, { year: 2020 })`
 * leave it. For a file's one sample made in beforeAll, in a folder of that file's own.
 */
export function copySampleCounty2020(file: string): DemoSummary {
  const template = sampleTemplate(inject('sampleTemplate'));
  fs.copyFileSync(template.file, file);
  return template.summary;
}

/** The sample county of 2020 in a fresh file of this test's own, with the generator's summary. */
export function sampleCounty2020(): Store & { summary: DemoSummary } {
  const file = path.join(tempDir(), 'jixiao.db');
  const summary = copySampleCounty2020(file);
  return { ...freshStore(file), summary };
}

/** The bureau's date `days` from today: deadlines that must still lie ahead whenever the tests run. */
export const daysFromToday = (days: number): string => dayjs().add(days, 'day').format('YYYY-MM-DD');
