import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {SetupError} from '../lint/examples/problem';
import {runShellCheck, SHELLCHECK_BOUNDS} from '../lint/examples/shellcheck';
import type {PlanScript} from './script';

/** Bounds of the dry run's children: a plan is a few hundred lines, checked in well under a second. */
export const VERIFY_LIMITS = {scriptBytes: 1_000_000, outputBytes: 8_000_000, milliseconds: 60_000};

/** A check of the plan that cannot run at all (no ShellCheck, a child that hung): exit 2. */
export class VerifySetupError extends Error {}

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException & {killed?: boolean};
}

function runChild(command: string, args: string[]): Promise<ChildResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {timeout: VERIFY_LIMITS.milliseconds, maxBuffer: VERIFY_LIMITS.outputBytes, killSignal: 'SIGKILL'},
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & {killed?: boolean; code?: unknown}) | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          error: failure ?? undefined,
        });
      },
    );
  });
}

/** `bash -n` and ShellCheck over the whole plan; each finding at the page line it comes from. */
export async function verifyPlanScript(script: PlanScript, shellcheck = 'shellcheck'): Promise<string[]> {
  if (Buffer.byteLength(script.text) > VERIFY_LIMITS.scriptBytes) {
    throw new VerifySetupError(
      `the plan is larger than ${VERIFY_LIMITS.scriptBytes} bytes; is a page's block runaway?`,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'exercise-plan-'));
  const file = path.join(dir, 'plan.bash');
  const at = (line: number) => script.origin[line - 1] ?? `plan line ${line}`;
  try {
    await writeFile(file, script.text);
    const problems: string[] = [];
    const syntax = await runChild('bash', ['-n', file]);
    if (syntax.error?.killed) throw new VerifySetupError('`bash -n` did not finish in time');
    if (syntax.code !== 0) {
      for (const m of syntax.stderr.matchAll(/line (\d+): (.*)/g))
        problems.push(`${at(Number(m[1]))}  bash -n: ${m[2]}`);
      if (problems.length === 0) problems.push(`${at(1)}  bash -n: ${syntax.stderr.trim()}`);
    }
    // The examples gate's bounded ShellCheck (size, time, memory, its own process group), at every level.
    const checked = await runShellCheck({
      files: [file],
      dialect: 'bash',
      command: shellcheck,
      severity: 'style',
      bounds: {...SHELLCHECK_BOUNDS, maxInputBytes: VERIFY_LIMITS.scriptBytes, timeoutMs: VERIFY_LIMITS.milliseconds},
    }).catch((error: unknown) => {
      throw error instanceof SetupError ? new VerifySetupError(error.message) : error;
    });
    if (!checked.ok) throw new VerifySetupError(checked.reason);
    for (const c of checked.comments) {
      problems.push(`${at(c.line)}  ShellCheck SC${c.code} (${c.level}): ${c.message}`);
    }
    return problems;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
