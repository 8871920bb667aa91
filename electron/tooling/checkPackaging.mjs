// `npm run dist` starts here: refuses to package while package.json does not say who maintains the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagingMetadataProblems } from './packageMetadata.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const problems = packagingMetadataProblems(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
if (problems.length > 0) {
  console.error(`不能打包：\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n请在 package.json 中填好后再运行 npm run dist。`);
  process.exit(1);
}
