/**
 * `npm run lint:md -- [PATH ...]`: remark-cli with our preset (`.remarkrc.mjs`) and reporter,
 * over exactly the Markdown pages the build compiles (scripts/lint/pageFiles.ts) or the given
 * files and folders, .md and .mdx alike. remark-cli's own folder search skips .mdx, so the
 * files are listed here and handed over one by one.
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {markdownFiles} from './pageFiles';

const HELP = `Usage: npm run lint:md -- [PATH …]

Lints the Markdown pages the site builds (every .md and .mdx under docs/, and Markdown under
src/pages/), or the given .md/.mdx files and folders, with the rules in CONTRIBUTING.md#lint-rules.

Exit codes: 0 no problems, 1 problems found, 2 usage error.`;

const root = path.resolve(__dirname, '../..');
const given = process.argv.slice(2);
const option = given.find((arg) => arg.startsWith('-'));
const found = option ? undefined : markdownFiles(given);

if (option === '--help' || option === '-h') {
  console.log(HELP);
} else if (option || !found || 'error' in found) {
  console.error(
    `lint:md: ${option ? `unknown option ${option}` : found && 'error' in found ? found.error : ''}\n\n${HELP}`,
  );
  process.exitCode = 2;
} else {
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
    '--rc-path',
    path.join(root, '.remarkrc.mjs'),
    ...found.files,
  ];
  // remark-cli has no exports map entry for its CLI, so load it by path; it reads process.argv.
  import(pathToFileURL(path.join(root, 'node_modules/remark-cli/cli.js')).href).catch((error: unknown) => {
    console.error(`lint:md could not start remark-cli: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
}
