// Entry of out/bridge.mjs: `npm start` runs it where Electron cannot, printing the URL to open.
import fs from 'node:fs';
import { readRecentDatabases } from '../backup/databases';
import { startupDatabase } from '../backup/databaseFiles';
import { defaultDbPath, userDataDir } from '../paths';
import { startBridge } from './server';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  // A bare option must not fall back to the default database without a word.
  if (value === undefined || value.startsWith('--')) {
    console.error(`选项 ${name} 需要一个值${name === '--db' ? '（数据库文件的路径，例如 --db D:\\绩效\\轮台县.db）' : ''}`);
    process.exit(2);
  }
  return value;
}

export async function runBridge(): Promise<void> {
  const dbPath = option('--db') ?? process.env.JIXIAO_DB ?? startupDatabase(readRecentDatabases(userDataDir()), fs.existsSync, defaultDbPath());
  const portText = option('--port') ?? process.env.JIXIAO_PORT;
  const port = portText ? Number(portText) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`端口“${portText}”不正确，应为 0–65535 之间的整数`);
    process.exit(2);
  }
  const bridge = await startBridge({ dbPath, port });
  console.log(`绩效（Jixiao）已在本机启动，数据库：${dbPath}`);
  console.log(`请在浏览器中打开：${bridge.openUrl}`);
  console.log('（仅本机可访问；按 Ctrl+C 退出）');
  const stop = () => bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

runBridge().catch((error) => {
  console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
