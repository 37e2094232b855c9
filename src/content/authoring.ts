/**
 * The authoring limits the team agreed on for module pages, and the words our lint
 * rules look for. The lint rules, the contributor guide and any content test read them
 * from here, so a limit is changed in one place.
 */

/** Resources per topic. */
export const MIN_RESOURCES = 1;
export const MAX_RESOURCES = 5;

/** "What you need to know" points per topic. */
export const MIN_POINTS = 1;
export const MAX_POINTS = 6;

/** The closing self-check of a section page. */
export const SELF_CHECK_HEADING = 'Check your understanding';
export const MIN_SELF_CHECK_QUESTIONS = 3;

/** Frontmatter `study_minutes`: a whole number of minutes, 1 to this. */
export const MAX_STUDY_MINUTES = 600;

/**
 * Link texts that do not say where a link goes. Compared after lower-casing and
 * dropping punctuation, so "Click here!" and "click  here" both match.
 */
export const GENERIC_LINK_TEXTS: readonly string[] = [
  'here',
  'click here',
  'click',
  'link',
  'this link',
  'this',
  'this page',
  'page',
  'docs',
  'the docs',
  'documentation',
  'the documentation',
  'article',
  'this article',
  'video',
  'this video',
  'read more',
  'more',
  'learn more',
  'more info',
  'more information',
  'website',
  'site',
  'source',
  'url',
  'go',
];

export function normaliseLinkText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isGenericLinkText(text: string): boolean {
  return GENERIC_LINK_TEXTS.includes(normaliseLinkText(text));
}

/** Markers of unfinished work that must not reach a published page. Matched as whole, upper-case words. */
export const UNFINISHED_MARKERS: readonly string[] = ['TODO', 'TBD', 'FIXME', 'XXX'];

const UNFINISHED = new RegExp(`\\b(${UNFINISHED_MARKERS.join('|')})\\b`);

/** The first unfinished-work marker in a text, if any, with its offset. */
export function findUnfinishedMarker(text: string): {marker: string; index: number} | undefined {
  const match = UNFINISHED.exec(text);
  return match ? {marker: match[1]!, index: match.index} : undefined;
}

/**
 * A scaffold placeholder: a whole paragraph or frontmatter value that is one upper-case
 * token, such as `INTRODUCTION`, `TOPIC_PROSE` or `DESCRIPTION`.
 */
export function isScaffoldPlaceholder(text: string): boolean {
  const token = text.trim();
  // Acronyms (YAML, CNCF, HTTPS) are short and have no underscore; placeholders are long or snake-cased.
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(token) && (token.includes('_') || token.length >= 7);
}
