import {appendFileSync} from 'node:fs';
import path from 'node:path';
import type {VFile} from 'vfile';
import type {VFileMessage} from 'vfile-message';
import {ruleName} from './shared';
import {markdownCode, oneLine} from '../common/githubAnnotation';
import {reportProblems, type LintProblem} from './problems';

/**
 * The remark-cli reporter for `npm run lint:md`: one line per problem,
 * `file:line:column  message  [rule]`, so editors and terminals can jump to it.
 * Never prints a stack trace: a page that does not parse shows where and why.
 * On GitHub Actions it also writes annotations and a step summary.
 */

/** Sources whose errors mean the page could not be parsed at all. */
const PARSE_SOURCES = /^(micromark|mdast-util|remark-mdx|remark-parse|remark-frontmatter)/;

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

interface Located {
  reason: string;
  line?: number | undefined;
  column?: number | undefined;
  source?: string | undefined;
  ruleId?: string | undefined;
}

/**
 * unified-engine wraps an error thrown while parsing or running a plugin in
 * "Cannot process file"; the real problem, with its position, is the cause.
 */
function unwrap(m: VFileMessage): Located & {kind: 'message' | 'parse' | 'crash'} {
  const cause = m.cause as (Error & Partial<VFileMessage>) | undefined;
  if (!m.fatal || !cause || typeof cause !== 'object') return {...pick(m), kind: 'message'};
  const reason = cause.reason ?? cause.message ?? String(cause);
  let {line, column} = cause;
  if (line === undefined) {
    // Some MDX errors (a tag still open at the end of the file) carry the position only in the text.
    const at = /\((\d+):(\d+)-/.exec(reason);
    if (at) [line, column] = [Number(at[1]), Number(at[2])];
  }
  const kind = cause.source && PARSE_SOURCES.test(cause.source) ? 'parse' : 'crash';
  return {reason, line, column, source: cause.source, ruleId: cause.ruleId, kind};
}

function pick(m: VFileMessage): Located {
  return {reason: m.reason, line: m.line, column: m.column, source: m.source, ruleId: m.ruleId};
}

export function toProblem(file: VFile, m: VFileMessage): LintProblem {
  const name = file.path ? path.relative(file.cwd, path.resolve(file.cwd, file.path)) || file.path : '<stdin>';
  const display = name.startsWith('..') ? path.resolve(file.cwd, file.path) : name;
  const found = unwrap(m);
  let message = firstLine(found.reason);
  if (found.kind === 'parse') {
    message =
      `Cannot parse the page as MDX: ${message}. Fix this first; nothing else is checked until the page parses. ` +
      'Close every tag you open; in prose write `<` as `&lt;` and `{` as `\\{`.';
  } else if (found.kind === 'crash') {
    message = `The linter failed on this file: ${message}. This is a bug in scripts/lint; please report it with the file.`;
  }
  return {
    file: display,
    line: found.line ?? 1,
    column: found.column ?? 1,
    message,
    check: ruleName(found),
  };
}

/** On GitHub Actions, every problem in the step summary too (annotations stop at 10 a step). */
function writeStepSummary(problems: LintProblem[]): void {
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (process.env.GITHUB_ACTIONS !== 'true' || !summaryPath) return;
  const rows = problems.map(
    (p) =>
      `| ${markdownCode(`${p.file}:${p.line}:${p.column}`, {inTable: true, maxChars: 500})} | ${oneLine(p.message, 1000).replace(/\|/g, '\\|')} | ${markdownCode(p.check, {inTable: true})} |`,
  );
  appendFileSync(
    summaryPath,
    ['### Markdown lint', '', '| Where | Problem | Rule |', '|---|---|---|', ...rows, ''].join('\n'),
  );
}

export default function reporter(files: VFile[]): string {
  const problems: LintProblem[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const m of sorted) problems.push(toProblem(file, m));
  }
  if (problems.length === 0) return '';
  writeStepSummary(problems);
  return reportProblems({problems, explained: 'CONTRIBUTING.md#lint-rules', annotationTitle: (p) => p.check});
}
