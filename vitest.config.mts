import { defineConfig } from 'vitest/config';

// JIXIAO_REPORT_DIR (set by .ci/run) adds a JSON report per run so CI can print one closing line.
const reportDir = process.env.JIXIAO_REPORT_DIR;

export default defineConfig({
  test: {
    ...(reportDir
      ? { reporters: ['default', 'json'], outputFile: { json: `${reportDir}/vitest-${process.pid}.json` } }
      : {}),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['electron/**/*.test.ts', 'db/**/*.test.ts', 'renderer/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Several files build the whole sample county once in beforeAll; on a busy 2-core machine that
          // setup alone can pass the default 10 s.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
