import type {Code} from 'mdast';
import {visit} from 'unist-util-visit';
import {parseFenceMeta, type FenceMeta} from '../../../src/content/fenceMeta';
import {parseMarkdown} from '../../../src/content/parse';
import {checkDockerfile} from './dockerfile';
import {checkHcl} from './hcl';
import {checkHeredocs, type HeredocReport} from './heredocYaml';
import {checkJson} from './json';
import type {BlockProblem, BlockResult} from './problem';
import {checkPromql} from './promql';
import {checkShellBlocks, type ShellDialect} from './shell';
import {consoleScript} from './shellText';
import {checkYaml} from './yaml';

/** The bounds of every ShellCheck run, for the CLI's help. */
export {SHELLCHECK_BOUNDS} from './shellcheck';

/** Languages as authors write them after the backticks, to the check that reads them. */
const LANGUAGES: Record<string, string> = {
  yaml: 'yaml',
  yml: 'yaml',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  bash: 'bash',
  shell: 'bash',
  sh: 'sh',
  console: 'console',
  json: 'json',
  hcl: 'hcl',
  promql: 'promql',
};

/** Languages that are text for people, not code: never checked. */
const NOT_CODE = new Set(['', 'text', 'txt', 'plaintext', 'markdown', 'md']);

export interface CodeBlock {
  /** As written after the backticks, or '' for none. */
  language: string;
  meta: FenceMeta;
  text: string;
  /** Page line of the opening fence (1-based), and the column the block's text starts at. */
  fenceLine: number;
  indent: number;
}

export type BlockStatus = 'checked' | 'wrong' | 'unchecked' | 'not code';

export interface BlockReport {
  block: CodeBlock;
  status: BlockStatus;
  reason?: string;
  checkedAgainst: string[];
  /** A shell block's heredocs that write YAML, at page lines. */
  heredocs?: HeredocReport[];
}

/** A problem at a line and column of the page. */
export interface PageProblem {
  line: number;
  column: number;
  message: string;
}

export interface PageReport {
  blocks: BlockReport[];
  problems: PageProblem[];
}

export interface CheckOptions {
  /** The ShellCheck command (default `shellcheck` on PATH). */
  shellcheck?: string;
}

/** Lines in a block's text, counted once per block: counting per problem was quadratic (30,000 problems took 45 s). */
const lineCounts = new WeakMap<CodeBlock, number>();

function toPage(block: CodeBlock, p: BlockProblem): PageProblem {
  // The block's line 1 is the line after the opening fence.
  let lines = lineCounts.get(block);
  if (lines === undefined) {
    lines = 1;
    for (let i = block.text.indexOf('\n'); i >= 0; i = block.text.indexOf('\n', i + 1)) lines++;
    lineCounts.set(block, lines);
  }
  const line = Math.min(Math.max(p.line, 1), lines);
  return {line: block.fenceLine + line, column: block.indent + p.column, message: p.message};
}

/** Checks every fenced block of one page. Never throws for bad content; a missing tool is a SetupError. */
export async function checkPage(source: string, options: CheckOptions = {}): Promise<PageReport> {
  const problems: PageProblem[] = [];
  const blocks: BlockReport[] = [];
  let tree;
  try {
    tree = parseMarkdown(source);
  } catch (error) {
    const e = error as {line?: number; column?: number; reason?: string; message?: string};
    problems.push({
      line: e.line ?? 1,
      column: e.column ?? 1,
      message: `Cannot parse the page as MDX: ${e.reason ?? e.message}. Run npm run lint:md for details; no code block was checked`,
    });
    return {blocks, problems};
  }
  const codes: Code[] = [];
  visit(tree, 'code', (node: Code) => void codes.push(node));

  const pending: {report: BlockReport; run: () => Promise<BlockResult>}[] = [];
  const shell: {report: BlockReport; dialect: ShellDialect; console?: boolean}[] = [];
  for (const node of codes) {
    const language = (node.lang ?? '').toLowerCase();
    const start = node.position?.start ?? {line: 1, column: 1};
    const parsed = parseFenceMeta(node.meta);
    const block: CodeBlock = {
      language,
      meta: parsed.ok ? parsed.meta : {},
      text: node.value,
      fenceLine: start.line,
      indent: start.column - 1,
    };
    const report: BlockReport = {block, status: 'checked', checkedAgainst: []};
    blocks.push(report);
    if (!parsed.ok) {
      problems.push({line: start.line, column: start.column, message: parsed.error});
      continue;
    }
    const {wrong, unchecked, excerpt} = parsed.meta;
    if (wrong !== undefined || unchecked !== undefined) {
      report.status = wrong !== undefined ? 'wrong' : 'unchecked';
      report.reason = wrong ?? unchecked;
      continue;
    }
    const check = LANGUAGES[language];
    if (excerpt && check !== 'yaml') {
      problems.push({
        line: start.line,
        column: start.column,
        message: `excerpt= is for yaml blocks, not ${language || 'a block with no language'}`,
      });
      continue;
    }
    if (check === undefined) {
      if (NOT_CODE.has(language)) report.status = 'not code';
      else {
        problems.push({
          line: start.line,
          column: start.column,
          message: `No check for code in "${language}": use one of ${Object.keys(LANGUAGES).join(', ')}, text, or mark it unchecked="<reason>"`,
        });
      }
      continue;
    }
    const text = node.value;
    if (check === 'bash' || check === 'sh' || check === 'console') {
      const console = check === 'console';
      shell.push({report, dialect: console ? 'bash' : check, console});
      pending.push({
        report,
        run: async () => {
          // A console block's heredocs are in its commands; its output lines are left empty, at their lines.
          const result = await checkHeredocs(console ? consoleScript(text).script : text);
          report.heredocs = result.heredocs.map((h) => ({
            ...h,
            line: toPage(block, {line: h.line, column: 1, message: ''}).line,
          }));
          return result;
        },
      });
    } else if (check === 'yaml') pending.push({report, run: () => checkYaml(text, excerpt)});
    else if (check === 'dockerfile') pending.push({report, run: async () => checkDockerfile(text)});
    else if (check === 'json') pending.push({report, run: async () => checkJson(text)});
    else if (check === 'hcl') pending.push({report, run: () => checkHcl(text)});
    else pending.push({report, run: async () => checkPromql(text)});
  }

  const results = await Promise.all(pending.map((p) => p.run()));
  const shellResults = await (shell.length
    ? checkShellBlocks(
        shell.map((s) => ({text: s.report.block.text, dialect: s.dialect, console: s.console})),
        {shellcheck: options.shellcheck},
      )
    : Promise.resolve([]));
  const done: [BlockReport, BlockResult][] = [
    ...pending.map((p, i): [BlockReport, BlockResult] => [p.report, results[i]!]),
    ...shell.map((s, i): [BlockReport, BlockResult] => [s.report, shellResults[i]!]),
  ];
  for (const [report, result] of done) {
    report.checkedAgainst.push(...result.checkedAgainst);
    problems.push(...result.problems.map((p) => toPage(report.block, p)));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return {blocks, problems};
}
