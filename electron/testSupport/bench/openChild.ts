// One open of a database in a fresh process, for the bench's cold open: the application's open (pragmas,
// quick check, migrations up to date, shipped regions) and, as its limit, better-sqlite3's own open and first
// read. Prints one JSON line with both times.
import Database from 'better-sqlite3';
import { closeDatabase } from '../../../db/open';
import { openAppStore } from '../../appStore';

const file = process.argv[2]!;
const rawStarted = performance.now();
const raw = new Database(file);
raw.prepare('SELECT COUNT(*) FROM sqlite_master').get();
raw.close();
const rawMs = performance.now() - rawStarted;
const started = performance.now();
closeDatabase(openAppStore(file));
process.stdout.write(`${JSON.stringify({ appMs: performance.now() - started, rawMs })}\n`);
