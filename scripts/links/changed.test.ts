import {describe, expect, it} from 'vitest';
import {parseChangedLines} from './changed';

describe('parseChangedLines', () => {
  it('collects added and changed lines of the new side, per file', () => {
    const diff = [
      'diff --git a/docs/a.md b/docs/a.md',
      '--- a/docs/a.md',
      '+++ b/docs/a.md',
      '@@ -3 +3 @@ title',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@',
      '+added 1',
      '+added 2',
      '@@ -20,2 +22,0 @@',
      '-deleted',
      '-deleted',
      'diff --git a/docs/gone.md b/docs/gone.md',
      '--- a/docs/gone.md',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      'diff --git a/docs/new.md b/docs/new.md',
      '--- /dev/null',
      '+++ b/docs/new.md',
      '@@ -0,0 +1,3 @@',
    ].join('\n');
    const m = parseChangedLines(['docs/a.md', 'docs/gone.md', 'docs/new.md'], diff, '/repo');
    expect([...(m.get('/repo/docs/a.md') ?? [])]).toEqual([3, 11, 12]);
    expect([...(m.get('/repo/docs/new.md') ?? [])]).toEqual([1, 2, 3]);
    expect(m.has('/repo/docs/gone.md')).toBe(false);
    expect(() => parseChangedLines(['docs/a.md'], diff, '/repo')).toThrow(/listed 1 changed files but showed 3/);
  });
});
