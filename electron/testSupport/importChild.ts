// Test helper for the crash test: imports a package in a child process, printing progress, so the test
// can kill it in the middle of the transaction.
import { openDatabase } from '../../db/open';
import { importPackage } from '../exchange/incoming';

const [dbPath, file] = process.argv.slice(2);
const store = openDatabase(dbPath!);
importPackage(store, { id: null, name: '测试' }, file!, {
  dryRun: false,
  trust: true,
  onProgress: (done, total) => process.stdout.write(`progress ${done}/${total}\n`),
});
process.stdout.write('finished\n');
