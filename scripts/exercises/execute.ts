import {spawn} from 'node:child_process';
import {createWriteStream, type WriteStream} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {compareOutput, type Mismatch} from './expected';
import type {ExercisePlan, PlannedBlock} from './plan';
import {actionsOf, type Action} from './script';

export interface ExecuteOptions {
  /** An empty folder the exercise runs in. */
  workDir: string;
  /** Each block's time limit; on expiry its whole process group is killed. */
  stepTimeoutMs: number;
  /** Every block's output goes here, headed by its page line. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

export interface BlockFailure {
  where: string;
  phase: string;
  command: string;
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines of the block's output (stdout and stderr). */
  tail: string[];
  /** For a check whose output differs: the page line of the expected line, and both lines. */
  mismatch?: Mismatch & {where: string};
}

export interface ExerciseResult {
  plan: ExercisePlan;
  ran: string[];
  failure?: BlockFailure;
  cleanUpFailures: BlockFailure[];
}

export const TAIL_LINES = 20;
const STDOUT_LIMIT = 1_000_000;
const KILL_GRACE_MS = 3_000;

/**
 * Each block runs in its own `bash`, in its own process group, with `set -e`. Shell variables and the
 * current folder carry over from block to block through a state file, as they would in the learner's
 * one terminal (Exercise 7's check uses the `$REF` its solution set).
 */
export function blockWrapper(stateFile: string, code: string): string {
  const state = `'${stateFile.replace(/'/g, `'\\''`)}'`;
  return `if [ -f ${state} ]; then source ${state}; fi
__exercise_save() {
  local __exercise_name
  {
    printf 'cd %q\\n' "$PWD"
    for __exercise_name in $(compgen -v); do
      case "$__exercise_name" in
        __exercise_*|BASH*|EUID|UID|PPID|SHELLOPTS|BASHOPTS|FUNCNAME|GROUPS|RANDOM|SRANDOM|SECONDS|LINENO|HISTCMD|PIPESTATUS|EPOCHREALTIME|EPOCHSECONDS|_|COLUMNS|LINES|DIRSTACK|OPTIND|OPTARG|OPTERR|IFS|PS1|PS2|PS4|PWD|OLDPWD|SHLVL|HOSTNAME|HOSTTYPE|MACHTYPE|OSTYPE|SHELL|MAILCHECK|COMP_WORDBREAKS) continue ;;
      esac
      declare -p "$__exercise_name" 2>/dev/null || true
    done
  } > ${state}
}
set -e
${code}
__exercise_save
`;
}

interface BlockRun {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  tail: string[];
}

function runBlock(block: PlannedBlock, phase: string, options: ExecuteOptions, log: WriteStream): Promise<BlockRun> {
  const stateFile = path.join(options.workDir, '.exercise-state');
  return new Promise((resolve) => {
    log.write(`\n### ${block.where} (${phase})\n${block.code}\n### output\n`);
    const child = spawn('bash', ['-c', blockWrapper(stateFile, block.code)], {
      cwd: options.workDir,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let recent = '';
    let timedOut = false;
    const take = (chunk: Buffer, isStdout: boolean) => {
      const text = chunk.toString();
      log.write(text);
      if (isStdout && stdout.length < STDOUT_LIMIT) stdout += text;
      recent = (recent + text).slice(-16_000);
    };
    child.stdout.on('data', (c: Buffer) => take(c, true));
    child.stderr.on('data', (c: Buffer) => take(c, false));
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS).unref();
    }, options.stepTimeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Whatever the block left running in the background goes with it.
      killGroup('SIGKILL');
      if (timedOut) log.write(`\n### stopped after ${options.stepTimeoutMs} ms\n`);
      const tail = recent.replace(/\n$/, '').split('\n').slice(-TAIL_LINES);
      resolve({exitCode: code, timedOut, stdout, tail});
    });
  });
}

