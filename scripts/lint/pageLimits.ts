import type {Processor} from 'unified';
import {checkPageLimits} from '../../src/content/pageLimits';
import {RULE_SOURCE} from './shared';

/**
 * Checks a page against PAGE_LIMITS before the Markdown parser reads it, so a page the parser
 * would spend minutes on fails at once, at its line. Wraps the parser that remark-parse set.
 */
export default function remarkPageLimits(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remarkPageLimits must come after remark-parse');
  this.parser = (document, file) => {
    const issue = checkPageLimits(document);
    if (issue) {
      file.fail(issue.message, {
        place: {line: issue.line, column: issue.column},
        ruleId: 'page-limits',
        source: RULE_SOURCE,
      });
    }
    return parse(document, file);
  };
}
