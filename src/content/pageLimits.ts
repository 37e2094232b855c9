import type {ContentIssue} from './issue';

/**
 * Bounds on a page's source, checked on the raw text before any Markdown parser sees it.
 * The parser's time grows much faster than the page for some shapes: a list nested a few
 * hundred levels deep, thousands of blockquotes, or thousands of emphasis markers nested in one
 * paragraph each keep it busy for seconds to minutes. The limits sit where real pages never
 * reach (upstream Kubernetes and Docker pages included: an HTML table, a list of 200 links,
 * YAML with aligned comments) and the parser still finishes in about a second. Measured with
 * parseMarkdown on one block of each shape (2 shared cores): a list of 500 links 1.2 s (1,000:
 * 4 s); 1,000 nested `*` 0.7 s (4,000: 9 s); 1,000 `_` 0.2 s (4,000: 10 s); 4,000 `<` of an
 * HTML table 0.5 s; 4,000 nested `[` 0.5 s; a list nested 32 levels 37 ms (128: 0.4 s). A page
 * outside them is rejected at its line instead of being parsed. The lint (scripts/lint), the
 * build (src/node/markdownHooks.ts) and the link checker share this check.
 *
 * The check reads lines and blank-line-separated blocks only, code included: it does not try
 * to tell code from prose, so it cannot be fooled into skipping text the parser will read.
 */
export const PAGE_LIMITS = {
  /** Characters in a page (a link checker test cites a URL with a 200,000-character fragment). */
  maxChars: 250_000,
  /**
   * How deep one line nests: its `>` and list markers, plus one level per two columns of
   * indentation before a marker (indentation before plain text, such as an aligned comment in
   * code, nests nothing).
   */
  maxNesting: 32,
  /** `>` and list markers at line starts in the whole page (the parser slows down with many blockquotes). */
  maxContainerMarkers: 1_000,
  /** Each inline marker in one block of lines without a blank line. */
  maxInlineMarkers: {'*': 500, _: 500, '[': 500, '<': 1_000, '{': 500},
} as const;

type InlineMarker = keyof typeof PAGE_LIMITS.maxInlineMarkers;
const INLINE_MARKERS = Object.keys(PAGE_LIMITS.maxInlineMarkers) as InlineMarker[];
/** One token of a line's container prefix: whitespace, a blockquote marker or a list marker. */
const CONTAINER_TOKEN = /^(?:[ \t]+|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** How deep a line nests, and how many container markers start it. */
function measurePrefix(line: string): {nesting: number; markers: number} {
  let rest = line;
  let markers = 0;
  let columns = 0;
  let pendingColumns = 0;
  let afterMarker = false;
  for (let match = CONTAINER_TOKEN.exec(rest); match; match = CONTAINER_TOKEN.exec(rest)) {
    const token = match[0];
    const isSpace = token.startsWith(' ') || token.startsWith('\t');
    // The space after a marker belongs to the marker (`- x`, `> x`); other indentation nests
    // only when a marker follows it.
    if (isSpace && !afterMarker) for (const char of token) pendingColumns += char === '\t' ? 4 : 1;
    if (!isSpace) {
      markers += 1;
      columns += pendingColumns;
      pendingColumns = 0;
    }
    afterMarker = !isSpace;
    rest = rest.slice(token.length);
  }
  return {nesting: markers + Math.floor(columns / 2), markers};
}

function countInlineMarkers(block: string, start: number): ContentIssue | undefined {
  for (const marker of INLINE_MARKERS) {
    const count = block.split(marker).length - 1;
    const limit = PAGE_LIMITS.maxInlineMarkers[marker];
    if (count > limit) {
      return {
        line: start,
        column: 1,
        message:
          `Block has ${count} "${marker}" characters; the limit is ${limit} ` +
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