function failureOf(action: Action & {kind: 'run'}, run: BlockRun, mismatch?: BlockFailure['mismatch']): BlockFailure {
  return {
    where: action.block.where,
    phase: action.phase,
    command: action.block.code,
    exitCode: run.exitCode,
    timedOut: run.timedOut,
    tail: run.tail,
    mismatch,
  };
}

/** Writes a file the page shows, as shown, inside `dir`; a path that leads outside it is refused. */
export async function writeShownFile(dir: string, action: Action & {kind: 'write'}): Promise<string> {
  const target = path.resolve(dir, action.path);
  if (!target.startsWith(path.resolve(dir) + path.sep)) {
    throw new Error(`${action.block.where}: the file ${action.path} would be written outside ${dir}`);
  }
  await mkdir(path.dirname(target), {recursive: true});
  await writeFile(target, action.block.code.endsWith('\n') ? action.block.code : `${action.block.code}\n`);
  return target;
}

/** Runs a plan in `options.workDir`: files and blocks in order, stopping at the first failure; clean-up always. */
export async function executePlan(plan: ExercisePlan, options: ExecuteOptions): Promise<ExerciseResult> {
  await mkdir(options.workDir, {recursive: true});
  const log = createWriteStream(options.logFile, {flags: 'a'});
  const result: ExerciseResult = {plan, ran: [], cleanUpFailures: []};
  try {
    for (const action of actionsOf(plan)) {
      const cleanUp = action.kind === 'run' && action.phase === 'clean-up';
      if (result.failure && !cleanUp) continue;
      if (action.kind === 'write') {
        await writeShownFile(options.workDir, action);
        log.write(`\n### ${action.block.where}: wrote ${action.path}\n`);
        result.ran.push(action.block.where);
        continue;
      }
      const run = await runBlock(action.block, action.phase, options, log);
      result.ran.push(action.block.where);
      const role = action.block.role;
      if (run.exitCode !== 0) {
        if (cleanUp) result.cleanUpFailures.push(failureOf(action, run));
        else result.failure = failureOf(action, run);
        continue;
      }
      const expected = role.kind === 'run' ? role.expected : undefined;
      const mismatch = expected && compareOutput(expected.text, run.stdout);
      if (expected && mismatch) {
        result.failure = failureOf(action, run, {
          ...mismatch,
          where: `${plan.file}:${expected.line + mismatch.line}`,
        });
      }
    }
  } finally {
    await new Promise((done) => log.end(done));
  }
  return result;
}

/** The report of one exercise: one line when it passed, the failing block's page line and its evidence when not. */
export function formatResult(result: ExerciseResult): string {
  const {plan} = result;
  const lines: string[] = [];
  const describe = (f: BlockFailure, label: string) => {
    const status = f.timedOut ? 'was stopped at its time limit' : `exited with ${f.exitCode}`;
    if (f.mismatch) {
      lines.push(`${f.mismatch.where}  ${label}: the output of ${f.where} differs from the page`);
      lines.push(`  expected: ${f.mismatch.expected}`);
      lines.push(`  actual:   ${f.mismatch.actual ?? '(no more lines)'}`);
    } else {
      lines.push(`${f.where}  ${label}: the ${f.phase} block ${status}`);
    }
    lines.push('  command:', ...f.command.split('\n').map((l) => `  | ${l}`));
    lines.push('  last lines of output:', ...f.tail.map((l) => `  > ${l}`));
  };
  if (result.failure) describe(result.failure, 'FAIL');
  for (const f of result.cleanUpFailures) describe(f, 'CLEAN-UP FAILED');
  const ok = !result.failure && result.cleanUpFailures.length === 0;
  lines.unshift(`${ok ? 'ok  ' : 'FAIL'} ${plan.title} (${plan.file}): ${result.ran.length} blocks run`);
  return `${lines.join('\n')}\n`;
}

export const passed = (result: ExerciseResult) => !result.failure && result.cleanUpFailures.length === 0;
