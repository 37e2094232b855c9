import {Prism, type PrismTheme} from 'prism-react-renderer';
import {describe, expect, it} from 'vitest';
import {highlightCode, loadLanguages, styledTokenTypes} from './highlight';

const light: PrismTheme = {
  plain: {color: '#111111', backgroundColor: '#ffffff'},
  styles: [
    {types: ['punctuation'], style: {color: '#111'}},
    {types: ['keyword'], style: {color: '#ff0000'}},
    {types: ['comment'], style: {color: '#111111', fontStyle: 'italic'}},
  ],
};

const dark: PrismTheme = {
  plain: {color: 'rgb(250, 250, 250)', backgroundColor: '#000000'},
  styles: [
    {types: ['punctuation'], style: {color: '#FAFAFA'}},
    {types: ['operator'], style: {color: 'rgba(250, 250, 250, 0.5)'}},
  ],
};

const BASH = 'echo "$(date +%s) ${HOME}" | tee -a x.log; a=(1 2) # done';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<').replaceAll('&amp;', '&');

describe('styledTokenTypes', () => {
  it('lists the types some theme shows unlike its plain text: another colour, transparency, or more than a colour', () => {
    expect([...styledTokenTypes([light, dark])].sort()).toEqual(['comment', 'keyword', 'operator']);
  });
});

describe('highlightCode', () => {
  loadLanguages(['bash', 'yaml']);

  it('without themes, writes Prism’s own markup', () => {
    expect(highlightCode(BASH, 'bash')).toBe(Prism.highlight(BASH, Prism.languages.bash!, 'bash'));
  });

  it('leaves out the span of a token that would look like plain text, only where no other token contains it', () => {
    const html = highlightCode(BASH, 'bash', new Set(['string', 'variable', 'number', 'comment']))!;
    // `echo` (builtin), `;` and the parentheses of `a=(1 2)` (punctuation) are top-level and unstyled: bare text.
    expect(html.startsWith('echo <span class="token string">')).toBe(true);
    expect(html).toContain(' x.log; ');
    expect(html).toContain('=(<span class="token number">1</span> <span class="token number">2</span>)');
    // Inside the string Prism's markup is kept, unstyled `date` too, so nested tokens keep their own colour.
    expect(html).toContain('<span class="token string">"<span class="token variable"><span class="token variable">$(</span><span class="token function">date</span>');
    expect(html).toContain('<span class="token comment"># done</span>');
    expect(textOf(html)).toBe(BASH);
  });

  it('keeps the span of a token any of whose types is styled (`key atrule` in YAML)', () => {
    const html = highlightCode('items: [1, {a: "b"}]', 'yaml', new Set(['atrule', 'number', 'string']))!;
    expect(html).toBe(
      '<span class="token key atrule">items</span>: [<span class="token number">1</span>, ' +
        '{<span class="token key atrule">a</span>: <span class="token string">"b"</span>}]',
    );
  });
});
