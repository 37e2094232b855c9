/**
 * check-links: judge every external link in the docs (ok / redirected / broken / soft-dead / unverified / skipped),
 * politely and fast, reported at file:line. See docs-internal/link-checker.md and `--help`.
 */
import {run} from './links/run';

// `npm run check-links -- --help | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// No top-level await: package.json has no "type": "module" (Docusaurus needs CommonJS), so tsx runs this as CJS.
void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
})
  .catch((e: unknown) => {
    process.stderr.write(`check-links: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return {code: 2 as const};
  })
  .then((outcome) => {
    process.exitCode = outcome.code;
  });
