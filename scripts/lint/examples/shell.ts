import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {findHeredocs} from './heredoc';
import type {BlockProblem, BlockResult} from './problem';
import {runShellCheck, SHELLCHECK_BOUNDS, type ShellCheckBounds, type ShellCheckComment} from './shellcheck';
import {shellSyntaxError, type ShellDialect} from './shellSyntax';
import {consoleScript, maskPlaceholders, outputLine} from './shellText';

export type {ShellDialect} from './shellSyntax';

export interface ShellBlock {
  text: string;
  dialect: ShellDialect;
  /** A ```console block: a terminal transcript, whose prompt lines are the commands. */
  console?: boolean;
}

export interface ShellOptions {
  /** The ShellCheck command (default `shellcheck` on PATH). */
  shellcheck?: string;
  bounds?: ShellCheckBounds;
}

// "Couldn't parse this …" and "Fix any mentioned problems and try again" only repeat the error before them.
const NOISE = new Set([1072, 1073]);

/**
 * ShellCheck's advice for script files that does not fit commands a reader types one by one:
 * each is kept for a block with a shebang, which is a script.
 */
const SCRIPT_ONLY = new Map([
  [2164, "`cd … || exit` would close the reader's terminal; a failed cd is in front of them"],
  [2155, '`export X="$(cmd)"` hides cmd\'s exit status from a script under set -e; a reader sees the error'],
]);
const SYNTAX = 'mvdan/sh parser (sh-syntax)';

/** A `$ ` at the start of a line is a prompt copied from a terminal: the block would not run. */
function promptLines(text: string): BlockProblem[] {
  return text.split('\n').flatMap((line, i) =>
    /^\s*\$ /.test(line)
      ? [
          {
            line: i + 1,
            column: line.indexOf('$') + 1,
            message:
              'Shell prompt "$ " in a shell block: write the command alone and put its output in a ```text block after it, or make the block ```console (CONTRIBUTING.md#shell-blocks)',
          },
        ]
      : [],
  );
}

function isHeredocBody(text: string): (line: number) => boolean {
  const bodies = findHeredocs(text).heredocs.map((h) => [h.bodyLine, h.bodyLine + h.lines.length] as const);
  return (line) => bodies.some(([from, to]) => line >= from && line <= to);
}

/** An unclosed heredoc that writes YAML has its own finding, which says why the closing line did not close it. */
function saidByHeredocCheck(text: string, syntax: BlockProblem): boolean {
  return (
    /^Shell syntax \([^)]*\): unclosed here-document/.test(syntax.message) &&
    findHeredocs(text).heredocs.some((h) => !h.terminated && h.yamlTarget !== undefined && h.line === syntax.line)
  );
}

/** What one block gives ShellCheck: its script (placeholders masked), or the findings that stop it. */
async function prepare(
  block: ShellBlock,
  bounds: ShellCheckBounds,
): Promise<{problems: BlockProblem[]; checkedAgainst: string[]; script?: string}> {
  const bytes = Buffer.byteLength(block.text);
  if (bytes > bounds.maxInputBytes) {
    const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
    return {
      checkedAgainst: [],
      problems: [
        {
          line: 1,
          column: 1,
          message: `This shell block is ${kb(bytes)}; shell blocks are checked up to ${kb(bounds.maxInputBytes)} (a bound on the checkers' memory and time), so it is not checked: split it`,
        },
      ],
    };
  }
  const problems: BlockProblem[] = [];
  let script = block.text;
  const checkedAgainst = [SYNTAX, 'ShellCheck'];
  if (block.console) {
    const transcript = consoleScript(block.text);
    if (transcript.commands === 0)
      return {problems, checkedAgainst: ['console: no "$ " or "# " prompt, so no command']};
    script = transcript.script;
    checkedAgainst.unshift(`console: ${transcript.commands} command${transcript.commands === 1 ? '' : 's'}`);
  } else {
    problems.push(...promptLines(block.text));
    const output = outputLine(block.text, isHeredocBody(block.text));
    if (output) {
      problems.push({
        line: output.line,
        column: output.column,
        message: `This line looks like command output (${output.looksLike}), not a command, and a reader who copies the block runs it: use a \`\`\`console block ("$ " before each command) or put the output in a \`\`\`text block. The block's commands are not checked until then`,
      });
      return {problems, checkedAgainst: []};
    }
  }
  script = maskPlaceholders(script);
  const syntax = await shellSyntaxError(script, block.dialect);
  if (syntax) {
    const said = !block.console && saidByHeredocCheck(block.text, syntax);
    return {
      problems: said ? problems : [...problems, syntax],
      checkedAgainst: checkedAgainst.filter((c) => c !== 'ShellCheck'),
    };
  }
  return {problems, checkedAgainst, script};
}

