import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {findDisallowedMarkup} from '../content/markupAllowList';
import {failAt} from './fail';

/**
 * Fails the build at the first markup a page may not contain (src/content/markupAllowList.ts):
 * the lint's `allowed-markup` check, enforced where no `lint ignore` comment reaches.
 * Runs first, so it sees only what the author wrote, before other plugins add components.
 */
export default function remarkAllowedMarkup() {
  return (tree: Root, file: VFile) => {
    const issues = findDisallowedMarkup(tree);
    if (issues.length > 0) failAt(file, issues);
  };
}
