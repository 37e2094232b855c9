import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {parseFrontMatter} from './markdownHooks';

const filePath = path.resolve(__dirname, '../../docs/99-planted.md');
const parse = (fileContent: string) => parseFrontMatter({filePath, fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});

describe('markdown.parseFrontMatter', () => {
  it('returns what Docusaurus would for a good page', async () => {
    const page = '---\ntitle: Pods\nstudy_minutes: 30\n---\n\nText.\n';
    expect(await parse(page)).toEqual(await DEFAULT_PARSE_FRONT_MATTER({filePath, fileContent: page}));
  });

  it('stops a YAML alias bomb at file:line (Docusaurus expands it when it serialises frontmatter)', async () => {
    const bomb = '---\ntitle: x\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n';
    await expect(parse(bomb)).rejects.toThrowError(/^docs\/99-planted\.md:4:1: Frontmatter YAML: aliases/);
  });

  it('stops a page nested too deeply for the parser at file:line, before the parser runs', async () => {
    const deep = `---\ntitle: x\n---\n\n${Array.from({length: 200}, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')}\n`;
    await expect(parse(deep)).rejects.toThrowError(/^docs\/99-planted\.md:37:1: Line nests 33 levels deep/);
  });

  it.each([
    ['--- js', '--- js\n{title: "x"}\n---\n'],
    ['---js', '---js\n{title: "x"}\n---\n'],
    ['--- javascript', '--- javascript\n{title: "x"}\n---\n'],
    ['--- JS (gray-matter ignores case)', '--- JS\n{title: "x"}\n---\n'],
    ['--- json', '--- json\n{"title": "x"}\n---\n'],
    ['--- yaml (only a plain opening line)', '--- yaml\ntitle: x\n---\n'],
    ['an unknown engine', '---coffee\ntitle: x\n---\n'],
    ['a byte-order mark first', '\uFEFF--- js\n{title: "x"}\n---\n'],
    ['CRLF line ends', '--- js\r\n{title: "x"}\r\n---\r\n'],
  ])('refuses frontmatter that names a language (%s) at line 1', async (_name, page) => {
    await expect(parse(page)).rejects.toThrowError(/^docs\/99-planted\.md:1:1: Frontmatter opens with "---/);
  });

  it.each([
    ['a plain opening line with trailing spaces', '---  \ntitle: x\n---\n'],
    ['four dashes (no frontmatter to gray-matter)', '----\n\nText.\n'],
    ['no frontmatter', 'Text.\n'],
  ])('accepts %s', async (_name, page) => {
    expect(await parse(page)).toEqual(await DEFAULT_PARSE_FRONT_MATTER({filePath, fileContent: page}));
  });

  describe('a planted page whose JavaScript frontmatter writes a file', () => {
    const planted = readFileSync(path.join(__dirname, 'fixtures/javascript-front-matter.md'), 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'front-matter-'));
    const marker = path.join(dir, 'ran');
    beforeAll(() => vi.stubEnv('FRONT_MATTER_MARKER', marker));
    afterEach(() => rmSync(marker, {force: true}));
    afterAll(() => {
      vi.unstubAllEnvs();
      rmSync(dir, {recursive: true, force: true});
    });

    it("would run in Docusaurus's own parser (the fixture is live)", async () => {
      await DEFAULT_PARSE_FRONT_MATTER({filePath, fileContent: planted});
      expect(existsSync(marker)).toBe(true);
    });

    it('does not run through the hook: the build stops at line 1 first', async () => {
      await expect(parse(planted)).rejects.toThrowError(/^docs\/99-planted\.md:1:1: Frontmatter opens with "---js"/);
      expect(existsSync(marker)).toBe(false);
    });
  });
});
