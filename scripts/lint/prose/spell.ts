import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type * as CspellLib from 'cspell-lib';

/** The cspell configuration: dictionaries and the project word list. */
export const CSPELL_CONFIG = path.resolve(__dirname, '../../../cspell.config.yaml');

export interface Misspelling {
  offset: number;
  word: string;
  suggestions: string[];
}

let cspell: Promise<typeof CspellLib> | undefined;

/** One suggestion per word, in the case the author wrote ("Prometheus" for "Promethues", not also "prometheus"). */
function sameCase(word: string, suggestions: string[]): string[] {
  const capital = /^\p{Lu}/u.test(word);
  const byWord = new Map<string, string>();
  for (const s of suggestions) {
    const key = s.toLowerCase();
    const current = byWord.get(key);
    if (current === undefined || (/^\p{Lu}/u.test(s) === capital && /^\p{Lu}/u.test(current) !== capital))
      byWord.set(key, s);
  }
  return [...byWord.values()].slice(0, 3);
}

/**
 * Spell-checks prose that extractProse has already separated from code, as plain text, with
 * cspell-lib (the engine of the cspell 9 CLI) and our cspell.config.yaml. `file` only names
 * the document; its text is `masked`.
 */
export async function misspellings(file: string, masked: string): Promise<Misspelling[]> {
  // cspell-lib is an ES module only.
  cspell ??= import('cspell-lib');
  const {spellCheckDocument} = await cspell;
  const result = await spellCheckDocument(
    {uri: pathToFileURL(path.resolve(file)).href, text: masked, languageId: 'plaintext', locale: 'en-US'},
    {configFile: CSPELL_CONFIG, noConfigSearch: true, generateSuggestions: true, numSuggestions: 3},
    {},
  );
  const problems = [...(result.errors ?? []), ...(result.configErrors ?? []).map((e) => e.error)];
  if (problems.length > 0) throw new Error(`cspell could not run: ${problems.map((e) => e.message).join('; ')}`);
  // A page cspell decides not to check (an ignorePaths pattern) must not pass silently.
  if (!result.checked) throw new Error(`cspell did not check ${file}: see ignorePaths in cspell.config.yaml`);
  return result.issues.map((issue) => ({
    offset: issue.offset,
    word: issue.text,
    suggestions: sameCase(
      issue.text,
      (issue.suggestionsEx ?? []).map((s) => s.word),
    ),
  }));
}
