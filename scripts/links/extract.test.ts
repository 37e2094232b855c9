import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {collectFiles, extractFromSource, ExtractError, literalString, PathError} from './extract';

const SOURCE = [
  '---', // 1
  'title: "https://front.matter/ignored"', // 2
  '---', // 3
  'See [the docs](https://a.test/docs#install "https://title.test") and [https://b.test/x](https://b.test/x).', // 4
  '', // 5
  '- [Ref][k8s] and [k8s] again, mail [me](mailto:a@b.c), [rel](./other.md), [tel](tel:+1), [abs](/docs/x)', // 6
  '', // 7
  '[k8s]: https://kubernetes.test/docs/', // 8
  '', // 9
  '<Card href="https://jsx.test/card" title="x" />', // 10
  '', // 11
  'Bare https://literal.test/path works too. HTTP://UPPER.test/ also.', // 12
  '', // 13
  '```sh', // 14
  'curl https://in-code.test/', // 15
  '```', // 16
  '', // 17
  'Inline `https://inline-code.test/` is code.', // 18
].join('\n');

describe('extractFromSource', () => {
  const cites = extractFromSource(SOURCE, 'docs/a.md');
  const at = (url: string) => cites.filter((c) => c.url === url).map((c) => `${c.kind}@${c.line}:${c.column}`);

  it('finds links, definitions, references, JSX href and literal URLs at the URL text', () => {
    expect(at('https://a.test/docs#install')).toEqual(['link@4:16']);
    // the link text repeats the URL: the column is the destination's
    expect(at('https://b.test/x')).toEqual(['link@4:89']);
    expect(at('https://kubernetes.test/docs/')).toEqual(['reference@6:3', 'reference@6:18', 'definition@8:8']);
    expect(at('https://jsx.test/card')).toEqual(['jsx@10:13']);
    expect(at('https://literal.test/path')).toEqual(['link@12:6']);
  });

  it('gives offsets that point at the raw URL text (what --fix rewrites)', () => {
    for (const c of cites) {
      if (c.offset === null) continue;
      expect(SOURCE.slice(c.offset, c.offset + c.raw.length)).toBe(c.url);
      const line = SOURCE.split('\n')[c.line - 1] ?? '';
      expect(line.slice(c.column - 1, c.column - 1 + c.url.length)).toBe(c.url);
    }
    expect(cites.filter((c) => c.kind === 'reference').every((c) => c.offset === null)).toBe(true);
  });

  it('leaves out mailto:, tel:, relative links, code, titles and front matter', () => {
    const urls = new Set(cites.map((c) => c.url));
    for (const u of ['mailto:a@b.c', './other.md', 'tel:+1', '/docs/x', 'https://in-code.test/', 'https://inline-code.test/', 'https://title.test', 'https://front.matter/ignored']) {
      expect(urls.has(u)).toBe(false);
    }
    expect(urls.has('HTTP://UPPER.test/')).toBe(true);
  });

  it('reports malformed MDX as file:line:column', () => {
    let err: unknown;
    try {
      extractFromSource('# Title\n\nText <b c={ \n', 'docs/bad.md');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).message).toMatch(/^docs\/bad\.md:\d+:\d+: /);
    expect((err as ExtractError).line).toBeGreaterThanOrEqual(3);
  });
});

const CITED = [
  '# Every URL a page can cite', // 1
  '', // 2
  '![A diagram of https://alt.test/](https://img.test/a.png "https://img-title.test/") and ![logo][logo]', // 3
  '', // 4
  "<Card href={'https://single.test/x'} title=\"x\" />", // 5
  '<Card href={"https://double.test/x"} />', // 6
  '<Card href={`https://template.test/x`} />', // 7
  '<img src="https://plain-img.test/p.png" alt="x" /> <img src={\'https://expr-img.test/p.png\'} alt="y" />', // 8
  "<Card href={`https://computed.test/${path}`} /> <Card href={base + '/x'} /> <Card href={'https://esc.test/it\\'s'} />", // 9
  '', // 10
  '[logo]: https://ref-img.test/logo.svg', // 11
  '', // 12
  '```md', // 13
  '![in code](https://code-img.test/x.png) <img src="https://code-jsx.test/x.png" />', // 14
  '```', // 15
  '', // 16
  'Inline `<a href={\'https://inline-jsx.test/\'}>` and `![x](https://inline-img.test/x.png)` stay code.', // 17
].join('\n');

