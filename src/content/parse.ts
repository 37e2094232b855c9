import type {Root} from 'mdast';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import {PageLimitError, checkPageLimits} from './pageLimits';

/**
 * The one Markdown parser that our lint rules, link extraction and tests share.
 * It reads `.md` as MDX, the way Docusaurus does, so positions match what the build sees.
 */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx);

/** Parses a page; a page outside PAGE_LIMITS throws a PageLimitError (with its line) instead of being parsed. */
export function parseMarkdown(source: string): Root {
  const tooComplex = checkPageLimits(source);
  if (tooComplex) throw new PageLimitError(tooComplex);
  return processor.parse(source);
}
