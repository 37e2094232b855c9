import type {Nodes, Root} from 'mdast';
import {parseMarkdown} from '../../../src/content/parse';

/** A run of prose: the source text of one text node, and where it starts in the page. */
export interface ProseRun {
  offset: number;
  text: string;
}

export interface ProsePage {
  /** The page with everything but prose blanked out (newlines kept), so offsets and lines are the page's own. */
  masked: string;
  runs: ProseRun[];
}

/** Nodes whose text is not prose: code, front matter, raw HTML, MDX expressions and ESM. */
const NOT_PROSE = new Set([
  'code',
  'inlineCode',
  'yaml',
  'toml',
  'html',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxjsEsm',
]);

/**
 * The prose of a page: text nodes (paragraphs, headings, lists, tables, link text, text inside
 * JSX elements) and image alt text. Not code, URLs (a link's URL is no text node; a bare URL's
 * text is skipped), front matter or JSX attributes. Throws the parser's error if the page is not valid MDX.
 */
export function extractProse(source: string): ProsePage {
  const tree: Root = parseMarkdown(source);
  const runs: ProseRun[] = [];
  const visit = (node: Nodes, inBareLink: boolean) => {
    if (NOT_PROSE.has(node.type)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' && !inBareLink && start !== undefined && end !== undefined) {
      runs.push({offset: start, text: source.slice(start, end)});
      return;
    }
    if (node.type === 'image' && node.alt && start !== undefined) {
      const at = source.indexOf(node.alt, start);
      if (at !== -1 && at < (end ?? source.length)) runs.push({offset: at, text: node.alt});
      return;
    }
    if ('children' in node) {
      // A GFM autolink literal (https://… in running text) is a link whose text is its own URL.
      const bare =
        node.type === 'link' &&
        node.children.length === 1 &&
        node.children[0]!.type === 'text' &&
        (node.children[0].value === node.url || `mailto:${node.children[0].value}` === node.url);
      for (const child of node.children) visit(child as Nodes, inBareLink || bare);
    }
  };
  visit(tree, false);
  const chars = source.replace(/[^\n]/g, ' ').split('');
  for (const run of runs) for (let i = 0; i < run.text.length; i++) chars[run.offset + i] = run.text[i]!;
  return {masked: chars.join(''), runs};
}
