// Test helper for the xlsx bomb test: reads one workbook in a process of its own and prints how long it
// took, the peak memory of the process and the error shown, so that the test measures nothing else.
import fs from 'node:fs';
import { readWorkbook } from '../xlsx/sheet';

const bytes = fs.readFileSync(process.argv[2]!);
const started = performance.now();
let error: string | null = null;
try {
  readWorkbook(bytes);
} catch (caught) {
  error = (caught as Error).message;
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, rssBytes: process.memoryUsage().rss, error }));