interface Part {
  block: number;
  /** Line of the joined script where the block's line 1 is. */
  start: number;
  lines: number;
}

interface Chunk {
  text: string;
  parts: Part[];
  /** A script file (a block with a shebang), checked alone and with all of ShellCheck's advice. */
  file?: boolean;
}

/**
 * Consecutive blocks of one dialect joined into scripts of at most `maxBytes`, as a reader runs
 * them one after the other: a variable set in one block and used in the next is no finding.
 */
function joinInContext(scripts: {block: number; script: string}[], maxBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const {block, script} of scripts) {
    const lines = script.split('\n').length;
    // An empty line between blocks ends a command a block's last `\` would carry on.
    const joined = current ? `${current.text}\n\n${script}` : script;
    // A block with a shebang is a script file of its own, not part of the reader's session.
    const file = script.startsWith('#!');
    if (!current || file || Buffer.byteLength(joined) > maxBytes) {
      // ShellCheck applies a directive before a script's first command to the whole script: the
      // `:` command first keeps one block's `# shellcheck disable=…` to that block's next command.
      current = file
        ? {text: script, parts: [{block, start: 1, lines}], file}
        : {text: `:\n${script}`, parts: [{block, start: 2, lines}]};
      chunks.push(current);
      if (file) current = undefined;
    } else {
      const start = current.text.split('\n').length + 2;
      current.text = joined;
      current.parts.push({block, start, lines});
    }
  }
  return chunks;
}

const describe = (c: ShellCheckComment) =>
  `ShellCheck SC${c.code} (${c.level}): ${c.message.replace(/\.$/, '')}. See https://www.shellcheck.net/wiki/SC${c.code}`;

/**
 * Shell and console blocks of one page: prompts and output lines in shell blocks, syntax
 * (mvdan/sh), then ShellCheck at warning level over the page's blocks in order, within the
 * bounds of SHELLCHECK_BOUNDS. A missing ShellCheck is a SetupError.
 */
export async function checkShellBlocks(blocks: ShellBlock[], options: ShellOptions = {}): Promise<BlockResult[]> {
  const bounds = options.bounds ?? SHELLCHECK_BOUNDS;
  const prepared = await Promise.all(blocks.map((b) => prepare(b, bounds)));
  const results: BlockResult[] = prepared.map((p) => ({checkedAgainst: p.checkedAgainst, problems: [...p.problems]}));
  const dir = await mkdtemp(path.join(tmpdir(), 'lint-examples-'));
  try {
    let files = 0;
    /** Runs ShellCheck on joined blocks; a run over a bound is retried block by block, so only the block at fault is reported. */
    const check = async (chunk: Chunk, dialect: ShellDialect): Promise<void> => {
      const file = path.join(dir, `page-${files++}.${dialect}`);
      await writeFile(file, `${chunk.text}\n`);
      const outcome = await runShellCheck({files: [file], dialect, command: options.shellcheck, bounds});
      if (!outcome.ok) {
        if (chunk.parts.length > 1) {
          for (const part of chunk.parts) {
            const lines = chunk.text.split('\n').slice(part.start - 1, part.start - 1 + part.lines);
            await check({text: lines.join('\n'), parts: [{...part, start: 1}], file: chunk.file}, dialect);
          }
        } else {
          results[chunk.parts[0]!.block]!.problems.push({
            line: 1,
            column: 1,
            message: `Not checked: ${outcome.reason} (the bound is there so one block cannot take the machine); split the block`,
          });
        }
        return;
      }
      for (const comment of outcome.comments) {
        if (NOISE.has(comment.code) || (!chunk.file && SCRIPT_ONLY.has(comment.code))) continue;
        const part = chunk.parts.find((p) => comment.line >= p.start && comment.line < p.start + p.lines);
        if (!part) continue;
        results[part.block]!.problems.push({
          line: comment.line - part.start + 1,
          column: comment.column,
          message: describe(comment),
        });
      }
    };
    for (const dialect of ['bash', 'sh'] as const) {
      const scripts = prepared.flatMap((p, block) =>
        p.script !== undefined && blocks[block]!.dialect === dialect ? [{block, script: p.script}] : [],
      );
      for (const chunk of joinInContext(scripts, bounds.maxInputBytes)) await check(chunk, dialect);
    }
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
  return results;
}
