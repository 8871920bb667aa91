// Entry of out/bridge.mjs: `npm start` runs it where Electron cannot, printing the URL to open.
import fs from 'node:fs';
import { readRecentDatabases } from '../backup/databases';
import { startupDatabase } from '../backup/databaseFiles';
import { defaultDbPath, userDataDir } from '../paths';
import { startBridge } from './server';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
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
