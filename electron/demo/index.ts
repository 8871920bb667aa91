// The sample county's public entry: making, filling and recognising the sample database.
export { demoStatus, generateDemoCounty } from './generate';
export type { DemoSummary } from './generate';
export { isSampleDatabase, setUpSampleDatabase } from './sampleDatabase';
export { onePagePdf } from './pdf';
