// A small argument parser: the CLI has few options and must not grow a dependency for them.

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** Options that never take a value. Every other `--name` takes the next argument (or `--name=value`). */
const FLAGS = new Set(['--json', '--version', '-v', '--help', '-h', '--full', '--dry-run', '--trust', '--force', '--department']);

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
    if (eq > 0) options.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (FLAGS.has(arg)) options.set(arg, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`选项 ${arg} 需要一个值`);
      options.set(arg, value);
      i++;
    }
  }
  return { positional, options };
}

export class UsageError extends Error {}

export function optionText(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`选项 ${name} 需要一个值`);
  return value;
}

export function requireOption(args: ParsedArgs, name: string, what: string): string {
  const value = optionText(args, name);
  if (!value) throw new UsageError(`缺少 ${name}（${what}）`);
  return value;
}
