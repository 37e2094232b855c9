import path from 'node:path';
import type {Root, RootContent} from 'mdast';
import type {Point} from 'unist';
import type {VFile} from 'vfile';
import type {ContentIssue} from '../../src/content/issue';

/** The `source` of every message from our rules; a message reads `… curriculum:resource-item`. */
export const RULE_SOURCE = 'curriculum';

/** Where each rule is explained, relative to the repository root. */
export const RULES_DOC = 'CONTRIBUTING.md';

export function ruleMeta(id: string) {
  return {origin: `${RULE_SOURCE}:${id}`, url: `${RULES_DOC}#${id}`};
}

/**
 * The kinds of page. The overview is the module's home, `index.md` (or `.mdx`); every other
 * page in the module folder is a section page with topics. A Markdown page under `src/pages/`
 * (the pages plugin's) is a standalone page: no module structure, every safety rule.
 */
export type PageKind = 'overview' | 'section' | 'standalone';

export function pageKind(file: VFile): PageKind {
  const name = file.path || '';
  if (/(^|[\\/])src[\\/]pages[\\/]/.test(name)) return 'standalone';
  return /^index\.mdx?$/i.test(path.basename(name)) ? 'overview' : 'section';
}

export function pointOf(issue: ContentIssue): Point {
  return {line: issue.line, column: issue.column};
}

/** Text of a top-level node for messages, shortened. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Where the page ends: the start of its last block (a point past it would be dropped by message control). */
export function lastLineOf(tree: Root): Point {
  const last: RootContent | undefined = tree.children.at(-1);
  return last?.position?.start ?? {line: 1, column: 1};
}

/** A message's rule as `source:rule-id`, e.g. `curriculum:resource-item` or `remark-validate-links:missing-file`. */
export function ruleName(m: {source?: string | null | undefined; ruleId?: string | null | undefined}): string {
  if (m.source && m.ruleId) return m.source.endsWith(`:${m.ruleId}`) ? m.source : `${m.source}:${m.ruleId}`;
  return m.ruleId ?? m.source ?? 'remark';
}
