/**
 * What "Check your work" output must look like: the page's `text` block, line by line, where only
 * these placeholders stand for values that vary from run to run (CONTRIBUTING.md#exercises-that-run):
 *
 * - `…` any text within the line (a generated Pod name suffix, a timestamp);
 * - `{{digest}}` a `sha256:` and 64 hex digits;
 * - `{{age}}` a kubectl age such as `42s`, `3m12s`, `5d`;
 * - `{{int A..B}}` a whole number from A to B;
 * - two or more spaces: the gap between two table columns, whose width depends on the values.
 *
 * Everything else is compared exactly, after trailing spaces and trailing empty lines are dropped.
 */
const PLACEHOLDER = /…|\{\{digest\}\}|\{\{age\}\}|\{\{int (\d+)\.\.(\d+)\}\}| {2,}/g;

interface LinePattern {
  regex: RegExp;
  ranges: [number, number][];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function linePattern(expected: string): LinePattern {
  let source = '';
  const ranges: [number, number][] = [];
  let last = 0;
  for (const m of expected.matchAll(PLACEHOLDER)) {
    source += escape(expected.slice(last, m.index));
    const token = m[0];
    if (token === '…') source += '.*?';
    else if (token === '{{digest}}') source += 'sha256:[0-9a-f]{64}';
    else if (token === '{{age}}') source += '(?:\\d+[smhdy])+';
    else if (token.startsWith('{{int')) {
      source += '(\\d+)';
      ranges.push([Number(m[1]), Number(m[2])]);
    } else source += ' {2,}';
    last = m.index + token.length;
  }
  source += escape(expected.slice(last));
  return {regex: new RegExp(`^${source}$`), ranges};
}

const lines = (text: string) => {
  const all = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (all.length > 0 && all.at(-1) === '') all.pop();
  return all;
};

export interface Mismatch {
  /** 0-based line of the expected block. */
  line: number;
  expected: string;
  actual: string | undefined;
}

/** The first line where the output differs from the expected block, or undefined when it matches. */
export function compareOutput(expected: string, actual: string): Mismatch | undefined {
  const want = lines(expected);
  const got = lines(actual);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined) return {line: want.length, expected: '(no more lines)', actual: g};
    if (g === undefined || !matchesLine(w, g)) return {line: i, expected: w, actual: g};
  }
  return undefined;
}

function matchesLine(expected: string, actual: string): boolean {
  const {regex, ranges} = linePattern(expected);
  const m = regex.exec(actual);
  if (!m) return false;
  return ranges.every(([low, high], i) => {
    const value = Number(m[i + 1]);
    return value >= low && value <= high;
  });
}
