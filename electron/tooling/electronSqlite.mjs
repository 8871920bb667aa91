// Prepares better-sqlite3 for the Electron binary `npm start` is about to run. node_modules keeps the
// build for Node (the CLI, the bridge and the tests need it); Electron's own goes to
// out/native/electron-<abi>/, where db/runtime.ts looks for it. Each way of getting it works in a
// temporary folder, so a failed or half-finished attempt never touches either binding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BINDING = 'better_sqlite3.node';

/** Same place as electronBindingPath in db/runtime.ts, which the desktop app reads. */
export function electronBindingFile(rootDir, abi) {
  return path.join(rootDir, 'out', 'native', `electron-${abi}`, BINDING);
}

/** Arguments that make the Electron binary, run as plain Node, print its ABI and version. */
export const ELECTRON_PROBE_ARGS = ['-p', 'process.versions.modules + " " + process.versions.electron'];

/**
 * @param {string} stdout what the probe printed
 * @returns {{ abi: string, version: string } | null}
 */
export function parseElectronProbe(stdout) {
  const match = /^(\d+) (\d+\.\d+\.\d+\S*)\s*$/.exec(String(stdout).trim());
  return match ? { abi: match[1], version: match[2] } : null;
}

/** @electron/rebuild 4 needs Node 22; on Node 20 its 3.x line does the same job. */
export function electronRebuildPackage(nodeVersion) {
  return Number(String(nodeVersion).split('.')[0]) >= 22 ? '@electron/rebuild@4' : '@electron/rebuild@3';
}

const lastLine = (text) =>
  String(text ?? '')
    .trim()
    .split('\n')
    .at(-1)
    ?.slice(0, 200) || '没有输出';


function withStage(work) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-electron-sqlite-'));
  try {
    return work(stage);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** better-sqlite3's published Electron build, fetched by its own prebuild-install into a copy of its manifest. */
function fetchPrebuilt({ sqliteDir, prebuildInstallBin, electron, arch, run }) {
  return withStage((stage) => {
    fs.copyFileSync(path.join(sqliteDir, 'package.json'), path.join(stage, 'package.json'));
    const result = run(process.execPath, [prebuildInstallBin, '--runtime', 'electron', '--target', electron.version, '--arch', arch], { cwd: stage });
    const built = path.join(stage, 'build', 'Release', BINDING);
    return result.status === 0 && fs.existsSync(built) ? { built: fs.readFileSync(built) } : { failure: lastLine(result.stderr || result.error?.message) };
  });
}

/** Compiles better-sqlite3 against Electron's headers with @electron/rebuild, in a copy of the package. */
function compileWithRebuild({ sqliteDir, electron, arch, run, nodeVersion, platform }) {
  return withStage((stage) => {
    const copy = path.join(stage, 'node_modules', 'better-sqlite3');
    fs.cpSync(sqliteDir, copy, { recursive: true, filter: (source) => path.relative(sqliteDir, source) !== 'build' });
    const version = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
    fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: 'jixiao-electron-sqlite', private: true, dependencies: { 'better-sqlite3': version } }));
    const args = ['--yes', electronRebuildPackage(nodeVersion), '--version', electron.version, '--arch', arch, '--module-dir', stage, '--only', 'better-sqlite3', '--force'];
    const result = run('npx', args, { cwd: stage, shell: platform === 'win32' });
    const built = path.join(copy, 'build', 'Release', BINDING);
    return result.status === 0 && fs.existsSync(built) ? { built: fs.readFileSync(built) } : { failure: lastLine(result.stderr || result.error?.message) };
  });
}

/**
 * Makes sure out/native holds better-sqlite3 for `electron`, trying the prebuilt download first (seconds)
 * and a compile with @electron/rebuild second (a minute or two), saying each step in Chinese through `log`.
 * @param {{
 *   rootDir: string,
 *   electron: { abi: string, version: string },
 *   arch?: string,
 *   platform?: NodeJS.Platform,
 *   nodeVersion?: string,
 *   prebuildInstallBin?: string | null,
 *   run: (command: string, args: string[], options: { cwd: string, shell?: boolean }) => { status: number | null, stderr?: string | Buffer, error?: Error },
 *   log: (line: string) => void,
 * }} options
 * @returns {{ ok: true, file: string, prepared: boolean } | { ok: false, notice: string }}
 */
export function prepareElectronSqlite({ rootDir, electron, arch = process.arch, platform = process.platform, nodeVersion = process.versions.node, prebuildInstallBin = null, run, log }) {
  const file = electronBindingFile(rootDir, electron.abi);
  if (fs.existsSync(file)) return { ok: true, file, prepared: false };
  const sqliteDir = path.join(rootDir, 'node_modules', 'better-sqlite3');
  const context = { sqliteDir, prebuildInstallBin, electron, arch, run, nodeVersion, platform };
  const failures = [];
  log(`首次以桌面版启动：正在为 Electron ${electron.version}（ABI ${electron.abi}，${arch}）准备 SQLite 模块，存放在 ${path.relative(rootDir, file)}。`);
  if (prebuildInstallBin) {
    log('下载 better-sqlite3 为 Electron 预编译的版本…');
    const prebuilt = fetchPrebuilt(context);
    if (prebuilt.built) return installed(prebuilt.built, file, log);
    failures.push(`下载预编译版失败：${prebuilt.failure}`);
    log(`${failures.at(-1)}。`);
  }
  log(`改用 ${electronRebuildPackage(nodeVersion)} 从源码编译（需联网下载 Electron 头文件，约需一两分钟）…`);
  const compiled = compileWithRebuild(context);
  if (compiled.built) return installed(compiled.built, file, log);
  failures.push(`从源码编译失败：${compiled.failure}`);
  return { ok: false, notice: electronSqliteFallbackNotice(failures) };
}

/** Writes the binding under a temporary name first, so a half-written one never looks ready. */
function installed(bytes, file, log) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, bytes);
  fs.renameSync(`${file}.part`, file);
  log('SQLite 模块已准备好。');
  return { ok: true, file, prepared: true };
}

/** Said when Electron is here but its SQLite module could not be got: what failed, what happens instead, what to do. */
export function electronSqliteFallbackNotice(failures) {
  return `无法为 Electron 准备 SQLite 模块（${failures.join('；')}），绩效改为在浏览器中运行。在能联网的电脑上再运行一次 npm start 即可使用桌面版。`;
}
