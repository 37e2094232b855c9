import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {ruleMeta} from '../shared';

const hashes = (depth: number) => '#'.repeat(depth);

/**
 * `heading-increment`: the page title comes from frontmatter, so the body has no `#` heading;
 * it starts at `##` and each heading goes at most one level deeper than the one before.
 */
const headingIncrement = lintRule<Root>(ruleMeta('heading-increment'), (tree, file) => {
  let previous = 1;
  visit(tree, 'heading', (node) => {
    if (node.depth === 1) {
      file.message(
        'Do not use a `#` heading in the page: Docusaurus shows the frontmatter `title` as the page title. ' +
          'Change this heading to `##`, or move it into `title:`.',
        {place: node.position},
      );
    } else if (node.depth > previous + 1) {
      file.message(
        `Heading level skips from ${hashes(previous)} to ${hashes(node.depth)}. ` +
          `Use \`${hashes(previous + 1)}\` here, so the table of contents and screen readers keep the outline.`,
        {place: node.position},
      );
    }
    previous = node.depth;
  });
});

export default headingIncrement;
