import {readFileSync} from 'node:fs';
import path from 'node:path';

/**
 * The curriculum outline as the user gave it: the source of truth that the content tests hold
 * docs/ to (tests/unit/outline.test.ts, tests/site/build.test.ts). Kept verbatim; every
 * deliberate difference is recorded in CHANGES_FILE.
 */
export const OUTLINE_FILE = path.resolve(__dirname, '../data/curriculum-outline.txt');
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
