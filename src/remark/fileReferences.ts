import {realpathSync} from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {findFileReferenceIssues} from '../content/fileReferences';
import {failAt} from './fail';

export interface FileReferencesOptions {
  /** The repository root, whose docs/ and static/ a page may reference. */
  siteDir: string;
}

/**
 * Fails the build at the first image or link that leads to a file outside docs/ and static/
 * (src/content/fileReferences.ts), before Docusaurus or the diagram plugin reads the file.
 */
export default function remarkFileReferences(options: FileReferencesOptions) {
  return (tree: Root, file: VFile) => {
    const page = path.resolve(file.cwd, file.path);
    const issues = findFileReferenceIssues(tree, {page, repository: options.siteDir, realPath: realpathSync});
    if (issues.length > 0) failAt(file, issues);
  };
}
