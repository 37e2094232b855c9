import {lineColumnAt} from '../examples/problem';
import {extractProse} from './extract';
import {repeatedWords} from './repeated';
import {misspellings} from './spell';

export interface ProseProblem {
  line: number;
  column: number;
  message: string;
  check: 'spelling' | 'repeated-word' | 'parse';
}

/** Checks the prose of one page: spelling (cspell) and repeated words. */
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
  for (const m of await misspellings(file, page.masked)) {
    const guess = m.suggestions.length ? ` Did you mean ${m.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    problems.push({
      ...lineColumnAt(source, m.offset),
      message: `Unknown word "${m.word}".${guess} If it is right, add it to project-words.txt (CONTRIBUTING.md#spelling)`,
      check: 'spelling',
    });
  }
  for (const r of repeatedWords(page.runs)) {
    problems.push({...lineColumnAt(source, r.offset), message: `Repeated word "${r.word}"`, check: 'repeated-word'});
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
