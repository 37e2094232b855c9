import {execFile} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

/**
 * What a new contributor sees: deliberately broken copies of a real section page, each
 * in its own temp folder, run through the real `npm run lint:md` command line. Each must
 * fail with `file:line:column`, the rule, and no stack trace.
 */

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
const run = promisify(execFile);

const PAGE = readdirSync(DOCS)
  .filter((name) => /^\d+-.+\.md$/.test(name))
  .sort()[0]!;
const SOURCE = readFileSync(path.join(DOCS, PAGE), 'utf8');
const LINES = SOURCE.split('\n');

const RESOURCE = /^- \[(.+?)\]\((https:\/\/[^)\s]+)\) - (.+)$/;
const firstIndex = (test: (line: string, index: number) => boolean) => {
  const index = LINES.findIndex(test);
  if (index === -1) throw new Error(`${PAGE} has no line this test can break`);
  return index;
};
const resourceAt = firstIndex((l) => RESOURCE.test(l));
const [, title = '', url = ''] = RESOURCE.exec(LINES[resourceAt]!)!;
const introAt = firstIndex((l, i) => i > 0 && /^[A-Z]/.test(l) && !l.includes(':'));
const detailsAt = firstIndex((l) => l.trim() === '<details>');

function replaceLine(index: number, ...replacement: string[]): string {
  return [...LINES.slice(0, index), ...replacement, ...LINES.slice(index + 1)].join('\n');
}

interface BrokenCase {
  name: string;
  text: string;
  /** 1-based line and the rule and words the message must have. */
  line: number;
  rule: string;
  says: string;
}

const CASES: BrokenCase[] = [
  {
    name: 'a resource with no description',
    text: replaceLine(resourceAt, `- [${title}](${url})`),
    line: resourceAt + 1,
    rule: 'curriculum:resource-item',
    says: 'has no description',
  },
  {
    name: 'an http link',
    text: replaceLine(resourceAt, LINES[resourceAt]!.replace('https://', 'http://')),
    line: resourceAt + 1,
    rule: 'curriculum:https-links',
    says: 'uses http://',
  },
  {
    name: 'a duplicated resource',
    text: replaceLine(
      resourceAt,
      LINES[resourceAt]!,
      `- [The same page again](${url.replace('https://', 'https://www.').replace(/\/?$/, '/')}) - Listed twice`,
    ),
    line: resourceAt + 2,
    rule: 'curriculum:no-duplicate-resource',
    says: `is also listed at this page:${resourceAt + 1}`,
  },
  {
    name: 'empty link text',
    text: replaceLine(resourceAt, LINES[resourceAt]!.replace(`[${title}]`, '[]')),
    line: resourceAt + 1,
    rule: 'curriculum:resource-item',
    says: 'empty text',
  },
  {
    name: 'generic link text',
    text: replaceLine(resourceAt, LINES[resourceAt]!.replace(`[${title}]`, '[click here]')),
    line: resourceAt + 1,
    rule: 'curriculum:resource-item',
    says: 'does not say where it goes',
  },
  {
    name: 'broken frontmatter YAML',
    text: replaceLine(1, 'title: Containers: the basics'),
    line: 2,
    rule: 'curriculum:frontmatter',
    says: 'Frontmatter YAML',
  },
  {
    name: 'no description in the frontmatter',
    text: LINES.filter((l) => !l.startsWith('description:')).join('\n'),
    line: 1,
    rule: 'curriculum:frontmatter',
    says: 'Frontmatter has no `description`',
  },
  {
    name: 'a bare URL',
    text: replaceLine(introAt, LINES[introAt]!, '', 'Read more at https://docs.docker.com/get-started/ today.'),
    line: introAt + 3,
    rule: 'curriculum:no-bare-urls',
    says: 'Bare URL "https://docs.docker.com/get-started/"',
  },
  {
    name: 'a tag that is never closed',
    text: LINES.filter(
      (l, i) =>
        !(
          l.trim() === '</details>' &&
          i > detailsAt &&
          LINES.slice(detailsAt, i).every((x) => x.trim() !== '</details>')
        ),
    ).join('\n'),
    line: detailsAt + 1,
    rule: 'mdast-util-mdx-jsx:end-tag-mismatch',
    says: 'Cannot parse the page as MDX: Expected a closing tag for `<details>`',
  },
  {
    name: 'a <script> in the prose',
    text: replaceLine(introAt, LINES[introAt]!, '', '<script>alert(document.cookie)</script>'),
    line: introAt + 3,
    rule: 'curriculum:allowed-markup',
    says: '<script> is not allowed in a page',
  },
  {
    name: 'a list nested 200 levels deep (minutes for the parser)',
    text: replaceLine(
      introAt,
      LINES[introAt]!,
      '',
      ...Array.from({length: 200}, (_, i) => `${' '.repeat(2 * i)}- level ${i}`),
    ),
    // Level i nests i + 1 deep (its marker plus i two-column indents): level 32 is the first past 32.
    line: introAt + 3 + 32,
    rule: 'curriculum:page-limits',
    says: 'Line nests 33 levels deep',
  },
  {
    name: 'a YAML alias bomb in the frontmatter',
    text: replaceLine(
      1,
      LINES[1]!,
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    ),
    line: 4,
    rule: 'curriculum:frontmatter',
    says: 'Frontmatter YAML: aliases (`*name`) are not allowed',
  },
  {
    name: 'a TODO',
    text: replaceLine(introAt, LINES[introAt]!, '', 'TODO: explain cgroups.'),
    line: introAt + 3,
    rule: 'curriculum:no-placeholders',
    says: '"TODO" left in the page',
  },
];

let tmp: string;
let output: string;
let exitCode: number;
const files = new Map<string, string>();

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'broken-pages-'));
  CASES.forEach((c, i) => {
    // One folder each, so that copies are not each other's duplicates.
    const dir = path.join(tmp, String(i));
    mkdirSync(dir);
    const file = path.join(dir, PAGE);
    writeFileSync(file, c.text);
    files.set(c.name, file);
  });
  try {
    const result = await run(process.execPath, ['--import', 'tsx', 'scripts/lint/markdown.ts', ...files.values()], {
      cwd: ROOT,
    });
    [output, exitCode] = [result.stdout + result.stderr, 0];
  } catch (error) {
    const failed = error as {stdout: string; stderr: string; code: number};
    [output, exitCode] = [failed.stdout + failed.stderr, failed.code];
  }
}, 120_000);

afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe(`npm run lint:md on broken copies of docs/${PAGE}`, () => {
  it('exits non-zero without a stack trace', () => {
    expect(exitCode).not.toBe(0);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toContain('Error:');
  });

  it.each(CASES)('reports $name at file:line with its rule', ({name, line, rule, says}) => {
    const file = files.get(name)!;
    const reported = output.split('\n').filter((l) => l.startsWith(`${file}:${line}:`));
    expect(reported, `no message at ${file}:${line} in:\n${output}`).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`${escape(says)}.*\\[${escape(rule)}\\]$`))]),
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
