import type {ProseRun} from './extract';

export interface RepeatedWord {
  offset: number;
  word: string;
}

const REPEATED = /\b([A-Za-z][A-Za-z'’-]*)\s+\1\b/gi;

/** "the the": the same word twice in a row within one run of prose (case-insensitive). */
export function repeatedWords(runs: ProseRun[]): RepeatedWord[] {
  const found: RepeatedWord[] = [];
  for (const run of runs) {
    for (const match of run.text.matchAll(REPEATED)) {
      const second = match.index + match[0].length - match[1]!.length;
      found.push({offset: run.offset + second, word: match[1]!});
    }
  }
  return found;
}
