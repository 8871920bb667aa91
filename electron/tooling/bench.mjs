// `npm run bench [-- --quick]`: runs the benchmarks of issue 17 (electron/testSupport/bench/run.ts) with tsx,
// which loads the TypeScript services as the tests do. Not part of `npm test`: it takes about ten minutes.
// The last line it prints is one JSON object with every figure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runner = path.join(root, 'electron', 'testSupport', 'bench', 'run.ts');
const result = spawnSync(process.execPath, ['--import', 'tsx', runner, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