describe('extractFromSource: images, JSX expressions and <img src>', () => {
  const cites = extractFromSource(CITED, 'docs/cited.mdx');
  const at = (url: string) => cites.filter((c) => c.url === url).map((c) => `${c.kind}@${c.line}:${c.column}`);

  it('finds Markdown images (inline and by reference) at the URL text, not in the alt text or title', () => {
    expect(at('https://img.test/a.png')).toEqual(['image@3:35']);
    expect(at('https://ref-img.test/logo.svg')).toEqual(['reference@3:89', 'definition@11:9']);
    expect(at('https://alt.test/')).toEqual([]);
    expect(at('https://img-title.test/')).toEqual([]);
  });

  it('finds JSX attributes written as string-literal expressions, and <img src>, at the URL text', () => {
    expect(at('https://single.test/x')).toEqual(['jsx@5:14']);
    expect(at('https://double.test/x')).toEqual(['jsx@6:14']);
    expect(at('https://template.test/x')).toEqual(['jsx@7:14']);
    expect(at('https://plain-img.test/p.png')).toEqual(['jsx@8:11']);
    expect(at('https://expr-img.test/p.png')).toEqual(['jsx@8:63']);
  });

  it('leaves computed expressions alone, and cites an escaped literal at its attribute without an offset (--fix will not guess)', () => {
    expect(cites.some((c) => c.url.startsWith('https://computed.test'))).toBe(false);
    const escaped = cites.filter((c) => c.url === "https://esc.test/it's");
    expect(escaped).toMatchObject([{kind: 'jsx', offset: null, line: 9}]);
  });

  it('leaves links in code unchecked', () => {
    const urls = cites.map((c) => c.url).join(' ');
    expect(urls).not.toMatch(/code-img|code-jsx|inline-jsx|inline-img/);
  });

  it('gives offsets that point at the URL text', () => {
    for (const c of cites) {
      if (c.offset === null) continue;
      expect(CITED.slice(c.offset, c.offset + c.url.length)).toBe(c.url);
    }
  });

  it('reads only plain literals', () => {
    expect(literalString(" 'https://a.test/' ")).toBe('https://a.test/');
    expect(literalString('`https://a.test/${x}`')).toBeNull();
    expect(literalString("'a' + 'b'")).toBeNull();
    expect(literalString('"https://a.test/\\"q\\""')).toBe('https://a.test/"q"');
    expect(literalString('url')).toBeNull();
  });
});

describe('collectFiles', () => {
  it('walks folders for .md/.mdx, sorted, reported under the path as given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-collect-'));
    mkdirSync(join(dir, 'docs/sub'), {recursive: true});
    mkdirSync(join(dir, 'docs/.hidden'), {recursive: true});
    for (const f of ['docs/b.md', 'docs/a.mdx', 'docs/sub/c.md', 'docs/x.txt', 'docs/.hidden/d.md']) writeFileSync(join(dir, f), '');
    expect(collectFiles(['docs'], dir)).toEqual(['docs/a.mdx', 'docs/b.md', 'docs/sub/c.md']);
    expect(collectFiles(['docs/b.md', 'docs'], dir)).toEqual(['docs/b.md', 'docs/a.mdx', 'docs/sub/c.md']);
    expect(() => collectFiles(['nope'], dir)).toThrow(PathError);
    expect(() => collectFiles(['docs/x.txt'], dir)).toThrow(/not a Markdown/);
  });
});
