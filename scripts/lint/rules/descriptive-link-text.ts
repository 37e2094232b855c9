import type {Link, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {isGenericLinkText} from '../../../src/content/authoring';
import {isResourcesHeading} from '../../../src/content/page';
import {ruleMeta} from '../shared';

/**
 * `descriptive-link-text`: a link in the prose says where it goes. Resource lists are
 * checked by `resource-item`, so their links are skipped here.
 */
const descriptiveLinkText = lintRule<Root>(ruleMeta('descriptive-link-text'), (tree, file) => {
  const resourceLinks = new Set<Link>();
  tree.children.forEach((node, index) => {
    const list = tree.children[index + 1];
    if (isResourcesHeading(node) && list?.type === 'list') visit(list, 'link', (link) => void resourceLinks.add(link));
  });

  visit(tree, 'link', (node) => {
    if (resourceLinks.has(node)) return;
    const text = toString(node).trim();
    const hasImage = node.children.some((child) => child.type === 'image');
    if (text === '' && !hasImage) {
      file.message(`Link to "${node.url}" has no text. Write the name of the page it opens between the brackets.`, {
        place: node.position,
      });
    } else if (isGenericLinkText(text)) {
      file.message(
        `Link text "${text}" does not say where it goes. Name the destination instead, ` +
          `e.g. "see [the Docker networking guide](…)".`,
        {place: node.position},
      );
    }
  });
});

export default descriptiveLinkText;
