import path from 'node:path';

/** The project's own words, read by cspell.config.yaml. */
export const WORD_LIST = path.resolve(__dirname, '../../../project-words.txt');

export interface WordListProblem {
  line: number;
  message: string;
}

/** The order of the list: case-insensitive, then upper case first ("OCI" before "oci"). */
export function compareWords(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The word list is reviewed like code: one word per line, sorted, no duplicates, no blank lines. */
export function checkWordList(text: string): WordListProblem[] {
  const problems: WordListProblem[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else if (lines.length > 0) problems.push({line: lines.length, message: 'The word list must end with a newline'});
  const seen = new Map<string, number>();
  lines.forEach((word, i) => {
    const line = i + 1;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.test(word)) {
      problems.push({
        line,
        message: `"${word}" is not one word: write one word per line, with no spaces or blank lines`,
      });
      return;
    }
    const key = word.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({line, message: `"${word}" is already on line ${first} (cspell ignores case)`});
    else seen.set(key, line);
    const previous = lines[i - 1];
    if (previous !== undefined && compareWords(previous, word) > 0) {
      problems.push({
        line,
        message: `"${word}" is out of order: the list is sorted A to Z, ignoring case (it goes before "${previous}")`,
      });
    }
  });
  return problems;
}
