// Speed of writing a full county-year package of the demo county (`npx vitest bench --project unit
// electron/exchange`). The target is well under a second on an office PC.
import path from 'node:path';
import { bench, describe } from 'vitest';
import { generateDemoCounty } from '../demo/generate';
import { sampleCountyStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { exportReport } from './outgoing';

describe('exchange package export', () => {
  const store = sampleCountyStore();
  generateDemoCounty(store.db, TEST_ACTOR, { year: 2020 });
  const dir = tempDir();
  let n = 0;
  bench('full county-year package of the demo county', () => {
    exportReport(store, TEST_ACTOR, { year: 2020, stage: 'all', full: true, out: path.join(dir, `p${n++}.zip`) });
  });
});
