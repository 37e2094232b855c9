import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {PAGE_LIMITS, PageLimitError, checkPageLimits} from './pageLimits';
import {parseMarkdown} from './parse';

const DOCS = path.resolve(__dirname, '../../docs');
const lines = (count: number, line: (i: number) => string) => Array.from({length: count}, (_, i) => line(i)).join('\n');

describe('checkPageLimits', () => {
  it.each(readdirSync(DOCS).filter((name) => name.endsWith('.md')))('passes docs/%s', (name) => {
    expect(checkPageLimits(readFileSync(path.join(DOCS, name), 'utf8'))).toBeUndefined();
  });

  // Each of these kept the parser busy for seconds to minutes (a list 200 levels deep: over 2 s, 400: minutes).
  it.each([
    [
      'a list nested by indentation',
      `Intro.\n\n${lines(200, (i) => `${' '.repeat(2 * i)}- x`)}\n`,
      19,
      /Line nests 17 levels deep/,
    ],
    ['nested list markers', `Intro.\n\n${'- '.repeat(400)}x\n`, 3, /Line nests \d+ levels deep/],
    ['nested blockquotes', `${'> '.repeat(4000)}x\n`, 1, /Line nests \d+ levels deep/],
    ['thousands of blockquotes', '> x\n\n'.repeat(4000), 2001, /more than 1000 list and blockquote markers/],
    [
      'nested emphasis',
      `Intro.\n\n${'*a '.repeat(2000)}x${' a*'.repeat(2000)}\n`,
      3,
      /4000 "\*" characters; the limit is 64/,
    ],
    ['nested JSX', `Intro.\n\n${lines(2000, () => '<details>')}\n`, 3, /2000 "<" characters/],
    ['nested brackets', `Intro.\n\n${'['.repeat(5000)}x\n`, 3, /5000 "\[" characters/],
    ['a huge page', 'word '.repeat(60_000), 1, /Page is 300000 characters long; the limit is 250000/],
  ])('rejects %s at its line', (_name, source, line, message) => {
    const issue = checkPageLimits(source);
    expect(issue).toMatchObject({line, message: expect.stringMatching(message) as string});
  });

  it('counts blocks between blank lines, code included, so a long code block with blank lines passes', () => {
    const yaml = lines(40, (i) => `  key${i}: {a: 1}`);
    expect(checkPageLimits(`\`\`\`yaml\n${yaml}\n\n${yaml}\n\`\`\`\n`)).toBeUndefined();
    expect(checkPageLimits(`\`\`\`yaml\n${yaml}\n${yaml}\n\`\`\`\n`)).toMatchObject({
      line: 1,
      message: expect.stringContaining('80 "{" characters'),
    });
  });

  it('stays inside the limits it states', () => {
    const atLimit = `${'- '.repeat(PAGE_LIMITS.maxNesting - 1)}x\n\n${'*'.repeat(PAGE_LIMITS.maxInlineMarkers)}\n`;
    expect(checkPageLimits(atLimit)).toBeUndefined();
  });
});

describe('parseMarkdown', () => {
  it('throws a PageLimitError with the line, as a parser message has it, instead of parsing', () => {
    const source = `Intro.\n\n${lines(200, (i) => `${' '.repeat(2 * i)}- x`)}\n`;
    expect(() => parseMarkdown(source)).toThrowError(PageLimitError);
    expect(() => parseMarkdown(source)).toThrowError(expect.objectContaining({line: 19, column: 1}));
  });
});
