import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../domain/clock';
import { countyStore } from '../testSupport/fixtures';
import { outboxPath } from './files';

describe('package file names', () => {
  it('leave out the parts a package does not have and carry the bureau\'s local date', () => {
    const store = countyStore();
    const name = path.basename(outboxPath(store, ['report', '652822', undefined, 2020, null]));
    expect(name).toMatch(/^jixiao-report-652822-2020-\d{8}-\d{6}\.zip$/);
    expect(name).toContain(localDate().replace(/-/g, ''));
  });
});
