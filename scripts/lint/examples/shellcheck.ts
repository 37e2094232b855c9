/**
 * ShellCheck as a bounded child process: input size, wall time and address space are capped,
 * so one hostile block costs seconds and a finding, never the machine. (Unbounded, a 36 KB block
 * took 14 GB for 61 s, and a 50 KB block was killed for lack of memory at 24 GB.)
 * Exported for any tool that runs ShellCheck (the examples gate, the exercise runner).
 */
import {spawn} from 'node:child_process';
import {SetupError} from './problem';

export const SHELLCHECK_INSTALL_HINT =
  "ShellCheck is not installed, and shell blocks are never skipped. Install Debian's package: " +
  '`sudo apt-get install shellcheck` (macOS: `brew install shellcheck`). ' +
  'Set SHELLCHECK=/path/to/shellcheck if it is installed outside PATH.';

export interface ShellCheckBounds {
  /** Bytes of shell text one ShellCheck run may read. Our largest docs block is about 2 KB. */
  maxInputBytes: number;
  /** Wall time of one run; then its process group is killed. */
  timeoutMs: number;
  /** Address space of one run (ulimit -v). ShellCheck's runtime needs 72 MiB to start; a 15 KB block took 294 MB. */
  memoryBytes: number;
}

export const SHELLCHECK_BOUNDS: ShellCheckBounds = {
  maxInputBytes: 16 * 1024,
  timeoutMs: 20_000,
  memoryBytes: 1024 * 1024 * 1024,
};

export interface ShellCheckComment {
  file: string;
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

export type ShellCheckOutcome =
  | {ok: true; comments: ShellCheckComment[]}
  /** The run went over a bound (time or memory): `reason` says which, for a finding at the input's lines. */
  | {ok: false; reason: string};

export interface ShellCheckRun {
  files: string[];
  dialect: 'bash' | 'sh';
  /** The ShellCheck command (default `shellcheck` on PATH). */
  command?: string;
  /** Lowest level reported: style and info advice would fail correct commands. */
  severity?: 'error' | 'warning' | 'info' | 'style';
  bounds?: ShellCheckBounds;
}

/**
 * Runs ShellCheck once over `files`. A missing ShellCheck (or a failure that is not a finding)
 * is a SetupError; going over a bound is an outcome, so the caller can report it and go on.
 */
export function runShellCheck(run: ShellCheckRun): Promise<ShellCheckOutcome> {
  const bounds = run.bounds ?? SHELLCHECK_BOUNDS;
  const command = run.command ?? 'shellcheck';
  const args = [
    `--shell=${run.dialect}`,
    `--severity=${run.severity ?? 'warning'}`,
    '--format=json1',
    '--',
    ...run.files,
  ];
  // The shell sets the address-space limit (RLIMIT_AS, in KiB), then becomes ShellCheck.
  const limited = [
    '-c',
    'ulimit -v "$0" && exec "$@"',
    String(Math.floor(bounds.memoryBytes / 1024)),
    command,
    ...args,
  ];
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills ShellCheck and anything it started, by that group's id.
    const child = spawn('/bin/sh', limited, {detached: true, stdio: ['ignore', 'pipe', 'pipe']});
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, bounds.timeoutMs);
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new SetupError(SHELLCHECK_INSTALL_HINT) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString().trim();
      if (timedOut) {
        return resolve({ok: false, reason: `ShellCheck took longer than ${bounds.timeoutMs / 1000} s and was stopped`});
      }
      // The shell could not find the command.
      if (code === 127) {
        return reject(new SetupError(SHELLCHECK_INSTALL_HINT));
      }
      // GHC's runtime says "out of memory" (exit 251) past the limit, or refuses to start below its minimum.
      if (signal !== null || /out of memory|resource limit for virtual memory/i.test(err)) {
        return resolve({
          ok: false,
          reason: `ShellCheck ran out of its ${Math.round(bounds.memoryBytes / 2 ** 20)} MiB of memory`,
        });
      }
      // Exit 1 means "found something"; the report is on stdout. Anything else is a real failure.
      if (code !== 0 && code !== 1) return reject(new SetupError(`ShellCheck (${command}) failed: ${err}`));
      try {
        resolve({
          ok: true,
          comments: (JSON.parse(Buffer.concat(stdout).toString()) as {comments: ShellCheckComment[]}).comments,
        });
      } catch {
        reject(new SetupError(`ShellCheck (${command}) printed no JSON report: ${err}`));
      }
    });
  });
}
