// `npm start`: builds if needed, then runs the desktop app when the Electron binary is on this machine
// (first preparing SQLite for Electron's ABI), or the web bridge (the same app in the browser) when it is
// not or SQLite cannot be prepared. Arguments pass through to either. `--self-test` runs the desktop
// app's self-test instead, and says it was skipped where there is no Electron.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  browserFallbackNotice,
  electronEnv,
  electronLaunch,
  findElectronRuntime,
  missingBuildOutputs,
  SELF_TEST_SKIPPED,
} from './electronRuntime.mjs';
import { ELECTRON_PROBE_ARGS, parseElectronProbe, prepareElectronSqlite } from './electronSqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const userArgs = process.argv.slice(2);
const selfTest = userArgs.includes('--self-test');
const runtime = findElectronRuntime(path.join(root, 'node_modules', 'electron'));

if (selfTest && !runtime.installed) {
  console.log(SELF_TEST_SKIPPED);
  process.exit(0);
}

const missing = missingBuildOutputs(root);
if (missing.length > 0) {
  console.log(`首次启动，正在构建（缺少 ${missing.join('、')}）…`);
  const build = spawnSync(process.execPath, [path.join(root, 'electron/tooling/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('构建失败，无法启动。请查看上面的错误信息。');
    process.exit(build.status ?? 1);
  }
}

/** Electron's ABI and version, asked of the binary itself run as plain Node (allowed for the unpackaged binary). */
function probeElectron(binary) {
  const probe = spawnSync(binary, ELECTRON_PROBE_ARGS, { env: { ...electronEnv(process.env), ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  return parseElectronProbe(probe.stdout ?? '');
}

/** better-sqlite3's own prebuild-install, wherever npm hoisted it; null when absent. */
function prebuildInstallBin() {
  try {
    return createRequire(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}

/** The binding for Electron is ready, or the reason (in Chinese) it is not. */
function prepareSqlite(binary) {
  const electron = probeElectron(binary);
  if (!electron) return { ok: false, notice: 'Electron 程序无法运行（查询其版本失败），绩效改为在浏览器中运行。' };
  return prepareElectronSqlite({
    rootDir: root,
    electron,
    prebuildInstallBin: prebuildInstallBin(),
    run: (command, args, options) => spawnSync(command, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] }),
    log: (line) => console.log(line),
  });
}

function whichXvfbRun() {
  const found = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function runElectron(binary) {
  const launch = electronLaunch({ binary, rootDir: root, userArgs, env: process.env, uid: process.getuid?.() ?? null, xvfbRun: selfTest ? whichXvfbRun() : null });
  const child = spawn(launch.command, launch.args, { cwd: root, stdio: 'inherit', env: launch.env });
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
}

async function runBridge(notice) {
  console.log(notice);
  // out/bridge.mjs starts itself, reads --db/--port (or JIXIAO_DB/JIXIAO_PORT) and prints the URL.
  await import('../../out/bridge.mjs');
}

if (!runtime.installed) await runBridge(browserFallbackNotice(runtime.reason));
else {
  const sqlite = prepareSqlite(runtime.binary);
  if (sqlite.ok) runElectron(runtime.binary);
  else if (selfTest) {
    console.log(JSON.stringify({ selfTest: 'failed', step: 'sqlite-binding', error: sqlite.notice }));
    process.exit(1);
  } else await runBridge(sqlite.notice);
}
