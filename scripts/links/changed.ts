import {execFileSync} from 'node:child_process';
import {resolve} from 'node:path';

/** Lines added or changed on the new side of a `git diff --unified=0` → absolute file path → line numbers. */
export function parseChangedLines(diff: string, cwd: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | null = null;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).trim();
      if (target === '/dev/null') {
        current = null;
        continue;
      }
      const file = resolve(cwd, target.replace(/^"?b\//, '').replace(/"$/, ''));
      current = out.get(file) ?? new Set<number>();
      out.set(file, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return out;
}

export class GitError extends Error {}

/** Changed lines between the merge base of `ref` and HEAD and the working tree, for the given paths. */
export function changedLinesSince(ref: string, paths: readonly string[], cwd: string): Map<string, Set<number>> {
  const git = (args: string[]): string => {
    try {
      return execFileSync('git', args, {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe']});
    } catch (e) {
      const err = e as {stderr?: string; message: string};
      throw new GitError(`git ${args.join(' ')}: ${(err.stderr ?? err.message).trim()}`);
    }
  };
  let base = ref;
  try {
    base = git(['merge-base', ref, 'HEAD']).trim();
  } catch {
    git(['rev-parse', '--verify', `${ref}^{commit}`]); // throws a clear error if the ref is unknown
  }
  const diff = git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', base, '--', ...paths]);
  return parseChangedLines(diff, cwd);
}
