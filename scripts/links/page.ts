/**
 * What a page says about itself, read from its HTML as it streams in: its `<title>`, its main heading and
 * whether a `#fragment` names a real element. A small tokenizer, not a regular expression over the text:
 * comments, `<script>`/`<style>` and other raw-text elements are skipped, and attributes count only inside
 * a start tag, so `<!-- id="x" -->`, `var s = 'id="x"'` and `<meta name="x">` do not count as anchors.
 *
 * Why our own tokenizer and not htmlparser2 (which streams too), measured on this stack, alternating the two
 * in one process, each fed 16 KiB pieces: on an 8 MiB page with the id at its end, both read about 11-12 MiB/s
 * (htmlparser2 10.1.0: median of 9, 11 MiB/s; ours 12 MiB/s), and both keep memory flat (heap +0.4 MiB at
 * most) on a hostile page whose attribute value never closes. The difference is that page: htmlparser2, like a
 * browser, reads all of it as one attribute value (64 MiB in 1.5 s, every id after it lost), while this scanner
 * gives up on a tag after 64 KiB (18 ms) and reads on. That, and one direct dependency fewer, is why it stays.
 */
import {idsAnswering} from './quirks';

/** Elements whose content is text to the HTML parser, never elements (WHATWG "raw text" and friends). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template']);

/** Longest start tag we wait for across chunks; anything longer is no element of ours (and cannot grow memory). */
const MAX_TAG_CHARS = 64 * 1024;
const MAX_TEXT_CHARS = 300;

const NAMED_ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', hellip: '…', middot: '·', raquo: '»', laquo: '«', bull: '•'};

/** Decode the character references that matter in titles and ids (numeric ones, and the common named ones). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));?/g, (m, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? m;
  });
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The attributes of a start tag: names lower-cased (HTML attribute names are case-insensitive), values decoded. */
export function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')); // the first wins, as in browsers
  }
  return out;
}

/** Index of the `>` that ends the tag starting at `from` (quotes respected), or -1 if it has not arrived yet. */
function endOfTag(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // a quote only opens a value right after `=` (with optional spaces); elsewhere it is a stray character
      let j = i - 1;
      while (j > from && /\s/.test(s[j] ?? '')) j--;
      if (s[j] === '=') quote = c;
    } else if (c === '>') return i;
  }
  return -1;
}

export interface PageSignals {
  title: string | null;
  /** The first `<h1>` inside `<main>` (or `role="main"`), else the first `<h1>` of the page. */
  heading: string | null;
}

/**
 * Feed it the decoded HTML in pieces; it keeps only an unfinished tag between pieces, so memory stays small
 * whatever the page's size.
 */
export class PageScanner {
  private buffer = '';
  /** Inside an element whose content is skipped up to `</name`. */
  private rawText: string | null = null;
  private inComment = false;
  private svgDepth = 0;
  private inMain = false;
  private titleText: string | null = null;
  private collectingTitle = false;
  private firstHeading: string | null = null;
  private mainHeading: string | null = null;
  /** Text of the `<h1>` being read, and whether it lies inside main. */
  private h1: {text: string; inMain: boolean} | null = null;
  fragmentFound = false;
  /** The ids that answer the fragment (quirks.ts: GitHub's prefix too). */
  private readonly answering: ReadonlySet<string>;

  constructor(private readonly fragment: string | null) {
    this.answering = new Set(fragment === null ? [] : idsAnswering(fragment));
  }

  get signals(): PageSignals {
    return {title: this.titleText === null ? null : collapse(decodeEntities(this.titleText)), heading: this.mainHeading ?? this.firstHeading};
  }

  /** Everything asked for is known: the fragment (if any) was found, and the title and main heading were read. */
  get complete(): boolean {
    return (this.fragment === null || this.fragmentFound) && this.titleText !== null && !this.collectingTitle && this.mainHeading !== null;
  }

  /** The fragment question alone is settled (found, or there is none). */
  get fragmentSettled(): boolean {
    return this.fragment === null || this.fragmentFound;
  }

