import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {markdownFiles, PAGE_ROOTS, ROOT} from './pageFiles';

/** The lints read what the build compiles: .md and .mdx under docs/, and Markdown under src/pages/. */

const run = promisify(execFile);
const site = mkdtempSync(path.join(tmpdir(), 'page-files-'));
const outside = mkdtempSync(path.join(tmpdir(), 'page-files-outside-'));
afterAll(() => {
  rmSync(site, {recursive: true, force: true});
  rmSync(outside, {recursive: true, force: true});
});

const SCRIPT = '---\ntitle: Planted\ndescription: A planted page.\n---\n\nText.\n\n<script>alert(1)</script>\n';
const plant = (relative: string, text = SCRIPT) => {
  const file = path.join(site, relative);
  mkdirSync(path.dirname(file), {recursive: true});
  writeFileSync(file, text);
  return file;
};
const mdx = plant('docs/01-planted.mdx');
const md = plant('docs/nested/02-planted.md');
const standalone = plant('src/pages/about.md');
plant('src/pages/index.tsx', 'export default function Home() { return null; }\n');
writeFileSync(path.join(outside, 'linked.md'), SCRIPT);
symlinkSync(path.join(outside, 'linked.md'), path.join(site, 'docs/03-linked.md'));
symlinkSync(site, path.join(site, 'docs/loop'));

describe('markdownFiles', () => {
  it('reads, by default, the folders the docs and pages plugins build', () => {
    expect(PAGE_ROOTS).toEqual([path.join(ROOT, 'docs'), path.join(ROOT, 'src/pages')]);
  });

  it('finds .md and .mdx pages, also behind a symbolic link, each folder once, and no other files', () => {
    expect(markdownFiles([site])).toEqual({files: [md, mdx, path.join(site, 'docs/03-linked.md'), standalone].sort()});
  });

  it('refuses a path that does not exist and a file that is not Markdown', () => {
    expect(markdownFiles([path.join(site, 'nope')])).toEqual({
      error: `No such file or folder: ${path.join(site, 'nope')}`,
    });
    expect(markdownFiles([path.join(site, 'src/pages/index.tsx')])).toMatchObject({error: /Not a Markdown page/});
  });
});

describe('npm run lint:md', () => {
  it('lints an .mdx page, a page behind a link and a src/pages page with every safety rule', async () => {
    const result = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/lint/markdown.ts'), site], {
      cwd: ROOT,
    }).then(
      () => ({code: 0, output: ''}),
      (e: {code: number; stdout: string; stderr: string}) => ({code: e.code, output: e.stdout + e.stderr}),
    );
    expect(result.code).toBe(1);
    for (const file of [
      'docs/01-planted.mdx',
      'docs/nested/02-planted.md',
      'docs/03-linked.md',
      'src/pages/about.md',
    ]) {
      expect(result.output).toContain(`${path.join(site, file)}:8:1  <script> is not allowed in a page`);
    }
    // A standalone page has no module structure to check.
    expect(result.output).not.toMatch(
      /about\.md:\d+:\d+ .*\[curriculum:(topic-structure|self-check|exercise-structure|frontmatter)\]/,
    );
  }, 60_000);

  it('is a usage error for an unknown option, with exit code 2', async () => {
    const result = await run(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/lint/markdown.ts'), '--nope'],
      {
        cwd: ROOT,
      },
    ).then(
      () => ({code: 0, stderr: ''}),
      (e: {code: number; stderr: string}) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lint:md: unknown option --nope');
  }, 30_000);
});
