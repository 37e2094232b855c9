import path from 'node:path';
import type {VFile} from 'vfile';
import {type ContentIssue, formatIssue} from '../content/issue';

/**
 * Stops the build at an author's mistake. The location is part of the message because
 * Docusaurus prints only the message ("Cause: …") under the file name.
 */
export function failAt(file: VFile, issues: readonly ContentIssue[]): never {
  const relative = path.relative(process.cwd(), file.path);
  const [first] = issues;
  return file.fail(issues.map((issue) => formatIssue(relative, issue)).join('\n'), {
    line: first?.line ?? 1,
    column: first?.column ?? 1,
  });
}
