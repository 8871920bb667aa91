// Test support: runs the jixiao command line in-process and collects what it prints.
import { main } from '../cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliWithStdin(stdin: string, argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const runCli = (...argv: string[]): Promise<CliRun> => runCliWithStdin('', argv);
