// Test helper for the restore crash test: restores a backup in a child process and stops dead at the step
// named on the command line, so the test can kill it exactly there.
import { restoreDatabase, type RestoreStep } from '../../db/open';
import { openAppStore } from '../appStore';
import { carryOverIdentity } from '../exchange/keys';

const [dbPath, candidate, stopAt] = process.argv.slice(2) as [string, string, RestoreStep];
const store = openAppStore(dbPath);
restoreDatabase(store, candidate, {
  reopen: openAppStore,
  carryOver: carryOverIdentity,
  onStep: (step) => {
    process.stdout.write(`step ${step}\n`);
    if (step === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('finished\n');
