// React may run a state updater after the change event is over, when `currentTarget` is already null:
// reading the event inside an updater crashed the monitoring sheet while typing. Read the value first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = path.dirname(new URL(import.meta.url).pathname);
/** `setX((prev) => … e.currentTarget …)` on one line: an updater that closes over the event. */
const EVENT_IN_UPDATER = /set\w*\(\s*\(?\w*\)?\s*=>[^\n]*\b(?:e|event|ev)\.(?:currentTarget|target)\b/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('event handlers of the renderer', () => {
  it('never read the event inside a state updater', () => {
    const offending = sourceFiles(SOURCE).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (EVENT_IN_UPDATER.test(line) ? [`${path.relative(SOURCE, file)}:${i + 1}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('recognises the pattern that crashed the sheet', () => {
    expect(EVENT_IN_UPDATER.test('onChange={(e) => setForm((f) => ({ ...f, analysis: e.currentTarget.value }))}')).toBe(true);
    expect(EVENT_IN_UPDATER.test('onChange={(e) => setQuery(e.currentTarget.value)}')).toBe(false);
  });
});
