import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {EXERCISES_PENDING} from '../../src/content/authoring';
import {FIXTURES} from './lint-fixture';
import exerciseStructure from './rules/exercise-structure';

/** Lints a fixture with only `exercise-structure` and the given pending list. */
async function lint(relative: string, pending: readonly string[]) {
  const filePath = path.join(FIXTURES, 'exercise-structure', relative);
  const file = new VFile({path: filePath, value: readFileSync(filePath, 'utf8')});
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkMdx)
    .use(exerciseStructure, ['error', {pending}]);
  await processor.run(processor.parse(file), file);
  return file.messages.map((m) => `${m.line}: ${m.reason}`);
}

// While exercises 2–11 are written on their own branches, their pages are listed as pending:
// the rule requires an exercise everywhere else, and the list can only shrink.
describe('exercise-structure: pages whose exercise is pending', () => {
  it('does not require an exercise on a pending page', async () => {
    expect(await lint('fail/03-none.md', ['03-none.md'])).toEqual([]);
  });

  it('requires it on every page that is not pending', async () => {
    expect(await lint('fail/03-none.md', ['01-page.md'])).toEqual([
      expect.stringMatching(/^29: Section page has no hands-on exercise/),
    ]);
  });

  it('reports a page that is still listed as pending but has its exercise', async () => {
    expect(await lint('pass/01-page.md', ['01-page.md'])).toEqual([
      expect.stringMatching(/^29: 01-page\.md has its exercise now: remove it from EXERCISES_PENDING/),
    ]);
  });

  it('lists only section pages that exist in docs/, each once', () => {
    expect(new Set(EXERCISES_PENDING).size).toBe(EXERCISES_PENDING.length);
    for (const name of EXERCISES_PENDING) {
      expect(name).toMatch(/^\d{2}-[a-z0-9-]+\.md$/);
      expect(existsSync(path.join(__dirname, '../../docs', name)), name).toBe(true);
    }
  });
});
