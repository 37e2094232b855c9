/**
 * Every Docusaurus plugin that compiles Markdown (the docs and the pages plugins) runs the page
 * safety checks first: the markup allow-list and the file-reference check. Read from the real
 * site configuration, and run as configured on planted pages.
 */
import path from 'node:path';
import type * as Preset from '@docusaurus/preset-classic';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {type PluggableList, unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import config from '../../docusaurus.config';
import remarkAllowedMarkup from '../../src/remark/allowedMarkup';
import remarkFileReferences from '../../src/remark/fileReferences';
import {PAGE_ROOTS} from '../../scripts/lint/pageFiles';

const ROOT = path.resolve(__dirname, '../..');
const [preset] = config.presets ?? [];
const options = (Array.isArray(preset) ? preset[1] : {}) as Preset.Options;

/** The plugin functions of a remark plugin list, without their options. */
const pluginsOf = (list: unknown) => ((list ?? []) as PluggableList).map((p) => (Array.isArray(p) ? p[0] : p));

/** Compiles a page as far as the remark stage, with a plugin's configured `beforeDefaultRemarkPlugins`. */
function compile(plugins: unknown, file: string, markdown: string) {
  const vfile = new VFile({path: path.join(ROOT, file), value: markdown});
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(plugins as PluggableList);
  return processor.runSync(processor.parse(vfile), vfile);
}

const markdownPlugins = {
  docs: {options: options.docs, page: 'docs/99-planted.md'},
  pages: {options: options.pages, page: 'src/pages/planted.md'},
};

describe.each(Object.entries(markdownPlugins))('the %s plugin', (_name, {options: plugin, page}) => {
  const before = plugin === false ? undefined : plugin?.beforeDefaultRemarkPlugins;

  it('runs the allow-list and the file-reference check before any other remark plugin', () => {
    expect(pluginsOf(before).slice(0, 2)).toEqual([remarkAllowedMarkup, remarkFileReferences]);
  });

  it('reads its pages from the folder the lint reads', () => {
    expect(plugin === false ? undefined : plugin?.path).toBeUndefined();
    expect(PAGE_ROOTS).toContain(path.join(ROOT, page.startsWith('docs/') ? 'docs' : 'src/pages'));
  });

  it('fails a planted <script> at file:line', () => {
    expect(() => compile(before, page, 'Text.\n\n<script>alert(1)</script>\n')).toThrowError(
      new RegExp(`^${page.replace('.', '\\.')}:3:1: <script> is not allowed in a page`),
    );
  });

  it('fails an image that leads out of the repository at file:line', () => {
    expect(() => compile(before, page, 'Text.\n\n![x](../../../../../../../../etc/passwd)\n')).toThrowError(
      new RegExp(`^${page.replace('.', '\\.')}:3:1: Reference "\\.\\./.*etc/passwd" leads outside docs/ and static/`),
    );
  });
});
