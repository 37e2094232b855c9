import path from 'node:path';
import type {ParseFrontMatter} from '@docusaurus/types';
import {checkFrontMatterSource} from '../content/frontMatter';
import {formatIssue} from '../content/issue';
import {checkPageLimits} from '../content/pageLimits';

/**
 * `markdown.parseFrontMatter`: Docusaurus calls it with the whole source of every Markdown page,
 * first when it loads the docs and again before it compiles each page, so it is the earliest
 * point where the build sees a page. A page the parser would spend minutes on (PAGE_LIMITS) or
 * frontmatter with YAML aliases (an alias bomb expands when Docusaurus serialises frontmatter)
 * stops the build here with `file:line: message`, before anything expensive runs.
 */
export const parseFrontMatter: ParseFrontMatter = async (params) => {
  const issue = checkPageLimits(params.fileContent) ?? checkFrontMatterSource(params.fileContent);
  if (issue) throw new Error(formatIssue(path.relative(process.cwd(), params.filePath), issue));
  return params.defaultParseFrontMatter(params);
};
