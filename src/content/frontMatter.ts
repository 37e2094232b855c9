import type {Root} from 'mdast';
import {parse as parseYaml, YAMLParseError} from 'yaml';
import {MAX_STUDY_MINUTES} from './authoring';
import {type ContentIssue, issueAt} from './issue';

export type FrontMatterResult = {ok: true; data: Record<string, unknown>} | {ok: false; issue: ContentIssue};

/** Reads a page's YAML frontmatter; a YAML error keeps the line it happened on in the file. */
export function readFrontMatter(tree: Root): FrontMatterResult {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {ok: true, data: {}};
  try {
    const data: unknown = parseYaml(node.value);
    if (data === null || data === undefined) return {ok: true, data: {}};
    if (typeof data !== 'object' || Array.isArray(data)) {
      return {ok: false, issue: issueAt(node, 'Frontmatter must be a YAML mapping of keys to values')};
    }
    return {ok: true, data: data as Record<string, unknown>};
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // +1: the YAML starts on the line after the opening `---`.
      const line = (node.position?.start.line ?? 1) + (error.linePos?.[0].line ?? 1);
      // The yaml library counts lines inside the block; our issue carries the file's line instead.
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return {ok: false, issue: {message: `Frontmatter YAML: ${reason}`, line, column: error.linePos?.[0].col ?? 1}};
    }
    throw error;
  }
}

/** Study time of a section, in minutes: a whole number from 1 to MAX_STUDY_MINUTES. */
export function readStudyMinutes(data: Record<string, unknown>): number | undefined {
  const value = data.study_minutes;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_STUDY_MINUTES ? value : undefined;
}
