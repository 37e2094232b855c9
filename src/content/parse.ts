import type {Root} from 'mdast';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import {checkFrontMatterLanguage} from './frontMatter';
import {PageLimitError, checkPageLimits} from './pageLimits';

/**
 * The one Markdown parser that our lint rules, link extraction and tests share.
 * It reads `.md` as MDX, the way Docusaurus does, so positions match what the build sees.
 */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx);

/**
 * Parses a page. A page outside PAGE_LIMITS, or whose frontmatter names another language than
 * YAML (the build refuses it: src/node/markdownHooks.ts), throws a PageLimitError with its line
 * instead of being parsed.
 */
export function parseMarkdown(source: string): Root {
  const refused = checkFrontMatterLanguage(source) ?? checkPageLimits(source);
  if (refused) throw new PageLimitError(refused);
  return processor.parse(source);
}
