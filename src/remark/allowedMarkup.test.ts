import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import remarkAllowedMarkup from './allowedMarkup';

const DOCS = path.resolve(__dirname, '../../docs');

/** Parses as the Docusaurus build does (MDX, frontmatter, GFM, directives), then runs the plugin. */
function run(markdown: string, file = path.join(__dirname, 'fixtures', 'page.md')) {
  const vfile = new VFile({path: file, value: markdown});
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkAllowedMarkup);
  return processor.runSync(processor.parse(vfile), vfile);
}

describe('remarkAllowedMarkup', () => {
  it.each(readdirSync(DOCS).filter((name) => name.endsWith('.md')))('builds docs/%s', (name) => {
    const file = path.join(DOCS, name);
    expect(() => run(readFileSync(file, 'utf8'), file)).not.toThrow();
  });

  it('builds details, summary, comments, admonitions and https links', () => {
    const page = ':::tip[Learn]\n\nText.\n\n:::\n\n{/* note */}\n\n<details>\n<summary>Q?</summary>\n\n[A](https://kubernetes.io/) and `<script>`.\n\n</details>\n';
    expect(() => run(page)).not.toThrow();
  });

  // Each of these built and ran in Chromium before the allow-list.
  it.each([
    ['a raw <script>', 'Text.\n\n<script>alert(1)</script>\n', 3, '<script> is not allowed in a page'],
    ['a template literal', 'Text {`${alert(1)}`}.\n', 1, 'is a JavaScript expression'],
    ['code between comments', '\nText {/* a */ alert(1) /* b */}.\n', 2, 'is a JavaScript expression'],
    ['a spread', '<details {...{dangerouslySetInnerHTML: {__html: "<img src=x onerror=alert(1)>"}}}>\n\nx\n\n</details>\n', 1, 'has a spread'],
    ['an event handler', '<details>\n<summary onClick="alert(1)">Q</summary>\n\nx\n\n</details>\n', 2, 'event handler attribute "onClick"'],
    ['an attribute expression', '<details open={alert(1)}>\n\nx\n\n</details>\n', 1, 'does not take the attribute "open"'],
    ['a component that inlines markup', '<Diagram alt="x" svg="<img src=x onerror=alert(1)>" />\n', 1, '<Diagram> is not allowed'],
    ['an import', "import X from '@site/src/x';\n\nText.\n", 1, '`import`/`export` is JavaScript'],
    ['a javascript: link', 'Read [this](javascript:alert(1)).\n', 1, 'javascript: URL is not allowed'],
    ['an iframe', 'Text.\n\n<iframe srcdoc="<script>alert(1)</script>" />\n', 3, '<iframe> is not allowed'],
  ])('fails the build on %s with file:line', (_name, markdown, line, message) => {
    expect(() => run(markdown)).toThrowError(new RegExp(`fixtures/page\\.md:${line}:\\d+: .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('fails on raw HTML, which a page switched to plain Markdown (`format: md`) would render', () => {
    const vfile = new VFile({path: path.join(__dirname, 'fixtures', 'page.md'), value: 'Text.\n\n<script>alert(1)</script>\n'});
    const processor = unified().use(remarkParse).use(remarkAllowedMarkup);
    expect(() => processor.runSync(processor.parse(vfile), vfile)).toThrowError(/page\.md:3:1: Raw HTML is not allowed/);
  });
});
