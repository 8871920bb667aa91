// Speed of building the sample county's year (`npx vitest bench --project unit electron/demo`): one
// transaction of the real services, from units to evaluations and notices; what a first-time user waits for
// after 打开示例数据库.
import { bench, describe } from 'vitest';
import { sampleCountyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { generateDemoCounty } from './generate';

describe('the sample county', () => {
  bench('one sample year, from an empty sample database', () => {
    generateDemoCounty(sampleCountyStore().db, TEST_ACTOR, { year: 2020 });
  }, { iterations: 3, warmupIterations: 0 });
});
