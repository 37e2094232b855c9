/**
 * check-links: judge every external link in the docs (ok / redirected / broken / soft-dead / unverified / skipped),
 * politely and fast, reported at file:line. The thin command around the library in scripts/links/ (its README
 * and `--help` say the rest).
 */
import {internalError, runCli} from './links';

/**
 * The last guard: whatever escapes runCli() (an error thrown in a socket or stream callback, a rejected promise
 * nobody awaited) ends the process with one line and exit code 2, never a stack trace, never a hang on a
 * half-dead event loop.
 */
function fail(e: unknown): never {
  process.stderr.write(`check-links: ${internalError(e)}\n`);
  process.exit(2);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

// `npm run check-links -- --help | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(e);
});

// No top-level await: package.json has no "type": "module" (Docusaurus needs CommonJS), so tsx runs this as CJS.
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then((outcome) => {
  process.exitCode = outcome.code;
  // Everything is reported: if a socket or a timer a site left behind still holds the event loop, do not wait for it.
  setTimeout(() => process.exit(outcome.code), 5_000).unref();
}, fail);
