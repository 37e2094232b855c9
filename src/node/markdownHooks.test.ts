import path from 'node:path';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {describe, expect, it} from 'vitest';
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
});
