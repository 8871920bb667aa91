// Test support: runs the jixiao command line in a process of its own, for tests where two processes
// work on one database at once.
import { main } from '../cli/main';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
