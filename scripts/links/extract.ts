import {readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {Definition, Image, ImageReference, Link, LinkReference, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {parseMarkdown} from '../../src/content/parse';
import type {Citation} from './types';

/** A source file that does not parse: reported as file:line:column, never as a stack trace. */
export class ExtractError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

export class PathError extends Error {}

const EXTERNAL = /^https?:\/\//i;
const MARKDOWN = /\.mdx?$/i;

export function isExternal(url: string): boolean {
  return EXTERNAL.test(url);
}

/** Markdown/MDX files under the given paths, as given (folders walked, sorted, dot-folders and node_modules left out). */
export function collectFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(resolve(cwd, dir), {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(resolve(cwd, p));
    } catch {
      throw new PathError(`no such file or folder: ${p}`);
    }
    if (st.isDirectory()) walk(p);
    else if (MARKDOWN.test(p)) out.push(p);
    else throw new PathError(`not a Markdown/MDX file: ${p}`);
  }
  return [...new Set(out)];
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(starts: readonly number[], offset: number): {line: number; column: number} {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return {line: lo + 1, column: offset - (starts[lo] ?? 0) + 1};
}

/** The parts of an MDX JSX element we read (kept local: no import of a transitive package's types). */
interface JsxAttribute {
  type: string;
  name?: string;
  /** A string (`href="…"`), an expression (`href={'…'}`: `{type: 'mdxJsxAttributeValueExpression', value: "'…'"}`), or null. */
  value?: unknown;
  position?: {start: {offset?: number}; end: {offset?: number}};
}
interface Jsx {
  attributes: JsxAttribute[];
}

/** Attributes of MDX elements that cite a resource: `<Card href>`, `<a href>`, `<img src>`, `<video src>`. */
const URL_ATTRIBUTES = new Set(['href', 'src']);

/**
 * The string an attribute expression is, when it is one plain literal: `{'…'}`, `{"…"}` or a template without
 * `${…}`. Anything computed (`{base + '/x'}`) is not a URL we can know, so it is left alone. Escapes are decoded;
 * the URL then no longer appears literally in the source, which --fix notices.
 */
export function literalString(expression: string): string | null {
  const m = /^\s*(['"`])([\s\S]*)\1\s*$/.exec(expression);
  if (!m) return null;
  const [, quote = '', body = ''] = m;
  if (quote === '`' ? body.includes('${') : /[\r\n]/.test(body)) return null;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) return null; // two literals joined, as in {'a' + 'b'}
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    const simple: Record<string, string> = {n: '\n', t: '\t', r: '\r', '0': '\0'};
    out += simple[next] ?? next;
  }
  return out;
}

function attributeUrl(a: JsxAttribute): string | null {
  if (typeof a.value === 'string') return a.value;
  const v = a.value as {type?: string; value?: unknown} | null | undefined;
  if (v?.type === 'mdxJsxAttributeValueExpression' && typeof v.value === 'string') return literalString(v.value);
  return null;
}

/** Every absolute http(s) URL in one Markdown/MDX source, with 1-based line/column of the URL text. */
export function extractFromSource(source: string, file: string): Citation[] {
  let tree: Root;
  try {
    tree = parseMarkdown(source);
  } catch (e) {
    const m = e as {line?: number; column?: number; reason?: string; message?: string};
    throw new ExtractError(file, m.line ?? 1, m.column ?? 1, m.reason ?? m.message ?? String(e));
  }
  const starts = lineStarts(source);
  const out: Citation[] = [];
  const definitions = new Map<string, string>();

  /** Find the URL text inside [from, to) of the source; fall back to the node start (not fixable). */
  const cite = (url: string, kind: Citation['kind'], nodeStart: number, from: number, to: number): void => {
    const at = source.slice(from, to).indexOf(url);
    const offset = at >= 0 ? from + at : null;
    const pos = positionOf(starts, offset ?? nodeStart);
    out.push({file, url, kind, offset, raw: url, line: pos.line, column: pos.column});
  };

  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'image') {
      const image = node as Image;
      if (!isExternal(image.url)) return;
      // The destination follows `](`, after the alt text (which may itself contain the URL).
      const text = source.slice(start, end);
      const opener = /\]\(\s*<?/g;
      let from = start;
      for (let m = opener.exec(text); m; m = opener.exec(text)) {
        if (text.startsWith(image.url, m.index + m[0].length)) {
          from = start + m.index + m[0].length;
          break;
        }
      }
      cite(image.url, 'image', start, from, end);
    } else if (node.type === 'link') {
      const link = node as Link;
      if (!isExternal(link.url)) return;
      // The destination comes after the link text, which may itself contain the URL.
      const last = link.children.at(-1)?.position?.end.offset;
      cite(link.url, 'link', start, last ?? start, end);
    } else if (node.type === 'definition') {
      const def = node as Definition;
      if (!definitions.has(def.identifier)) definitions.set(def.identifier, def.url);
      if (!isExternal(def.url)) return;
      const colon = source.slice(start, end).indexOf(']:');
      cite(def.url, 'definition', start, colon >= 0 ? start + colon + 2 : start, end);
    } else if ((node.type as string) === 'mdxJsxFlowElement' || (node.type as string) === 'mdxJsxTextElement') {
      for (const a of (node as unknown as Jsx).attributes) {
        if (a.type !== 'mdxJsxAttribute' || a.name === undefined || !URL_ATTRIBUTES.has(a.name)) continue;
        const url = attributeUrl(a);
        if (url === null || !isExternal(url)) continue;
        const aStart = a.position?.start.offset ?? start;
        const aEnd = a.position?.end.offset ?? end;
        cite(url, 'jsx', aStart, aStart + a.name.length, aEnd);
      }
    }
  });

  // References cite their definition's URL: each is a citation too (not rewritten by --fix; the definition is).
  visit(tree, (node) => {
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
    const ref = node as LinkReference | ImageReference;
    const url = definitions.get(ref.identifier);
    const start = ref.position?.start.offset;
    if (url === undefined || start === undefined || !isExternal(url)) return;
    const pos = positionOf(starts, start);
    out.push({file, url, kind: 'reference', offset: null, raw: url, line: pos.line, column: pos.column});
  });

  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
