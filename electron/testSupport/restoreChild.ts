// Test helper for the restore crash test: restores a backup in a child process and stops dead at the step
// named on the command line, so the test can kill it exactly there (or act while it restores). An optional
// fourth argument opens the database as that holder (网页桥, 应用) instead of as the command line.
import type { LockHolder } from '../../db/lock';
import { restoreDatabase, type RestoreStep } from '../../db/open';
import { openAppStore } from '../appStore';
import { carryOverIdentity } from '../exchange/keys';

const [dbPath, candidate, stopAt, holder] = process.argv.slice(2) as [string, string, RestoreStep, LockHolder | undefined];
const store = openAppStore(dbPath, holder ? { holder } : {});
restoreDatabase(store, candidate, {
  reopen: openAppStore,
  carryOver: carryOverIdentity,
  onStep: (step) => {
    process.stdout.write(`step ${step}\n`);
    if (step === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('finished\n');
