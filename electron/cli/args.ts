// A small argument parser: the CLI has few options and must not grow a dependency for them.

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** Options that never take a value. Every other `--name` takes the next argument (or `--name=value`). */
const FLAGS = new Set(['--json', '--version', '-v', '--help', '-h', '--full', '--dry-run', '--trust', '--force', '--department', '--overdue']);

/** What a value-taking option expects, for the message when it is given without one. */
const VALUE_HINTS: Record<string, string> = { '--db': '数据库文件的路径，例如 --db D:\\绩效\\轮台县.db' };

const missingValue = (name: string) => new UsageError(`选项 ${name} 需要${VALUE_HINTS[name] ?? '一个值'}`);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      if (eq === arg.length - 1) throw missingValue(arg.slice(0, eq));
      options.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else if (FLAGS.has(arg)) options.set(arg, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw missingValue(arg);
      options.set(arg, value);
      i++;
    }
  }
  return { positional, options };
}

export class UsageError extends Error {}

export function optionText(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw missingValue(name);
  return value;
}

export function requireOption(args: ParsedArgs, name: string, what: string): string {
  const value = optionText(args, name);
  if (!value) throw new UsageError(`缺少 ${name}（${what}）`);
  return value;
}

/** The fiscal year `--year` names (2000–2100, as the database holds it). */
export function requireYear(args: ParsedArgs): number {
  const text = requireOption(args, '--year', '年度，例如 --year 2020');
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年度“${text}”不正确，应为 2000–2100 之间的整数`);
  return year;
}
