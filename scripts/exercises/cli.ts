/** Thin CLI of scripts/exercises (see README.md beside it and `--help`). */
import {EXIT, run} from './index';

function fail(error: unknown): never {
  process.stderr.write(`exercises: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.usage);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

// No top-level await: the project is CommonJS (Docusaurus needs it), so tsx runs this as CJS.
void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
}, fail);
