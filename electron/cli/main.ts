// The `jixiao` command line: for IT staff and scripts. It calls the same services as the app, on the
// same database (the app's own, unless --db names another). Errors go to stderr with a non-zero exit.
import path from 'node:path';
import { closeDatabase, openDatabase, type Store } from '../../db/open';
import { ROLES, type InstallationRole } from '../domain/registry';
import { AppError } from '../errors';
import { toErrorPayload } from '../ipc/router';
import { appVersion, defaultDbPath } from '../paths';
import { createBackup, restoreBackup } from '../backup/backup';
import { SYSTEM_ACTOR } from '../audit/audit';
import { seedRegions } from '../registry/regions';
import { initInstallation, stats } from '../registry/setup';
import { optionText, parseArgs, requireOption, UsageError, type ParsedArgs } from './args';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

interface Command {
  usage: string;
  summary: string;
  run(store: Store, args: ParsedArgs, io: Io): void | Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  init: {
    usage: 'init --region 区划代码 --role county|prefecture|unit [--operator 姓名]',
    summary: '初始设置：本机服务的区划和角色',
    run(store, args, io) {
      const role = requireOption(args, '--role', 'county、prefecture 或 unit');
      if (!ROLES.includes(role as InstallationRole)) throw new UsageError(`角色“${role}”不正确，应为 county、prefecture 或 unit`);
      const installation = initInstallation(store.db, {
        regionCode: requireOption(args, '--region', '6 位区划代码'),
        role: role as InstallationRole,
        operatorName: optionText(args, '--operator'),
      });
      io.out(`已完成初始设置：${installation.region.name}（${installation.region.code}），角色 ${installation.role}`);
    },
  },
  stats: {
    usage: 'stats [--json]',
    summary: '各类数据的数量、本机区划和角色',
    run(store, args, io) {
      const result = stats(store.db);
      if (args.options.has('--json')) return io.out(JSON.stringify(result, null, 2));
      io.out(`区划：${result.region ? `${result.region.name}（${result.region.code}）` : '未设置'}；角色：${result.role ?? '未设置'}`);
      for (const [name, n] of Object.entries(result.counts)) io.out(`${name}\t${n}`);
    },
  },
  backup: {
    usage: 'backup --out 文件',
    summary: '把数据库备份到一个文件（不影响正在使用的数据）',
    run(store, args, io) {
      const file = createBackup(store, SYSTEM_ACTOR, path.resolve(requireOption(args, '--out', '备份文件路径')));
      io.out(`已备份到 ${file.path}（${file.size} 字节）`);
    },
  },
  restore: {
    usage: 'restore 备份文件',
    summary: '用备份文件替换当前数据库（当前数据会先自动备份）',
    run(store, args, io) {
      const file = args.positional[1];
      if (!file) throw new UsageError('请指定要恢复的备份文件');
      const { store: reopened, safetyBackup } = restoreBackup(store, SYSTEM_ACTOR, path.resolve(file));
      closeDatabase(reopened);
      io.out(`已从 ${path.resolve(file)} 恢复。恢复前的数据已备份到 ${safetyBackup}`);
    },
  },
};

function help(): string {
  const lines = [
    `绩效（Jixiao）命令行 ${appVersion()}`,
    '',
    '用法：jixiao [--db 数据库文件] 命令 [选项]',
    `  --db      数据库文件，默认为本机软件自己的数据库（${defaultDbPath()}）`,
    '  --version 显示版本',
    '',
    '命令：',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
  ];
  return lines.join('\n');
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let store: Store | null = null;
  try {
    const args = parseArgs(argv);
    if (args.options.has('--version') || args.options.has('-v')) {
      io.out(appVersion());
      return 0;
    }
    const name = args.positional[0];
    if (!name || args.options.has('--help') || args.options.has('-h')) {
      (name ? io.out : io.err)(help());
      return name ? 0 : 2;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`未知命令“${name}”。运行 jixiao --help 查看可用命令`);
    store = openDatabase(optionText(args, '--db') ?? defaultDbPath());
    seedRegions(store.db);
    await command.run(store, args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`用法错误：${error.message}`);
      return 2;
    }
    io.err(error instanceof AppError ? `错误：${error.message}` : `错误：${toErrorPayload(error).message}`);
    return 1;
  } finally {
    if (store?.sqlite.open) closeDatabase(store);
  }
}
