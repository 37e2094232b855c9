import type {Processor} from 'unified';
import {checkFrontMatterLanguage} from '../../src/content/frontMatter';
import {checkPageLimits} from '../../src/content/pageLimits';
import {RULE_SOURCE} from './shared';

/**
 * Checks a page's raw source before the Markdown parser reads it, as the build does
 * (src/node/markdownHooks.ts): frontmatter in another language than YAML (`--- js`, which
 * Docusaurus would evaluate; reported as the `frontmatter` rule), and PAGE_LIMITS, so a page
 * the parser would spend minutes on fails at once, at its line. Wraps the parser that
 * remark-parse set.
 */
export default function remarkPageLimits(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remarkPageLimits must come after remark-parse');
  this.parser = (document, file) => {
    const language = checkFrontMatterLanguage(document);
    const issue = language ?? checkPageLimits(document);
    if (issue) {
      file.fail(issue.message, {
        place: {line: issue.line, column: issue.column},
        ruleId: language ? 'frontmatter' : 'page-limits',
        source: RULE_SOURCE,
      });
    }
    return parse(document, file);
  };
}
