import type {Root} from 'mdast';
import type {PrismTheme} from 'prism-react-renderer';
import type {VFile} from 'vfile';
import {visit} from 'unist-util-visit';
import {jsxElement} from './mdxJsx';
import {failAt} from './fail';
import {highlightCode, loadLanguages, styledTokenTypes} from './highlight';
import {issueAt, type ContentIssue} from '../content/issue';
import {parseFenceMeta, withoutExamplesDirectives} from '../content/fenceMeta';

export interface CodeBlocksOptions {
  /** prismjs components to add to the bundled Prism languages: `themeConfig.prism.additionalLanguages`. */
  languages?: readonly string[];
  /**
   * The themes the code CSS is generated from (`themeConfig.prism.theme` and `darkTheme`): a
   * token that looks like plain text in all of them is written without a span.
   */
  themes?: readonly PrismTheme[];
}

/**
 * Highlights fenced code at build time: each fence becomes `<CodeBlock language html>` with
 * Prism's token spans already in `html`, so the browser gets no Prism and hydrates one element
 * per block. A fence without a language is plain text; an unknown language stops the build.
 * Fence options are only those `npm run lint:examples` reads (src/content/fenceMeta.ts): they
 * steer the check, not the rendering, so anything else would be silently dropped and stops the build.
 */
export default function remarkCodeBlocks(options: CodeBlocksOptions = {}) {
  loadLanguages(options.languages ?? []);
  const styled = options.themes && styledTokenTypes(options.themes);
  return (tree: Root, file: VFile) => {
    const issues: ContentIssue[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const language = node.lang ?? undefined;
      const html = highlightCode(withoutExamplesDirectives(node.value), language, styled);
      const meta = parseFenceMeta(node.meta);
      if (!meta.ok) {
        issues.push(issueAt(node, meta.error));
      } else if (html === undefined) {
        issues.push(
          issueAt(
            node,
            `Unknown code language "${language}": use a language Prism knows, or add its prismjs component to prism.additionalLanguages in docusaurus.config.ts`,
          ),
        );
      } else {
        parent.children[index] = jsxElement('CodeBlock', {language, html});
      }
    });
    if (issues.length > 0) failAt(file, issues);
  };
}
