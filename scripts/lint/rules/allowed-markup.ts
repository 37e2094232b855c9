import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import {findDisallowedMarkup} from '../../../src/content/markupAllowList';
import {pointOf, ruleMeta} from '../shared';

/**
 * `allowed-markup`: a page may contain Markdown and only the elements, attributes and URLs
 * that src/content/markupAllowList.ts lists; no `{…}` expression except a comment, no
 * `import`/`export`. The build runs the same check (src/remark/allowedMarkup.ts).
 * The preset runs it after message control, so `lint ignore` cannot silence it.
 */
const allowedMarkup = lintRule<Root>(ruleMeta('allowed-markup'), (tree, file) => {
  for (const issue of findDisallowedMarkup(tree)) file.message(issue.message, {place: pointOf(issue)});
});

export default allowedMarkup;
