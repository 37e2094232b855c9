import {realpathSync} from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import {findFileReferenceIssues} from '../../../src/content/fileReferences';
import {ROOT} from '../pageFiles';
import {pointOf, ruleMeta} from '../shared';

/**
 * `file-references`: every local image and link leads into the repository's docs/ or static/,
 * also after following symbolic links (src/content/fileReferences.ts). The build runs the same
 * check (src/remark/fileReferences.ts); the preset runs it after message control, so `lint ignore`
 * cannot silence it.
 */
const fileReferences = lintRule<Root>(ruleMeta('file-references'), (tree, file) => {
  const page = path.resolve(file.cwd, file.path);
  for (const issue of findFileReferenceIssues(tree, {page, repository: ROOT, realPath: realpathSync}))
    file.message(issue.message, {place: pointOf(issue)});
});

export default fileReferences;
