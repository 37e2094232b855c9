import {createRequire} from 'node:module';
import {Prism, type PrismTheme} from 'prism-react-renderer';
import {parseColor} from '../node/prismContrast';

type LoadLanguages = (languages: string[]) => void;

const load = createRequire(__filename);

/**
 * Adds prismjs language components (and the components they depend on) to the Prism of
 * prism-react-renderer, which bundles only about 20 languages. The components register
 * themselves on `globalThis.Prism`, so that is our instance for the time of the load.
 * Loading is idempotent: a language Prism already knows is skipped.
 */
export function loadLanguages(languages: readonly string[]): void {
  const missing = languages.filter((language) => !isKnownLanguage(language));
  if (missing.length === 0) return;
  const global = globalThis as {Prism?: unknown};
  const before = global.Prism;
  global.Prism = Prism;
  try {
    const loadPrismLanguages = load('prismjs/components/index.js') as LoadLanguages & {silent: boolean};
    loadPrismLanguages.silent = true;
    loadPrismLanguages([...missing]);
  } finally {
    if (before === undefined) delete global.Prism;
    else global.Prism = before;
  }
  const unknown = missing.filter((language) => !isKnownLanguage(language));
  if (unknown.length > 0) throw new Error(`Prism has no language component for: ${unknown.join(', ')}`);
}

/** Prism.languages also holds its helper functions (extend, insertBefore, DFS): grammars are objects. */
export function isKnownLanguage(language: string): boolean {
  return Object.hasOwn(Prism.languages, language) && typeof Prism.languages[language] === 'object';
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type TokenStream = string | Prism.Token | (string | Prism.Token)[];

/**
 * Token types that some theme shows unlike plain text: a theme entry naming the type sets more
 * than a colour, or a colour other than the theme's plain one. In the site's themes, Prism's most
 * frequent token, `punctuation`, is not one of them.
 */
export function styledTokenTypes(themes: readonly PrismTheme[]): Set<string> {
  const styled = new Set<string>();
  for (const theme of themes) {
    for (const entry of theme.styles) {
      const {color, ...rest} = entry.style as Record<string, unknown>;
      const looksPlain = Object.keys(rest).length === 0 && (color === undefined || sameColor(String(color), theme.plain.color));
      if (!looksPlain) for (const type of entry.types) styled.add(type);
    }
  }
  return styled;
}

/** `#F8F8F2` and `rgb(248, 248, 242)` are the same colour; anything with transparency, or unparsed, only matches itself. */
function sameColor(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  const opaque = (color: string) => (/rgba|hsla|\/|transparent/i.test(color) ? null : parseColor(color));
  const [ra, rb] = [opaque(a), opaque(b)];
  if (ra === null || rb === null) return a.trim().toLowerCase() === b.trim().toLowerCase();
  return ra.every((value, i) => value === rb[i]);
}

/**
 * Prism's HTML for the tokens, except that a token outside every other token, none of whose
 * types is styled, is plain text without a span: it would look the same, and every span is a
 * DOM element the reader's browser parses, styles and lays out. Inside a span Prism's markup is
 * kept as it is, since a bare token there would take its parent's colour instead of its own.
 */
function tokensToHtml(stream: TokenStream, isStyled: (type: string) => boolean, insideSpan: boolean): string {
  if (typeof stream === 'string') return stream; // encoded by Prism.util.encode, as Prism.highlight does
  if (Array.isArray(stream)) return stream.map((token) => tokensToHtml(token, isStyled, insideSpan)).join('');
  const aliases = stream.alias === undefined ? [] : Array.isArray(stream.alias) ? stream.alias : [stream.alias];
  const types = [stream.type, ...aliases];
  if (!insideSpan && !types.some(isStyled)) return tokensToHtml(stream.content, isStyled, false);
  return `<span class="${['token', ...types].join(' ')}">${tokensToHtml(stream.content, isStyled, true)}</span>`;
}

/**
 * The code as HTML: Prism token spans (`<span class="token keyword">`) for a language, escaped
 * text without one. Undefined when Prism does not know the language. Given the types that the
 * themes style (`styledTokenTypes`), tokens that would look like plain text get no span; without
 * them every token gets one, as Prism renders it.
 */
export function highlightCode(code: string, language: string | undefined, styled?: ReadonlySet<string>): string | undefined {
  if (language === undefined) return escapeHtml(code);
  if (!isKnownLanguage(language)) return undefined;
  const grammar = Prism.languages[language]!;
  const env: {code: string; grammar: typeof grammar; language: string; tokens?: TokenStream} = {code, grammar, language};
  Prism.hooks.run('before-tokenize', env);
  env.tokens = Prism.tokenize(env.code, env.grammar);
  Prism.hooks.run('after-tokenize', env);
  return tokensToHtml(
    Prism.util.encode(env.tokens) as TokenStream, styled === undefined ? () => true : (type) => styled.has(type), false);
}
