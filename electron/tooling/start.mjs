// `npm start`: builds if needed, then runs the desktop app when the Electron binary is on this machine,
// or the web bridge (the same app in the browser) when it is not. Arguments pass through to either.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserFallbackNotice, electronArgs, electronEnv, findElectronRuntime, missingBuildOutputs } from './electronRuntime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const userArgs = process.argv.slice(2);

const missing = missingBuildOutputs(root);
if (missing.length > 0) {
  console.log(`首次启动，正在构建（缺少 ${missing.join('、')}）…`);
  const build = spawnSync(process.execPath, [path.join(root, 'electron/tooling/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('构建失败，无法启动。请查看上面的错误信息。');
    process.exit(build.status ?? 1);
  }
}

const runtime = findElectronRuntime(path.join(root, 'node_modules', 'electron'));
if (runtime.installed) {
  const child = spawn(runtime.binary, electronArgs(root, userArgs), { cwd: root, stdio: 'inherit', env: electronEnv(process.env) });
  // Ctrl+C in the terminal should close the app, not orphan it.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`无法启动 Electron：${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(browserFallbackNotice(runtime.reason));
  // out/bridge.mjs starts itself, reads --db/--port (or JIXIAO_DB/JIXIAO_PORT) and prints the URL.
  await import('../../out/bridge.mjs');
}
