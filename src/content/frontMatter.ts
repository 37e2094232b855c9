import type {Root} from 'mdast';
import {parseDocument, visit as visitYaml} from 'yaml';
import {MAX_STUDY_MINUTES} from './authoring';
import type {ContentIssue} from './issue';

export type FrontMatterResult = {ok: true; data: Record<string, unknown>} | {ok: false; issue: ContentIssue};

/** The frontmatter block at the start of a page's source: its YAML text and the line that text starts on. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*$/m;

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Parses frontmatter YAML that starts on `firstLine` of the page. Never throws: every problem,
 * also a YAML alias (`*name`, the "billion laughs" expansion) or a limit of the YAML library,
 * comes back as an issue at the page's line. Frontmatter is a flat list of keys, so anchors and
 * aliases have no use in it and are refused outright.
 */
export function readFrontMatterYaml(yaml: string, firstLine: number): FrontMatterResult {
  const at = (offset: number | undefined, message: string): FrontMatterResult => ({
    ok: false,
    issue: {message: `Frontmatter YAML: ${message}`, line: firstLine + lineOfOffset(yaml, offset ?? 0) - 1, column: 1},
  });
  try {
    const document = parseDocument(yaml, {uniqueKeys: true, prettyErrors: true});
    const [error] = document.errors;
    if (error) {
      // The yaml library counts lines inside the block; the issue carries the page's line instead.
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      const line = firstLine + (error.linePos?.[0].line ?? 1) - 1;
      return {ok: false, issue: {message: `Frontmatter YAML: ${reason}`, line, column: error.linePos?.[0].col ?? 1}};
    }
    let alias: number | undefined;
    visitYaml(document, {
      Alias(_key, node) {
        alias = node.range?.[0] ?? 0;
        return visitYaml.BREAK;
      },
    });
    if (alias !== undefined) return at(alias, 'aliases (`*name`) are not allowed. Write each value out');
    const data: unknown = document.toJS({maxAliasCount: 0});
    if (data === null || data === undefined) return {ok: true, data: {}};
    if (typeof data !== 'object' || Array.isArray(data)) {
      // The issue is the whole block: point at its opening `---`.
      return {ok: false, issue: {message: 'Frontmatter must be a YAML mapping of keys to values', line: firstLine - 1, column: 1}};
    }
    return {ok: true, data: data as Record<string, unknown>};
  } catch (error) {
    return at(0, `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads a page's YAML frontmatter from its parsed tree; a YAML error keeps the line it happened on in the file. */
export function readFrontMatter(tree: Root): FrontMatterResult {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {ok: true, data: {}};
  // +1: the YAML starts on the line after the opening `---`.
  return readFrontMatterYaml(node.value, (node.position?.start.line ?? 1) + 1);
}

/**
 * Docusaurus reads frontmatter with gray-matter, which takes a word after the opening `---` as
 * the block's language: `--- js` / `---javascript` (any case) is evaluated with `eval()` while the
 * site builds, `--- json` goes to JSON.parse, and an unknown word names an engine. So the
 * opening line must be a plain `---`: a page whose first line (after a byte-order mark, which
 * gray-matter strips too) is `---` followed by anything but whitespace is refused at line 1.
 * `----` (four or more dashes) is no frontmatter to gray-matter, so it is left alone.
 */
export function checkFrontMatterLanguage(source: string): ContentIssue | undefined {
  const firstLine = /^\uFEFF?---([^\r\n]*)/.exec(source);
  const language = firstLine?.[1]?.trim();
  if (!language || firstLine?.[1]?.startsWith('-')) return undefined;
  return {
    message:
      `Frontmatter opens with "---${firstLine?.[1] ?? ''}": the word after \`---\` names a language other than YAML ` +
      '(JavaScript frontmatter would run as code while the site builds). Open the frontmatter with a plain `---` line and write YAML',
    line: 1,
    column: 1,
  };
}

/** Checks the frontmatter of a page's raw source, before anything else parses it: its language first, then its YAML. */
export function checkFrontMatterSource(source: string): ContentIssue | undefined {
  const language = checkFrontMatterLanguage(source);
  if (language) return language;
  const match = FRONT_MATTER.exec(source);
  if (!match || match.index !== 0) return undefined;
  const result = readFrontMatterYaml(match[1] ?? '', 2);
  return result.ok ? undefined : result.issue;
}

/** Study time of a section, in minutes: a whole number from 1 to MAX_STUDY_MINUTES. */
export function readStudyMinutes(data: Record<string, unknown>): number | undefined {
  const value = data.study_minutes;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_STUDY_MINUTES ? value : undefined;
}
