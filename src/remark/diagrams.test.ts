import path from 'node:path';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import remarkDiagrams from './diagrams';

function run(markdown: string) {
  const file = new VFile({path: path.join(__dirname, 'fixtures', 'page.md'), value: markdown});
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkDiagrams);
  return processor.runSync(processor.parse(file), file) as Root;
}

describe('remarkDiagrams', () => {
  it('inlines a local SVG image as a Diagram with its alt text and caption', () => {
    const tree = run('Text.\n\n![A pod in a box](./diagrams/ok.svg "One pod")\n');
    const diagram = tree.children[1] as MdxJsxFlowElement;
    expect(diagram.name).toBe('Diagram');
    const attrs = Object.fromEntries(diagram.attributes.map((a) => ('name' in a ? [a.name, a.value] : [])));
    expect(attrs).toMatchObject({alt: 'A pod in a box', caption: 'One pod'});
    expect(attrs.svg).toMatch(/^<svg xmlns/);
    expect(attrs.svg).not.toContain('<?xml');
  });

  it('leaves remote images and images inside text alone', () => {
    const tree = run('![Logo](https://example.org/x.svg)\n\nSee ![inline](./diagrams/ok.svg) here.\n');
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
  });

  it.each([
    ['![](./diagrams/ok.svg)', /page\.md:1:1: Diagram \.\/diagrams\/ok\.svg needs alt text/],
    ['\n![Missing](./diagrams/none.svg)', /page\.md:2:1: Diagram file not found: \.\/diagrams\/none\.svg/],
    ['![Red](./diagrams/coloured.svg)', /page\.md:1:1: Diagram \.\/diagrams\/coloured\.svg contains a styling attribute "fill" on <rect> \(use the d-\* classes\)/],
    // Before: a blocklist of patterns that a javascript: link got through.
    ['![Link](./diagrams/hostile.svg)', /page\.md:1:1: Diagram \.\/diagrams\/hostile\.svg contains a <a> element, which is not allowed/],
  ])('fails with file and line on %j', (markdown, message) => {
    expect(() => run(markdown)).toThrowError(message);
  });
});
