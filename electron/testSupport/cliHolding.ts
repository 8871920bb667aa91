// Test support: runs a jixiao command in a process of its own that stops dead at its first line of output,
// with the database still open, so a test can act while a CLI command is using the file.
import { main } from '../cli/main';

main(process.argv.slice(2), {
  out: (text) => {
    process.stdout.write(`${text}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => '',
}).then((code) => {
  process.exitCode = code;
});
