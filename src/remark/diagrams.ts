import path from 'node:path';
import type {Image, Paragraph, Root} from 'mdast';
import type {VFile} from 'vfile';
import {visit, SKIP} from 'unist-util-visit';
import {jsxElement} from './mdxJsx';
import {failAt} from './fail';
import {issueAt} from '../content/issue';
import {readPageDependency} from './pageDependencies';
import {sanitizeDiagramSvg} from '../node/diagramSvg';

function isDiagramImage(node: Paragraph): Image | undefined {
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'image') return undefined;
  return /^\.{1,2}\/.*\.svg$/.test(only.url) ? only : undefined;
}

/**
 * A paragraph holding only `![alt](./diagrams/x.svg "caption")` becomes an inline,
 * themeable `<Diagram>`: no diagram library is shipped, and the alt text is its
 * text alternative. Runs before Docusaurus turns images into `require()` calls.
 */
export default function remarkDiagrams() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      const image = isDiagramImage(node);
      if (!image || parent === undefined || index === undefined) return undefined;
      const fail = (message: string) => failAt(file, [issueAt(image, message)]);
      if (!image.alt?.trim()) fail(`Diagram ${image.url} needs alt text that describes it`);
      const svgPath = path.resolve(path.dirname(file.path), image.url);
      let svg: string;
      try {
        svg = readPageDependency(file, svgPath);
      } catch {
        return fail(`Diagram file not found: ${image.url}`);
      }
      const markup = svg.replace(/<\?xml[^>]*>\s*/, '').trim();
      if (!markup.startsWith('<svg')) fail(`Diagram ${image.url} must start with <svg>`);
      // Inlined into the page: only the allow-listed elements and attributes (src/node/diagramSvg.ts).
      const sanitized = sanitizeDiagramSvg(markup);
      if (!sanitized.ok) return fail(`Diagram ${image.url} contains ${sanitized.problems.join('; ')}`);
      parent.children[index] = jsxElement('Diagram', {
        alt: image.alt ?? '',
        caption: image.title ?? undefined,
        svg: sanitized.svg,
      }) as unknown as Paragraph;
      return SKIP;
    });
  };
}
