import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {checkProse} from './prose/index';
import {toSpellText, wholeWordAt} from './prose/spellText';
import {checkWordList, WORD_LIST} from './prose/wordList';

/**
 * `npm run lint:prose`: a fixture that must pass (real jargon, and misspellings where prose is
 * not: code, URLs, front matter, JSX attributes) and one that must fail at the given lines.
 */

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures/prose');
const run = promisify(execFile);

const check = (name: string) => checkProse(path.join(FIXTURES, name), readFileSync(path.join(FIXTURES, name), 'utf8'));

describe('lint:prose', () => {
  // cspell loads its dictionaries on first use: seconds on a busy machine.
  it('passes real jargon, and never reads code, URLs, front matter or JSX attributes', async () => {
    expect(await check('pass.md')).toEqual([]);
  }, 60_000);

  it('fails typos and repeated words in prose, headings, lists, JSX children and alt text, at their lines', async () => {
    const found = (await check('fail.md')).map((p) => [p.line, p.check, p.message]);
    expect(found).toEqual([
      [7, 'spelling', expect.stringContaining('Unknown word "kubelett".')],
      [9, 'spelling', expect.stringContaining('Unknown word "Promethues".')],
      [9, 'repeated-word', 'Repeated word "the"'],
      [11, 'spelling', expect.stringContaining('Unknown word "Kuberentes".')],
      [16, 'repeated-word', 'Repeated word "is"'],
      [20, 'spelling', expect.stringContaining('Unknown word "contianer".')],
      // A directive in alt text is reported, and spelling stays on after it.
      [
        22,
        'directive',
        expect.stringContaining('"cspell:" is a cspell directive, which the spelling check does not obey'),
      ],
      [24, 'spelling', expect.stringContaining('Unknown word "kubelett".')],
      // Obeyed, this pattern backtracks for minutes over the x's that follow it.
      [26, 'directive', expect.stringContaining('"Spell-checker:" is a cspell directive')],
      [
        28,
        'spelling',
        'Unknown word "ConfigMapp". If it is right, add it to project-words.txt (CONTRIBUTING.md#spelling)',
      ],
      [28, 'directive', expect.stringContaining('"cspell:" is a cspell directive')],
      [28, 'spelling', expect.stringContaining('Unknown word "contianerd".')],
    ]);
    expect(found[0]![2]).toContain('If it is right, add it to project-words.txt');
  }, 60_000);
});

describe('the text cspell is given', () => {
  it('decodes character references as the Markdown parser does, and keeps the page offset of each character', () => {
    const spell = toSpellText('don&rsquo;t &amp; caf&eacute; a&nbsp;b &#39;x&#x27; &nosuch;');
    expect(spell.text).toBe("don’t & café a\u00a0b 'x' &nosuch;");
    expect(spell.pageOffset[spell.text.indexOf('t')]).toBe('don&rsquo;'.length);
    expect(spell.directives).toEqual([]);
  });

  it('blanks every cspell directive prefix, also one written with a character reference, and names where it was', () => {
    const spell = toSpellText('a cSpell:disable b spellchecker: c spell-checker:: d LocalWords: e cspell&#58;words');
    expect(spell.text).not.toMatch(/spell|LocalWords|:/i);
    expect(spell.directives.map((d) => d.text)).toEqual([
      'cSpell:',
      'spellchecker:',
      'spell-checker::',
      'LocalWords:',
      'cspell:',
    ]);
    expect(spell.directives.at(-1)!.offset).toBe(
      'a cSpell:disable b spellchecker: c spell-checker:: d LocalWords: e '.length,
    );
  });

  it('names the whole word around a part cspell reported at a case change', () => {
    expect(wholeWordAt('A PaaSes host', 2, 3)).toEqual({offset: 2, word: 'PaaSes'});
    expect(wholeWordAt('kubelett-managed', 0, 8)).toEqual({offset: 0, word: 'kubelett'});
  });
});

describe('project-words.txt', () => {
  it('is one word per line, sorted A to Z ignoring case, without duplicates', () => {
    expect(checkWordList(readFileSync(WORD_LIST, 'utf8'))).toEqual([]);
  });

  it('names the line of a word out of order, a duplicate, a phrase and a blank line', () => {
    expect(checkWordList('Mesos\nkops\nKata\nkata\nservice mesh\n\n')).toEqual([
      {line: 2, message: expect.stringContaining('"kops" is out of order') as string},
      {line: 3, message: expect.stringContaining('"Kata" is out of order') as string},
      {line: 4, message: '"kata" is already on line 3 (cspell ignores case)'},
      {line: 5, message: expect.stringContaining('"service mesh" is not one word') as string},
      {line: 6, message: expect.stringContaining('"" is not one word') as string},
    ]);
    expect(checkWordList('kops')).toEqual([{line: 1, message: 'The word list must end with a newline'}]);
  });
});

describe('npm run lint:prose', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-prose-test-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('names a typo planted in a real page at its line, and exits 1 without a stack trace', async () => {
    const page = '03-kubernetes-architecture.md';
    const lines = readFileSync(path.join(ROOT, 'docs', page), 'utf8').split('\n');
    const at = lines.findIndex((l) => /^[A-Z*].* The kubelet /.test(l));
    expect(at, `${page} has a paragraph that names the kubelet`).toBeGreaterThan(-1);
    lines[at] = lines[at]!.replace(' The kubelet ', ' The kubelett ');
    const file = path.join(dir, page);
    writeFileSync(file, lines.join('\n'));
    const result = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/lint/prose.ts'), file], {
      cwd: ROOT,
    }).then(
      () => ({code: 0, stdout: '', stderr: ''}),
      (e: {code: number; stdout: string; stderr: string}) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`${page}:${at + 1}:\\d+  Unknown word "kubelett"`));
    expect(result.stdout.match(/Unknown word/g)).toHaveLength(1);
  }, 60_000);
});
