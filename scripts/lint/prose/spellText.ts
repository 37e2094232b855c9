import {toString} from 'mdast-util-to-string';
import {parseMarkdown} from '../../../src/content/parse';

/**
 * A page's prose as cspell is given it, and the way back to the page. cspell-lib obeys
 * directives written in the text it checks (`cspell:disable` turns spelling off for the rest of
 * the page, `cspell:ignoreRegExp /(x+x+)+y/` makes it run a backtracking pattern), and it has no
 * setting to ignore them. Only cspell.config.yaml and project-words.txt may steer the gate, so
 * every directive prefix is blanked before cspell sees the text, and reported at its line.
 * Character references (`&amp;`, `&nbsp;`, `&#8217;`) are decoded first, as the Markdown parser
 * decodes them for the reader, so `don&rsquo;t` is one word and `cspell&#58;disable` is caught too.
 */
export interface SpellText {
  /** What cspell checks. */
  text: string;
  /** For each character of `text`, its offset in the page. */
  pageOffset: number[];
  /** Each in-page cspell directive: its offset in the page and the prefix as written (decoded). */
  directives: {offset: number; text: string}[];
}

const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;
/** cspell-lib's in-document directive prefixes (its InDocSettings: `cspell:`, `spell-checker:`, `LocalWords:`). */
const DIRECTIVE_PREFIX = /\b(?:spell-?checker|c?spell)::?|\bLocalWords:?/gi;

const decoded = new Map<string, string>();
/** A character reference as MDX reads it (an unknown name stays as written), by the same parser. */
function decode(reference: string): string {
  let text = decoded.get(reference);
  if (text === undefined) {
    text = toString(parseMarkdown(reference));
    decoded.set(reference, text);
  }
  return text;
}

export function toSpellText(masked: string): SpellText {
  const chars: string[] = [];
  const pageOffset: number[] = [];
  let from = 0;
  const copy = (end: number) => {
    for (; from < end; from++) {
      chars.push(masked[from]!);
      pageOffset.push(from);
    }
  };
  for (const match of masked.matchAll(CHARACTER_REFERENCE)) {
    copy(match.index);
    for (const char of decode(match[0])) {
      chars.push(char);
      pageOffset.push(match.index);
    }
    from = match.index + match[0].length;
  }
  copy(masked.length);
  const decodedText = chars.join('');
  const directives: SpellText['directives'] = [];
  const text = decodedText.replace(DIRECTIVE_PREFIX, (prefix: string, at: number) => {
    directives.push({offset: pageOffset[at]!, text: prefix});
    return ' '.repeat(prefix.length);
  });
  return {text, pageOffset, directives};
}

const LETTER = /[\p{L}\p{M}]/u;

/**
 * The whole word around a span cspell reported. cspell splits a word at a case change and
 * reports the part it does not know ("Paa" of "PaaS"), but the word to add to
 * project-words.txt, or to fix, is the one the author wrote.
 */
export function wholeWordAt(text: string, offset: number, length: number): {offset: number; word: string} {
  let start = offset;
  let end = offset + length;
  while (start > 0 && LETTER.test(text[start - 1]!)) start--;
  while (end < text.length && LETTER.test(text[end]!)) end++;
  return {offset: start, word: text.slice(start, end)};
}
