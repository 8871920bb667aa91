// The `jixiao` command line: for IT staff and scripts. It calls the same services as the app, on the
// same database (the app's own, unless --db names another). Errors go to stderr with a non-zero exit.
import { closeDatabase, type Store } from '../../db/open';
import { openAppStore } from '../appStore';
import { AppError } from '../errors';
import { toErrorPayload } from '../ipc/router';
import { appVersion, defaultDbPath } from '../paths';
import { exchangeCommands } from '../exchange/commands';
import { demoCommands } from '../demo/commands';
import { registryCommands } from '../registry/commands';
import { libraryCommands } from '../library/commands';
import { monitoringCommands } from '../monitoring/commands';
import { selfEvaluationCommands } from '../selfEvaluation/commands';
import { optionText, parseArgs, UsageError } from './args';
import type { Command, CommandTable, Io } from './command';

export type { Io } from './command';

const COMMANDS: CommandTable = {
  ...registryCommands,
  ...libraryCommands,
  ...demoCommands,
  ...exchangeCommands,
  ...monitoringCommands,
  ...selfEvaluationCommands,
};

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function help(): string {
  return [
    `绩效（Jixiao）命令行 ${appVersion()}`,
    '',
    '用法：jixiao [--db 数据库文件] 命令 [选项]',
    `  --db      数据库文件，默认为本机软件自己的数据库（${defaultDbPath()}）`,
    '  --version 显示版本',
    '',
    '命令：',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

/** The longest run of leading words that names a command: "calc monitor" before "calc". */
function findCommand(positional: readonly string[]): { name: string; command: Command } | null {
  for (let words = Math.min(positional.length, 3); words > 0; words--) {
    const name = positional.slice(0, words).join(' ');
    const command = COMMANDS[name];
    if (command) return { name, command };
  }
  return null;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let store: Store | null = null;
  try {
    const args = parseArgs(argv);
    if (args.options.has('--version') || args.options.has('-v')) {
      io.out(appVersion());
      return 0;
    }
    const wantsHelp = args.options.has('--help') || args.options.has('-h');
    if (args.positional.length === 0 || wantsHelp) {
      (wantsHelp ? io.out : io.err)(help());
      return wantsHelp ? 0 : 2;
    }
    const found = findCommand(args.positional);
    if (!found) throw new UsageError(`未知命令“${args.positional.join(' ')}”。运行 jixiao --help 查看可用命令`);
    if (!found.command.database) {
      await found.command.run({ args, io });
      return 0;
    }
    store = openAppStore(optionText(args, '--db') ?? defaultDbPath());
    await found.command.run(store, { args, io });
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
