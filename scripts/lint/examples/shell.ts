import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {SetupError, type BlockProblem, type BlockResult} from './problem';

const run = promisify(execFile);

export type ShellDialect = 'bash' | 'sh';

export interface ShellBlock {
  text: string;
  dialect: ShellDialect;
}

export const SHELLCHECK_INSTALL_HINT =
  "ShellCheck is not installed, and shell blocks are never skipped. Install Debian's package: " +
  '`sudo apt-get install shellcheck` (macOS: `brew install shellcheck`). ' +
  'Set SHELLCHECK=/path/to/shellcheck if it is installed outside PATH.';

// "Couldn't parse this …" and "Fix any mentioned problems and try again" only repeat the error before them.
const NOISE = new Set([1072, 1073]);

interface ShellCheckComment {
  file: string;
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/** A `$ ` at the start of a line is a prompt copied from a terminal: the block would not run. */
function promptLines(text: string): BlockProblem[] {
  return text.split('\n').flatMap((line, i) =>
    /^\s*\$ /.test(line)
      ? [
          {
            line: i + 1,
            column: line.indexOf('$') + 1,
            message:
              'Shell prompt "$ " in a shell block: write the command alone, and put its output in a ```text block after it (CONTRIBUTING.md#shell-blocks)',
          },
        ]
      : [],
  );
}

async function syntaxCheck(file: string, dialect: ShellDialect, lastLine: number): Promise<BlockProblem[]> {
  try {
    await run(dialect, ['-n', file]);
    return [];
  } catch (error) {
    const stderr = String((error as {stderr?: unknown}).stderr ?? '');
    // bash: "<file>: line 3: syntax error: unexpected end of file"; dash: "<file>: 3: Syntax error: …"
    const first = stderr.split('\n').find((l) => /line \d+:|: \d+: /.test(l)) ?? stderr.trim();
    const at = /(?:line |: )(\d+): (.*)$/.exec(first);
    const line = Math.min(Number(at?.[1] ?? 1), lastLine);
    const reason = (at?.[2] ?? first).trim();
    const hint = /end of file/.test(reason) ? ' (an if, case, loop, quote or bracket is not closed)' : '';
    return [{line, column: 1, message: `\`${dialect} -n\`: ${reason}${hint}`}];
  }
}

async function shellcheck(files: string[], dialect: ShellDialect, command: string): Promise<ShellCheckComment[]> {
  if (files.length === 0) return [];
  let stdout: string;
  try {
    ({stdout} = await run(command, [`--shell=${dialect}`, '--format=json1', '--', ...files], {
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const failure = error as {code?: unknown; stdout?: unknown; stderr?: unknown};
    if (failure.code === 'ENOENT') throw new SetupError(SHELLCHECK_INSTALL_HINT);
    // Exit 1 means "found something"; its report is on stdout. Anything else is a real failure.
    if (failure.code !== 1 || typeof failure.stdout !== 'string') {
      throw new SetupError(`ShellCheck (${command}) failed: ${String(failure.stderr ?? error).trim()}`);
    }
    stdout = failure.stdout;
  }
  return (JSON.parse(stdout) as {comments: ShellCheckComment[]}).comments;
}

/**
 * Shell blocks: no prompts, `bash -n` (or `sh -n`) and ShellCheck. ShellCheck runs once per
 * dialect over all blocks (one process, not one per block). A missing ShellCheck is a SetupError.
 */
export async function checkShellBlocks(blocks: ShellBlock[], command = 'shellcheck'): Promise<BlockResult[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lint-examples-'));
  try {
    const files = blocks.map((b, i) => path.join(dir, `block-${i}.${b.dialect}`));
    await Promise.all(blocks.map((b, i) => writeFile(files[i]!, b.text.endsWith('\n') ? b.text : `${b.text}\n`)));
    const comments = new Map<string, ShellCheckComment[]>();
    for (const dialect of ['bash', 'sh'] as const) {
      const mine = files.filter((_, i) => blocks[i]!.dialect === dialect);
      for (const c of await shellcheck(mine, dialect, command)) {
        comments.set(c.file, [...(comments.get(c.file) ?? []), c]);
      }
    }
    return await Promise.all(
      blocks.map(async (block, i) => {
        const file = files[i]!;
        const lastLine = block.text.split('\n').length;
        const found = (comments.get(file) ?? [])
          .filter((c) => !NOISE.has(c.code))
          .map((c) => ({
            line: Math.min(c.line, lastLine),
            column: c.column,
            message: `ShellCheck SC${c.code} (${c.level}): ${c.message.replace(/\.$/, '')}. See https://www.shellcheck.net/wiki/SC${c.code}`,
          }));
        const problems = [...promptLines(block.text), ...(await syntaxCheck(file, block.dialect, lastLine)), ...found];
        return {checkedAgainst: [`${block.dialect} -n`, 'ShellCheck'], problems};
      }),
    );
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
