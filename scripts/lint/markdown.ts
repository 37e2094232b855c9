/**
 * `npm run lint:md -- [PATH ...]`: remark-cli with our preset (`.remarkrc.mjs`) and reporter.
 * Lints `docs/` when no path is given; exits non-zero on any problem.
 * Options such as `--rc-path` are passed through to remark-cli.
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const root = path.resolve(__dirname, '../..');
const given = process.argv.slice(2);
const hasPath = given.some((arg) => !arg.startsWith('-'));
const hasRc = given.some((arg) => arg === '-r' || arg.startsWith('--rc-path'));

process.argv = [
  process.argv[0]!,
  'remark',
  '--quiet',
  '--frail',
  '--no-stdout',
  '--report',
  // A path starting with `.` is loaded relative to the working directory.
  `./${path.relative(process.cwd(), path.join(root, 'scripts/lint/reporter.ts')).split(path.sep).join('/')}`,
  // Always our config, also for a page outside the repository (e.g. a copy in /tmp).
  ...(hasRc ? [] : ['--rc-path', path.join(root, '.remarkrc.mjs')]),
  ...given,
  ...(hasPath ? [] : [path.join(root, 'docs')]),
];

// remark-cli has no exports map entry for its CLI, so load it by path; it reads process.argv.
import(pathToFileURL(path.join(root, 'node_modules/remark-cli/cli.js')).href).catch((error: unknown) => {
  console.error(`lint:md could not start remark-cli: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
