// Builds what `npm start`, the CLI and the Electron shell run: Node-side bundles with esbuild into out/,
// the renderer with Vite into out/renderer. Runs on `npm install` (prepare) and before browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const only = process.argv.includes('--node-only') ? 'node' : null;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
};

// Bundled CommonJS code may call require(); give ESM bundles a real one.
const esmBanner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

const started = Date.now();
// out/native holds SQLite compiled for Electron by `npm start` (a download or a long compile): it survives.
const outDir = path.join(root, 'out');
for (const entry of fs.existsSync(outDir) ? fs.readdirSync(outDir) : []) {
  if (entry !== 'native') fs.rmSync(path.join(outDir, entry), { recursive: true, force: true });
}
await Promise.all([
  esbuild({
    ...common,
    format: 'esm',
    banner: esmBanner,
    entryPoints: {
      cli: 'electron/cli/main.ts',
      bridge: 'electron/bridge/start.ts',
      main: 'electron/shell/main.ts',
    },
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
  }),
  // Sandboxed preload scripts must be CommonJS.
  esbuild({ ...common, format: 'cjs', entryPoints: { preload: 'electron/shell/preload.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' } }),
]);
if (only !== 'node') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
}
console.log(`构建完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）：out/`);
