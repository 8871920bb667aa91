// The `jixiao` command line: for IT staff and scripts. It calls the same services as the app, on the
// same database (the app's own, unless --db names another). Errors go to stderr with a non-zero exit.
import { closeDatabase, type Store } from '../../db/open';
import { refuseWhileRestoring, useDatabase, type DatabaseLock } from '../../db/lock';
import { openAppStore } from '../appStore';
import { installationRefusal, type InstalledWorkflow } from '../domain/permissions';
import { AppError } from '../errors';
import { toErrorPayload } from '../ipc/router';
import { appVersion, defaultDbPath } from '../paths';
import { currentInstallation } from '../registry';
import { commandsOf, PLUGS, type AnyPlugs } from '../plugs';
import type { WorkflowDeclaration } from '../workflow';
import { WORKFLOWS } from '../workflows';
import { optionText, parseArgs, UsageError } from './args';
import type { Command, CommandTable, Io } from './command';

export type { Io } from './command';

/** The workflows the command line serves and their plugs: the application's, or a list built elsewhere (a test's). */
export interface Served {
  workflows: readonly WorkflowDeclaration[];
  plugs: AnyPlugs;
}

const APPLICATION: Served = { workflows: WORKFLOWS, plugs: PLUGS };

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function help(commands: CommandTable): string {
  return [
    `绩效（Jixiao）命令行 ${appVersion()}`,
    '',
    '用法：jixiao [--db 数据库文件] 命令 [选项]',
    `  --db      数据库文件，默认为本机软件自己的数据库（${defaultDbPath()}）`,
    '  --version 显示版本',
    '',
    '命令：',
    ...Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

/** The longest run of leading words that names a command: "calc monitor" before "calc". */
function findCommand(commands: CommandTable, positional: readonly string[]): { name: string; command: Command } | null {
  for (let words = Math.min(positional.length, 3); words > 0; words--) {
    const name = positional.slice(0, words).join(' ');
    const command = commands[name];
    if (command) return { name, command };
  }
  return null;
}

/** A command that works on records of a workflow this installation does not use is refused, as its channels are. */
function refuseUnlessInstallationUses(store: Store, served: Served, name: string, command: Extract<Command, { database: true }>): void {
  const installation = currentInstallation(store.db);
  const owner = served.workflows.find((workflow) => served.plugs[workflow.name]?.commands?.[name] === command);
  if (!installation || !owner) return;
  const reason = installationRefusal(installation.role, owner.name as InstalledWorkflow, command.permission);
  if (reason) throw new AppError('FORBIDDEN', reason);
}

export async function main(argv: readonly string[], io: Io = processIo, served: Served = APPLICATION): Promise<number> {
  let store: Store | null = null;
  let inUse: DatabaseLock | null = null;
  try {
    const commands = commandsOf(served.workflows, served.plugs);
    const args = parseArgs(argv);
    if (args.options.has('--version') || args.options.has('-v')) {
      io.out(appVersion());
      return 0;
    }
    const wantsHelp = args.options.has('--help') || args.options.has('-h');
    if (args.positional.length === 0 || wantsHelp) {
      (wantsHelp ? io.out : io.err)(help(commands));
      return wantsHelp ? 0 : 2;
    }
    const found = findCommand(commands, args.positional);
    if (!found) throw new UsageError(`未知命令“${args.positional.join(' ')}”。运行 jixiao --help 查看可用命令`);
    if (!found.command.database) {
      await found.command.run({ args, io, workflows: served.workflows });
      return 0;
    }
    const dbPath = optionText(args, '--db') ?? defaultDbPath();
    // Said before opening, so that a restore elsewhere cannot swap the file under this command.
    inUse = useDatabase(dbPath, '命令行');
    refuseWhileRestoring(dbPath, '命令行现在不能使用它');
    store = openAppStore(dbPath);
    refuseUnlessInstallationUses(store, served, found.name, found.command);
    await found.command.run(store, { args, io, workflows: served.workflows });
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
    inUse?.release();
  }
}
