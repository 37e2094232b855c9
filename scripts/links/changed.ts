import {execFileSync} from 'node:child_process';
import {resolve} from 'node:path';

/** The new-side line numbers a `git diff --unified=0` hunk header adds or changes (none for a pure deletion). */
function hunkLines(line: string): number[] {
  const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
  if (!hunk) return [];
  const start = Number(hunk[1]);
  const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
  return Array.from({length: count}, (_, i) => start + i);
}

export class GitError extends Error {}

/**
 * Lines added or changed, per file: `names` from `git diff --name-only -z` (exact bytes, NUL-separated, so any
 * character a file name may hold survives), `diff` from the same `git diff` with `--unified=0`. Git writes one
 * `diff --git` section per name, in the same order; only the hunk headers of each section are read, never
 * the quoted names in its header. → absolute file path → line numbers.
 */
export function parseChangedLines(names: readonly string[], diff: string, cwd: string): Map<string, Set<number>> {
  const sections: string[][] = [];
  for (const line of diff.split('\n')) {
    // Content lines start with +, -, space or \, so only a section header starts with "diff --git ".
    if (line.startsWith('diff --git ')) sections.push([]);
    else sections.at(-1)?.push(line);
  }
  if (sections.length !== names.length) {
    throw new GitError(`git diff listed ${names.length} changed files but showed ${sections.length}; run again`);
  }
  const out = new Map<string, Set<number>>();
  names.forEach((name, i) => {
    const lines = new Set(sections[i]!.flatMap(hunkLines));
    if (lines.size > 0) out.set(resolve(cwd, name), lines);
  });
  return out;
}

/** Changed lines between the merge base of `ref` and HEAD and the working tree, for the given paths. */
export function changedLinesSince(ref: string, paths: readonly string[], cwd: string): Map<string, Set<number>> {
  if (ref === '' || ref.startsWith('-')) throw new GitError(`--changed-since needs a git revision, got ${JSON.stringify(ref)}`);
  const git = (args: string[]): string => {
    try {
      // Paths are file and folder names, never pathspec patterns (a name may hold * or start with :).
      return execFileSync('git', ['--literal-pathspecs', ...args], {cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe']});
    } catch (e) {
      const err = e as {stderr?: string; message: string};
      throw new GitError(`git ${args.join(' ')}: ${(err.stderr ?? err.message).trim()}`);
    }
  };
  let base = ref;
  try {
    base = git(['merge-base', ref, 'HEAD']).trim();
  } catch {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]); // throws a clear error if the ref is unknown
  }
  // Deleted files have no new lines; both commands see the same files in the same order.
  const common = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--relative', '--find-renames', '--diff-filter=d', base, '--', ...paths];
  const names = git([...common.slice(0, 1), '--name-only', '-z', ...common.slice(1)]).split('\0').filter((n) => n !== '');
  const diff = git([...common.slice(0, 1), '--unified=0', ...common.slice(1)]);
  return parseChangedLines(names, diff, cwd);
}
