import {describe, expect, it} from 'vitest';
import {checkFrontMatterSource, readFrontMatter} from './frontMatter';
import {parseMarkdown} from './parse';

const BOMB = [
  'title: Bomb',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
].join('\n');

describe('readFrontMatter', () => {
  it('reads a mapping', () => {
    expect(readFrontMatter(parseMarkdown('---\ntitle: Pods\nstudy_minutes: 30\n---\n\nText.\n'))).toEqual({
      ok: true,
      data: {title: 'Pods', study_minutes: 30},
    });
  });

  it.each([
    // Before: the yaml library's ReferenceError escaped as a stack trace naming no file.
    ['an alias bomb', `---\n${BOMB}\n---\n`, 4, /aliases \(`\*name`\) are not allowed/],
    ['a single alias', '---\ntitle: &t Pods\nsidebar_label: *t\n---\n', 3, /aliases/],
    ['a merge key', '---\nbase: &b {title: x}\n<<: *b\n---\n', 3, /aliases/],
    [
      'broken YAML',
      '---\ntitle: Pods\ndescription: Containers: the basics\n---\n',
      3,
      /Frontmatter YAML: Nested mappings/,
    ],
    ['a duplicate key', '---\ntitle: Pods\ntitle: Again\n---\n', 3, /Map keys must be unique/],
    ['a list instead of a mapping', '---\n- title\n---\n', 1, /must be a YAML mapping/],
  ])('reports %s at its line of the page, without throwing', (_name, source, line, message) => {
    const result = readFrontMatter(parseMarkdown(source));
    expect(result).toEqual({
      ok: false,
      issue: {line, column: expect.any(Number) as number, message: expect.stringMatching(message) as string},
    });
  });
});

describe('checkFrontMatterSource (raw source, before any parser)', () => {
  it('finds the alias bomb at its line', () => {
    expect(checkFrontMatterSource(`---\n${BOMB}\n---\n\nText.\n`)).toMatchObject({
      line: 4,
      message: expect.stringMatching(/aliases/) as string,
    });
  });

  it('passes good frontmatter and pages without any', () => {
    expect(checkFrontMatterSource('---\ntitle: Pods\n---\n\nText.\n')).toBeUndefined();
    expect(checkFrontMatterSource('Text.\n\n---\n\na: *b\n')).toBeUndefined();
  });
});
