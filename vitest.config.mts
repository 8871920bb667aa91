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
          globalSetup: ['electron/testSupport/sampleTemplateSetup.ts'],
          // vitest leaves one core to itself by default, which on a 2-core machine runs every file in
          // turn; its main process is mostly idle, so both cores run test files.
          maxWorkers: 2,
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
          globalSetup: ['electron/testSupport/sampleTemplateSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
