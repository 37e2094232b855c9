import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import {isGenericLinkText} from '../../../src/content/authoring';
import {isResourcesHeading} from '../../../src/content/page';
import {RESOURCE_FORMAT, readResourceItem} from '../../../src/content/resource';
import {pointOf, ruleMeta} from '../shared';

/**
 * `resource-item`: every item of a topic's "Resources" list is `- [Title](https://…) - Description`,
 * its link text names the destination, and its description starts with a capital letter.
 */
const resourceItem = lintRule<Root>(ruleMeta('resource-item'), (tree, file) => {
  tree.children.forEach((node, index) => {
    const list = tree.children[index + 1];
    if (!isResourcesHeading(node) || list?.type !== 'list') return;
    for (const item of list.children) {
      const result = readResourceItem(item);
      if (!result.ok) {
        file.message(result.issue.message, {place: pointOf(result.issue)});
        continue;
      }
      const {resource} = result;
      const link = item.children[0]?.type === 'paragraph' ? item.children[0].children[0] : undefined;
      if (isGenericLinkText(resource.title)) {
        file.message(
          `Resource link text "${resource.title}" does not say where it goes. Use the page's own name, e.g. ` +
            '`[Docker volumes](https://docs.docker.com/engine/storage/volumes/) - …`.',
          {place: link?.position ?? item.position},
        );
      }
      const first = resource.descriptionNodes[0];
      if (first?.type === 'text' && /^\s*\p{Ll}/u.test(first.value)) {
        const fixed = first.value.trimStart().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
        file.message(
          `Description of resource "${resource.title}" must start with a capital letter: "${fixed.slice(0, 40)}…". ` +
            `A resource is written ${RESOURCE_FORMAT}.`,
          {place: first.position ?? item.position},
        );
      }
    }
  });
});

export default resourceItem;
