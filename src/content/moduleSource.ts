import {readFileSync} from 'node:fs';
import path from 'node:path';

/** Where the curriculum outline (the user's seed) and our change record live, relative to the repo. */
export const OUTLINE_FILE = path.resolve(__dirname, '../../../shared/seed/000_a57dcf9a9ac5f820.txt');
export const CHANGES_FILE = path.resolve(__dirname, '../data/outline-changes.json');

/** One resource that differs from the outline, keyed by the outline's URL. */
export interface OutlineChange {
  url: string;
  newUrl: string;
  newTitle?: string;
  newDescription?: string;
  kind: 'moved' | 'dead' | 'mismatched' | 'outdated';
  reason: string;
}

export function readOutlineChanges(file = CHANGES_FILE): OutlineChange[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as {changes: OutlineChange[]}).changes;
}

/** The resource our pages should show for an outline resource: the outline's, or its recorded replacement. */
export function expectedResource(
  outline: {title: string; url: string; description: string},
  changes: readonly OutlineChange[],
): {title: string; url: string; description: string} {
  const change = changes.find((c) => c.url === outline.url);
  return {
    title: change?.newTitle ?? outline.title,
    url: change?.newUrl ?? outline.url,
    description: change?.newDescription ?? outline.description,
  };
}
