import path from 'node:path';
import type {ParseFrontMatter} from '@docusaurus/types';
import {checkFrontMatterLanguage, checkFrontMatterSource} from '../content/frontMatter';
import {formatIssue} from '../content/issue';
import {checkPageLimits} from '../content/pageLimits';

/**
 * `markdown.parseFrontMatter`: Docusaurus calls it with the whole source of every Markdown page,
 * first when it loads the docs and again before it compiles each page, so it is the earliest
 * point where the build sees a page, and the only way into Docusaurus's frontmatter parser
 * (gray-matter): the docs, pages and MDX loaders all call this hook. Frontmatter in another
 * language than YAML (`--- js` is evaluated by gray-matter), a page the parser would spend
 * minutes on (PAGE_LIMITS) or frontmatter with YAML aliases (an alias bomb expands when
 * Docusaurus serialises frontmatter) stops the build here with `file:line: message`, before
 * gray-matter or anything expensive runs.
 */
export const parseFrontMatter: ParseFrontMatter = async (params) => {
  const issue =
    checkFrontMatterLanguage(params.fileContent) ??
    checkPageLimits(params.fileContent) ??
    checkFrontMatterSource(params.fileContent);
  if (issue) throw new Error(formatIssue(path.relative(process.cwd(), params.filePath), issue));
  return params.defaultParseFrontMatter(params);
};
