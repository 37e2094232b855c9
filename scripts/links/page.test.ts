import {describe, expect, it} from 'vitest';
import {decodeEntities, PageScanner, parseAttributes} from './page';

/** Scan a page as one piece, then again one character at a time (every chunk boundary), and check both agree. */
function scan(html: string, fragment: string | null = null) {
  const whole = new PageScanner(fragment);
  whole.feed(html);
  const bytewise = new PageScanner(fragment);
  for (const c of html) bytewise.feed(c);
  expect(bytewise.signals).toEqual(whole.signals);
  expect(bytewise.fragmentFound).toBe(whole.fragmentFound);
  return whole;
}

const found = (html: string, id: string): boolean => scan(html, id).fragmentFound;

describe('fragments count only in a real element', () => {
  it('finds id on any element and name on <a>, quoted or not, with GitHub’s user-content- prefix', () => {
    expect(found('<h2 id="install">Install</h2>', 'install')).toBe(true);
    expect(found("<section id='install'>", 'install')).toBe(true);
    expect(found('<h2 id=install>', 'install')).toBe(true);
    expect(found('<a name="install"></a>', 'install')).toBe(true);
    expect(found('<h2 id="user-content-install">', 'install')).toBe(true);
    expect(found('<h2 id="installation">', 'install')).toBe(false);
    expect(found('<p>install</p>', 'install')).toBe(false);
  });

  it('reads attribute names case-insensitively (old Javadoc’s <A NAME>) and id values case-sensitively', () => {
    expect(found('<A NAME="toString()">', 'toString()')).toBe(true);
    expect(found('<H2 ID="Setup">', 'Setup')).toBe(true);
    expect(found('<h2 id="Setup">', 'setup')).toBe(false);
    expect(found('<A NAME="Setup">', 'setup')).toBe(false);
  });

  it('ignores ids in comments, script and style text, and non-anchor names such as <meta name>', () => {
    expect(found('<!-- <h2 id="install"> -->', 'install')).toBe(false);
    expect(found('<script>var s = \'<h2 id="install">\'; if (a < b) {}</script>', 'install')).toBe(false);
    expect(found('<style>#x::before{content:\'id="install"\'}</style>', 'install')).toBe(false);
    expect(found('<meta name="install" content="x">', 'install')).toBe(false);
    expect(found('<input name="install">', 'install')).toBe(false);
    expect(found('<p title=\'id="install"\' data-x="name=install">', 'install')).toBe(false);
    expect(found('<p>id="install"</p>', 'install')).toBe(false);
    // after those, a real element still counts
    expect(found('<!-- x --><script>"id=\'install\'"</script><h2 id="install">', 'install')).toBe(true);
  });

  it('decodes character references in ids', () => {
    expect(found('<h2 id="a&amp;b">', 'a&b')).toBe(true);
    expect(found('<h2 id="caf&#xE9;">', 'café')).toBe(true);
  });
});

describe('title and main heading', () => {
  it('reads the title and the first h1, with entities decoded and space collapsed', () => {
    const s = scan('<html><head><title>Page  not\nfound &amp; gone | Docs</title></head><body><h1>Oops!  <em>Not</em> here</h1>');
    expect(s.signals).toEqual({title: 'Page not found & gone | Docs', heading: 'Oops! Not here'});
  });

  it('prefers the first h1 inside <main> to a logo h1 in the header', () => {
    const s = scan('<title>Docs</title><header><h1>Acme Docs</h1></header><main><h1>Page not found</h1><h1>Second</h1></main>');
    expect(s.signals.heading).toBe('Page not found');
    expect(s.complete).toBe(true);
  });

  it('does not take an SVG’s <title> for the page’s, nor text in scripts for a heading', () => {
    const s = scan('<body><svg><title>Not found icon</title></svg><script>document.write("<h1>404</h1>")</script><h1>Deployments</h1>');
    expect(s.signals).toEqual({title: null, heading: 'Deployments'});
  });

  it('is complete only when the fragment, the title and the main heading are all known', () => {
    const s = new PageScanner('later');
    s.feed('<title>T</title><main><h1>H</h1>');
    expect(s.complete).toBe(false);
    expect(s.fragmentSettled).toBe(false);
    s.feed('<h2 id="later">');
    expect(s.complete).toBe(true);
  });

  it('gives up on a tag that never ends after 64 KiB, so memory stays bounded, and reads on', () => {
    const s = new PageScanner('x');
    s.feed('<div data-x="');
    for (let i = 0; i < 100; i++) s.feed('y'.repeat(1024));
    expect(s.fragmentFound).toBe(false);
    s.feed('<h2 id="x">');
    expect(s.fragmentFound).toBe(true);
  });
});

describe('helpers', () => {
  it('parses attributes: first one wins, names lower-cased', () => {
    expect([...parseAttributes(' ID="a" id="b" data-X=1 hidden')]).toEqual([
      ['id', 'a'],
      ['data-x', '1'],
      ['hidden', ''],
    ]);
  });

  it('decodes numeric and common named references, and leaves unknown ones', () => {
    expect(decodeEntities('&lt;a&gt; &#39;x&#39; &rsquo; &bogus;')).toBe("<a> 'x' ’ &bogus;");
  });
});
