/**
 * `npm run lint:prose -- [PATH …]`: spelling and repeated words in the prose of the pages
 * (or the given pages and folders). Code, URLs, front matter and JSX attributes are not prose.
 */
import {readFileSync} from 'node:fs';
import {displayName, markdownFiles} from './pageFiles';
import {reportProblems, type LintProblem} from './problems';
import {checkProse} from './prose/index';
import {checkWordList, WORD_LIST} from './prose/wordList';

const HELP = `Usage: npm run lint:prose -- [PATH …]

Checks the prose of the pages the site builds (docs/ and src/pages/), or of the given .md/.mdx
files and folders, not their code blocks, inline code, URLs, front matter or JSX attributes:
  spelling       cspell (cspell.config.yaml: US English, technical dictionaries for
                 Kubernetes, Docker, clouds and software, and project-words.txt)
  directive      a cspell directive in a page (cspell:disable, …): not obeyed, and reported
  repeated-word  the same word twice in a row
  word-list      project-words.txt: one word per line, sorted A to Z ignoring case, no duplicates

A word that is right but unknown goes in project-words.txt: one word per line, sorted.

Exit codes: 0 no problems, 1 problems found, 2 usage error.`;

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) {
    console.error(`lint:prose: unknown option ${unknown}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const found = markdownFiles(args);
  if ('error' in found) {
    console.error(`lint:prose: ${found.error}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const problems: LintProblem[] = checkWordList(readFileSync(WORD_LIST, 'utf8')).map((p) => ({
    file: displayName(WORD_LIST),
    line: p.line,
    column: 1,
    message: p.message,
    check: 'word-list',
  }));
  for (const path of found.files) {
    const file = displayName(path);
    for (const p of await checkProse(path, readFileSync(path, 'utf8'))) problems.push({file, ...p});
  }
  console.log(
    reportProblems({
      problems,
      checked: `${found.files.length} page${found.files.length === 1 ? '' : 's'} checked.`,
      explained: 'CONTRIBUTING.md#spelling',
      annotationTitle: (p) => `lint:prose ${p.check}`,
    }),
  );
  process.exitCode = problems.length ? 1 : 0;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`lint:prose failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
