import {describe, expect, it} from 'vitest';
import {assetPathInBuild, compressedSizes, kb, parsePageAssets, parseSitemap, sumSizes} from './assets';

describe('parsePageAssets', () => {
  it('finds stylesheets, deferred scripts and script preloads, as Docusaurus minifies them', () => {
    const html = `<!doctype html><html><head>
      <link data-rh=true rel=icon href=/img/favicon.svg />
      <link rel=stylesheet href=/assets/css/styles.2a7afa51.css />
      <script src=/assets/js/runtime~main.6f204d01.js defer></script>
      <script src="/assets/js/main.9605b6da.js" defer></script>
      <link rel="preload" as="script" href="/assets/js/17896441.js">
      <link rel=modulepreload href='/assets/js/mod.js'>
      <link rel=preload as=image href=/img/logo.svg />
      <script type=application/ld+json>{"@context":"https://schema.org"}</script>
      <script>console.log(1)</script></head></html>`;
    expect(parsePageAssets(html)).toEqual({
      css: ['/assets/css/styles.2a7afa51.css'],
      js: [
        '/assets/js/runtime~main.6f204d01.js',
        '/assets/js/main.9605b6da.js',
        '/assets/js/17896441.js',
        '/assets/js/mod.js',
      ],
    });
  });

  it('reads the scripts our page template loads after the first paint, in order', () => {
    const html = `<link rel=stylesheet href=/assets/css/s.css /><script data-load-after-paint="/assets/js/runtime~main.1.js /assets/js/main.2.js">!function(){}()</script>`;
    expect(parsePageAssets(html)).toEqual({
      css: ['/assets/css/s.css'],
      js: ['/assets/js/runtime~main.1.js', '/assets/js/main.2.js'],
    });
  });

  it('counts a file once, ignores comments, nomodule and data URLs', () => {
    const html = `<script src=/a.js></script><link rel=preload as=script href=/a.js><!-- <script src=/old.js></script> -->
      <script nomodule src=/legacy.js></script><link rel=stylesheet href="data:text/css,a{}"><link rel="preload" as="style" href="/b.css">`;
    expect(parsePageAssets(html)).toEqual({css: ['/b.css'], js: ['/a.js']});
  });

  it('reads quoted, unquoted and single-quoted attributes with their entities decoded', () => {
    const html = `<script src="/x.js?a=1&amp;b=2" defer></script><link rel='stylesheet' href='/s.css?v=&#39;1&#39;'><script type=module src=/m.js></script>`;
    expect(parsePageAssets(html)).toEqual({css: ["/s.css?v='1'"], js: ['/x.js?a=1&b=2', '/m.js']});
  });
});

describe('parseSitemap', () => {
  it('lists every loc in order', () => {
    const xml = `<urlset><url><loc>https://x.io/docs</loc><lastmod>2026-01-01</lastmod></url><url><loc> https://x.io/?a=1&amp;b=2 </loc></url></urlset>`;
    expect(parseSitemap(xml)).toEqual(['https://x.io/docs', 'https://x.io/?a=1&b=2']);
  });
});

describe('assetPathInBuild', () => {
  const site = new URL('https://org.github.io');
  it('resolves absolute and relative references below baseUrl', () => {
    const page = new URL('https://org.github.io/mod/docs/x');
    expect(assetPathInBuild('/mod/assets/js/a.js', page, site, '/mod/')).toBe('assets/js/a.js');
    expect(assetPathInBuild('../assets/css/s.css', page, site, '/mod/')).toBe('assets/css/s.css');
  });
  it('returns null for other origins and paths outside baseUrl', () => {
    const page = new URL('https://org.github.io/docs/x');
    expect(assetPathInBuild('https://cdn.example/a.js', page, site, '/')).toBeNull();
    expect(assetPathInBuild('/other/a.js', page, site, '/mod/')).toBeNull();
  });
});

describe('sizes', () => {
  it('reports raw, gzip and brotli sizes of real compressed bodies', () => {
    const text = 'const a = 1;\n'.repeat(500);
    const sizes = compressedSizes(text);
    expect(sizes.raw).toBe(Buffer.byteLength(text));
    expect(sizes.gzip).toBeLessThan(sizes.raw / 10);
    expect(sizes.brotli).toBeLessThan(sizes.raw / 10);
    expect(sumSizes([sizes, sizes])).toEqual({raw: sizes.raw * 2, gzip: sizes.gzip * 2, brotli: sizes.brotli * 2});
  });
  it('formats KB with one decimal', () => {
    expect(kb(1536)).toBe('1.5');
  });
});
