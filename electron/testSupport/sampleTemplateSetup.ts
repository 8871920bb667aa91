// vitest globalSetup of both projects: a folder for the run's sample county template (electron/testSupport/
// sampleTemplate.ts), handed to the tests by `inject('sampleTemplate')`. The template is made there only when a
// test first asks, so a run that needs none pays nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { SampleTemplatePlace } from './sampleTemplate';
import { TEST_ACTOR } from './testActor';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleTemplate: SampleTemplatePlace;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-sample-template-'));
  // The browser tests open the sample through the app, which generates it under the signed-in 张三.
  project.provide('sampleTemplate', { dir, actor: project.name === 'e2e' ? { id: null, name: '张三' } : TEST_ACTOR });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
