import {lineColumnAt} from '../examples/problem';
import {extractProse} from './extract';
import {repeatedWords} from './repeated';
import {misspellings} from './spell';
import {toSpellText, wholeWordAt} from './spellText';

export interface ProseProblem {
  line: number;
  column: number;
  message: string;
  check: 'spelling' | 'repeated-word' | 'directive' | 'parse';
}

/** Checks the prose of one page: spelling (cspell, steered only by the project's configuration) and repeated words. */
export async function checkProse(file: string, source: string): Promise<ProseProblem[]> {
  let page;
  try {
    page = extractProse(source);
  } catch (error) {
    const e = error as {line?: number; column?: number; reason?: string; message?: string};
    return [
      {
        line: e.line ?? 1,
        column: e.column ?? 1,
        message: `Cannot parse the page as MDX: ${e.reason ?? e.message}. Run npm run lint:md for details; its prose was not checked`,
        check: 'parse',
      },
    ];
  }
  const problems: ProseProblem[] = [];
  const spell = toSpellText(page.masked);
  for (const d of spell.directives) {
    problems.push({
      ...lineColumnAt(source, d.offset),
      message:
        `"${d.text}" is a cspell directive, which the spelling check does not obey in a page: only cspell.config.yaml ` +
        'and project-words.txt steer it. Remove the directive; add a right word to project-words.txt (CONTRIBUTING.md#spelling)',
      check: 'directive',
    });
  }
  const reported = new Set<number>();
  for (const m of await misspellings(file, spell.text)) {
    const whole = wholeWordAt(spell.text, m.offset, m.word.length);
    // One finding per word, also when cspell reports more than one part of it.
    if (reported.has(whole.offset)) continue;
    reported.add(whole.offset);
    const suggestions = whole.word === m.word ? m.suggestions : [];
    const guess = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    problems.push({
      ...lineColumnAt(source, spell.pageOffset[whole.offset] ?? whole.offset),
      message: `Unknown word "${whole.word}".${guess} If it is right, add it to project-words.txt (CONTRIBUTING.md#spelling)`,
      check: 'spelling',
    });
  }
  for (const r of repeatedWords(page.runs)) {
    problems.push({...lineColumnAt(source, r.offset), message: `Repeated word "${r.word}"`, check: 'repeated-word'});
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
