// Test support: runs the jixiao command line in-process and collects what it prints.
import { main } from '../cli/main';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
