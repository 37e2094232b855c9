import type {InlineCode, Root} from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {VFileMessage} from 'vfile-message';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {githubAnnotation, markdownCode, noWorkflowCommands, oneLine} from './githubAnnotation';
import reporter from '../lint/reporter';
import {workflowCommands} from './workflowCommands';

/** Text that tries every trick: line breaks, both command syntaxes, bidi controls, backticks, pipes. */
const HOSTILE = [
  'x\n::error::pwned',
  '  ::warning file=a::w',
  'a\r::add-mask::b',
  '##[error]old syntax',
  'é\u202etxt.exe',
  '`code` and ``more``',
  'a | b',
  '`',
  ' ',
  '',
];

describe('console text from files and sites', () => {
  it('oneLine keeps a value on its line, visibly, and cuts long ones', () => {
    expect(oneLine('a\nb\r\tc\u0000\u202e')).toBe('a\\u{a}b\\u{d}\tc\\u{0}\\u{202e}');
    expect(oneLine('x'.repeat(10), 4)).toBe('xxxx… (10 characters)');
    for (const text of HOSTILE) expect(oneLine(text)).not.toMatch(/[\r\n]/);
  });

  it('nothing built from them is a workflow command, whichever syntax it tries', () => {
    for (const text of HOSTILE) {
      expect(workflowCommands(noWorkflowCommands(oneLine(text)))).toEqual([]);
      expect(workflowCommands(noWorkflowCommands(`    ${oneLine(text)}`))).toEqual([]);
    }
    expect(noWorkflowCommands('::error::x\n  ::warning::y\nfine ##[debug]z')).toBe(
      '%3A:error::x\n  %3A:warning::y\nfine #%23[debug]z',
    );
  });

  it('our annotations stay commands, with their text escaped', () => {
    const line = githubAnnotation(
      'error',
      {file: 'docs/a,b:c.md', line: 2, column: 1, title: 'T'},
      'one\n::warning::two',
    );
    expect(workflowCommands(line)).toEqual([line]);
    expect(line).toBe('::error file=docs/a%2Cb%3Ac.md,line=2,col=1,title=T::one%0A::warning::two');
  });
});

describe('Markdown code spans for issues and summaries', () => {
  const codeIn = (markdown: string): string[] => {
    const values: string[] = [];
    visit(
      unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root,
      'inlineCode',
      (n: InlineCode) => void values.push(n.value),
    );
    return values;
  };

  it.each(HOSTILE.filter((t) => t.trim() !== ''))('reads back exactly, in prose and in a table cell: %j', (text) => {
    expect(codeIn(`Reason: ${markdownCode(text)}.`)).toEqual([oneLine(text)]);
    expect(codeIn(`| a | b |\n|---|---|\n| ${markdownCode(text, {inTable: true})} | x |\n`)).toEqual([oneLine(text)]);
  });

  it('is never empty', () => {
    expect(markdownCode('')).toBe('(empty)');
    expect(markdownCode('   ')).toBe('(empty)');
  });
});

describe('the Markdown lint reporter', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('prints hostile file names and messages on one line each, with no workflow command but its annotations', () => {
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    const file = new VFile({path: 'docs/x\n::error file=ci.yml::forged.md', cwd: '/repo'});
    const message = new VFileMessage('Bad link text “##[warning]forged”', {
      place: {line: 3, column: 2},
      ruleId: 'descriptive-link-text',
      source: 'remark-lint',
    });
    file.messages.push(message);
    const output = reporter([file]);
    const commands = workflowCommands(output);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=docs\/x%0A%3A%3Aerror file=ci\.yml%3A%3Aforged\.md,line=3,col=2,title=/);
    expect(output.split('\n')[0]).toBe(
      'docs/x\\u{a}::error file=ci.yml::forged.md:3:2  Bad link text “#%23[warning]forged”  [remark-lint:descriptive-link-text]',
    );
  });
});
