import {createRequire} from 'node:module';
import {Prism} from 'prism-react-renderer';

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

/**
 * The code as HTML: Prism token spans (`<span class="token keyword">`) for a language, escaped
 * text without one. Undefined when Prism does not know the language.
 */
export function highlightCode(code: string, language: string | undefined): string | undefined {
  if (language === undefined) return escapeHtml(code);
  if (!isKnownLanguage(language)) return undefined;
  return Prism.highlight(code, Prism.languages[language]!, language);
}
