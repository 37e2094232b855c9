import {mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {findFileReferenceIssues} from './fileReferences';
import {parseMarkdown} from './parse';

// A repository of our own, with a secret beside it and symbolic links out of docs/ and static/.
const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'file-references-')));
const repository = path.join(base, 'repo');
afterAll(() => rmSync(base, {recursive: true, force: true}));
for (const dir of ['docs/diagrams', 'static/img', 'src']) mkdirSync(path.join(repository, dir), {recursive: true});
writeFileSync(path.join(base, 'secret.txt'), 'secret');
writeFileSync(path.join(repository, 'docs/diagrams/x.svg'), '<svg/>');
writeFileSync(path.join(repository, 'static/img/logo.svg'), '<svg/>');
writeFileSync(path.join(repository, 'src/code.ts'), '');
symlinkSync(path.join(base, 'secret.txt'), path.join(repository, 'docs/diagrams/leak.svg'));
symlinkSync(base, path.join(repository, 'static/outside'));
symlinkSync(path.join(repository, 'docs/diagrams/x.svg'), path.join(repository, 'static/img/inside.svg'));

const check = (markdown: string) =>
  findFileReferenceIssues(parseMarkdown(markdown), {
    page: path.join(repository, 'docs/01-page.md'),
    repository,
    realPath: realpathSync,
  }).map((issue) => `${issue.line}: ${issue.message}`);

describe('findFileReferenceIssues', () => {
  it.each([
    ['a diagram beside the page', '![x](./diagrams/x.svg)'],
    ['a static file by its site path', '![x](/img/logo.svg)'],
    ['a static file through @site', '[x](@site/static/img/logo.svg)'],
    ['a link inside static that points into docs', '![x](/img/inside.svg)'],
    ['a page and a heading', '[x](./02-other.md#part) [y](#part) [z](/docs/other)'],
    ['a link to a page or route anywhere (Docusaurus reads no file for it)', '[x](../../README.md) [y](../../print)'],
    ['other sites, mail and fragments', '[x](https://example.com/../../etc) [y](mailto:a@example.com) [z](//host/x)'],
    ['a file that does not exist yet (the build reports it)', '![x](./diagrams/missing.svg)'],
  ])('passes %s', (_name, markdown) => {
    expect(check(markdown)).toEqual([]);
  });

  it.each([
    [
      'a relative path out of the repository',
      '\n![x](../../secret.txt)',
      '2: Reference "../../secret.txt" leads outside docs/',
    ],
    ['a repository file outside docs and static', '[x](../src/code.ts)', '1: Reference "../src/code.ts" leads outside'],
    ['@site to any repository file', '[x](@site/src/code.ts)', '1: Reference "@site/src/code.ts" leads outside'],
    [
      'a site path that climbs out of static',
      '![x](/../../secret.txt)',
      '1: Reference "/../../secret.txt" leads outside',
    ],
    [
      'a percent-encoded climb',
      '![x](%2E%2E/%2e%2e/secret.txt)',
      '1: Reference "%2E%2E/%2e%2e/secret.txt" leads outside',
    ],
    [
      'a query and fragment do not hide it',
      '[x](../../secret.txt?raw#top)',
      '1: Reference "../../secret.txt?raw#top" leads',
    ],
    ['a link definition', '[x][s]\n\n[s]: ../../secret.txt', '3: Reference "../../secret.txt" leads outside'],
    [
      'a symbolic link in docs/ to a file outside',
      '![x](./diagrams/leak.svg)',
      '1: Reference "./diagrams/leak.svg" is a symbolic link',
    ],
    [
      'a symbolic link in static/ to a folder outside',
      '![x](/outside/secret.txt)',
      '1: Reference "/outside/secret.txt" is a symbolic link',
    ],
    ['a malformed escape', '[x](./a%zz.pdf)', '1: Reference "./a%zz.pdf" has a malformed %-escape'],
  ])('refuses %s at its line', (_name, markdown, expected) => {
    const issues = check(markdown);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(expected);
  });
});