  feed(text: string): void {
    this.buffer += text;
    let s = this.buffer;
    let i = 0;
    for (;;) {
      if (this.inComment) {
        const end = s.indexOf('-->', i);
        if (end < 0) {
          i = Math.max(i, s.length - 2);
          break;
        }
        this.inComment = false;
        i = end + 3;
        continue;
      }
      if (this.rawText !== null) {
        const close = new RegExp(`</${this.rawText}(?=[\\s/>])`, 'ig');
        close.lastIndex = i;
        const m = close.exec(s);
        if (!m) {
          i = Math.max(i, s.length - this.rawText.length - 3);
          break;
        }
        this.rawText = null;
        i = m.index; // the end tag itself is read below
        continue;
      }
      const lt = s.indexOf('<', i);
      this.text(s.slice(i, lt < 0 ? s.length : lt));
      if (lt < 0) {
        i = s.length;
        break;
      }
      i = lt;
      if (s.length - i < 4) break; // not enough to tell what this is yet
      if (s.startsWith('<!--', i)) {
        this.inComment = true;
        i += 4;
        continue;
      }
      const next = s[i + 1] ?? '';
      const isEnd = next === '/';
      const isTag = /[a-zA-Z]/.test(isEnd ? (s[i + 2] ?? '') : next);
      if (!isTag && next !== '!' && next !== '?') {
        this.text('<');
        i++;
        continue;
      }
      const end = endOfTag(s, i + 1);
      if (end < 0) {
        if (s.length - i > MAX_TAG_CHARS) {
          this.text('<');
          i++;
          continue;
        }
        break; // wait for the rest of the tag
      }
      const body = s.slice(i + 1, end);
      i = end + 1;
      if (!isTag) continue; // <!DOCTYPE …>, <?xml …?>, <![CDATA[…]]>
      if (isEnd) this.endTag(/^\/([^\s/>]+)/.exec(body)?.[1]?.toLowerCase() ?? '');
      else {
        const name = /^([^\s/>]+)/.exec(body)?.[1] ?? '';
        this.startTag(name.toLowerCase(), body.slice(name.length), body.endsWith('/'));
      }
    }
    this.buffer = s.slice(i);
    s = '';
  }

  private text(t: string): void {
    if (t === '') return;
    // Raw text, decoded when read: a character reference may be split between two pieces.
    if (this.collectingTitle && this.titleText !== null && this.titleText.length < MAX_TEXT_CHARS) this.titleText += t;
    if (this.h1 && this.h1.text.length < MAX_TEXT_CHARS) this.h1.text += t;
  }

  private startTag(name: string, attributeText: string, selfClosing: boolean): void {
    const attributes = parseAttributes(attributeText);
    if (this.fragment !== null && !this.fragmentFound) {
      const id = attributes.get('id');
      // `name` names an anchor only on <a> (as in old Javadoc's <A NAME="…">); <meta name>, <input name> do not.
      const anchor = name === 'a' ? attributes.get('name') : undefined;
      for (const value of [id, anchor]) {
        if (value !== undefined && this.answering.has(value)) this.fragmentFound = true;
      }
    }
    if (name === 'svg' && !selfClosing) this.svgDepth++;
    if (name === 'main' || attributes.get('role') === 'main') this.inMain = true;
    if (this.svgDepth > 0) return; // <title> inside an SVG is the drawing's, not the page's
    if (name === 'title' && this.titleText === null) {
      this.titleText = '';
      this.collectingTitle = true;
      return;
    }
    if (name === 'h1' && !selfClosing && this.h1 === null && this.mainHeading === null) {
      this.h1 = {text: '', inMain: this.inMain};
      return;
    }
    if (RAW_TEXT.has(name) && !selfClosing) this.rawText = name;
  }

  private endTag(name: string): void {
    if (name === 'svg' && this.svgDepth > 0) this.svgDepth--;
    else if (name === 'title' && this.collectingTitle) this.collectingTitle = false;
    else if (name === 'main') this.inMain = false;
    else if (name === 'h1' && this.h1) {
      const text = collapse(decodeEntities(this.h1.text));
      if (text !== '') {
        this.firstHeading ??= text;
        if (this.h1.inMain) this.mainHeading = text;
      }
      this.h1 = null;
    }
  }
}
