import type {ContentIssue} from './issue';

/**
 * Bounds on a page's source, checked on the raw text before any Markdown parser sees it.
 * The parser's time grows much faster than the page for some shapes: a list nested a few
 * hundred levels deep, thousands of blockquotes, or hundreds of emphasis markers nested in one
 * paragraph each keep it busy for minutes. Every page, code blocks included, stays far inside
 * these limits (largest page about 13,000 characters; deepest line 8; at most 63 container
 * markers in a page and 16 of one inline marker in a block), so a page outside them is
 * rejected at its line instead of being parsed. The lint (scripts/lint) and the build
 * (src/node/markdownHooks.ts) share this check.
 *
 * The check reads lines and blank-line-separated blocks only, code included: it does not try
 * to tell code from prose, so it cannot be fooled into skipping text the parser will read.
 */
export const PAGE_LIMITS = {
  /** Characters in a page (a link checker test cites a URL with a 200,000-character fragment). */
  maxChars: 250_000,
  /** How deep one line nests: its `>` and list markers, plus one level per two columns of indentation before them. */
  maxNesting: 16,
  /** `>` and list markers at line starts in the whole page (the parser slows down with many blockquotes). */
  maxContainerMarkers: 1_000,
  /** Each of `*`, `_`, `[`, `<` and `{` in one block of lines without a blank line. */
  maxInlineMarkers: 64,
} as const;

const INLINE_MARKERS = ['*', '_', '[', '<', '{'] as const;
/** One token of a line's container prefix: whitespace, a blockquote marker or a list marker. */
const CONTAINER_TOKEN = /^(?:[ \t]+|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** How deep a line nests, and how many container markers start it. */
function measurePrefix(line: string): {nesting: number; markers: number} {
  let rest = line;
  let markers = 0;
  let columns = 0;
  let afterMarker = false;
  for (let match = CONTAINER_TOKEN.exec(rest); match; match = CONTAINER_TOKEN.exec(rest)) {
    const token = match[0];
    const isSpace = token.startsWith(' ') || token.startsWith('\t');
    // The space after a marker belongs to the marker (`- x`, `> x`); other indentation nests.
    if (isSpace && !afterMarker) for (const char of token) columns += char === '\t' ? 4 : 1;
    if (!isSpace) markers += 1;
    afterMarker = !isSpace;
    rest = rest.slice(token.length);
  }
  return {nesting: markers + Math.floor(columns / 2), markers};
}

function countInlineMarkers(block: string, start: number): ContentIssue | undefined {
  for (const marker of INLINE_MARKERS) {
    const count = block.split(marker).length - 1;
    if (count > PAGE_LIMITS.maxInlineMarkers) {
      return {
        line: start,
        column: 1,
        message:
          `Block has ${count} "${marker}" characters; the limit is ${PAGE_LIMITS.maxInlineMarkers} ` +
          'between two blank lines. Split it with a blank line',
      };
    }
  }
  return undefined;
}

/** The first way a page's source exceeds PAGE_LIMITS, or undefined. Linear in the page's length. */
export function checkPageLimits(source: string): ContentIssue | undefined {
  if (source.length > PAGE_LIMITS.maxChars) {
    return {
      line: 1,
      column: 1,
      message: `Page is ${source.length} characters long; the limit is ${PAGE_LIMITS.maxChars}. Split it into smaller pages`,
    };
  }
  const lines = source.split(/\r\n?|\n/);
  let markersInPage = 0;
  let block: {start: number; text: string} | undefined;
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    const {nesting, markers} = measurePrefix(line);
    if (nesting > PAGE_LIMITS.maxNesting) {
      return {
        line: lineNumber,
        column: 1,
        message: `Line nests ${nesting} levels deep (blockquotes, lists and indentation); the limit is ${PAGE_LIMITS.maxNesting}`,
      };
    }
    markersInPage += markers;
    if (markersInPage > PAGE_LIMITS.maxContainerMarkers) {
      return {
        line: lineNumber,
        column: 1,
        message: `Page has more than ${PAGE_LIMITS.maxContainerMarkers} list and blockquote markers. Split it into smaller pages`,
      };
    }
    if (line.trim() === '') {
      const problem = block && countInlineMarkers(block.text, block.start);
      if (problem) return problem;
      block = undefined;
    } else if (block) {
      block.text += `\n${line}`;
    } else {
      block = {start: lineNumber, text: line};
    }
  }
  return block && countInlineMarkers(block.text, block.start);
}

/**
 * Thrown by parseMarkdown for a page it refuses to parse (outside PAGE_LIMITS, or frontmatter in
 * another language than YAML); `line`, `column` and `reason` as a parser's message has them.
 */
export class PageLimitError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(readonly issue: ContentIssue) {
    super(issue.message);
    this.name = 'PageLimitError';
    this.line = issue.line;
    this.column = issue.column;
    this.reason = issue.message;
  }
}
