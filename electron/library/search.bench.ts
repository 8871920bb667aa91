// Speed of the library search at 10,000 indicators (`npx vitest bench --project unit electron/library`):
// a keystroke's query should take a few milliseconds, far below what a person notices.
import { bench, describe } from 'vitest';
import { countyStore } from '../testSupport/fixtures';
import { generateLibrary } from '../testSupport/library';
import { searchIndicators } from './indicators';

describe('library search at 10,000 indicators', () => {
  const { db } = countyStore();
  generateLibrary(db, 10_000);
  bench('four characters from the middle of a name (trigram index)', () => {
    searchIndicators(db, { text: '供水管网' });
  });
  bench('two characters (LIKE)', () => {
    searchIndicators(db, { text: '护率' });
  });
  bench('no text: the first 2,000 of the library in order', () => {
    searchIndicators(db, {});
  });
});
