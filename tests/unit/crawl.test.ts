/**
 * The built-site crawl (tests/site/crawl.ts) on a small site written here: it passes when every
 * URL resolves, and fails naming the page that links to a missing asset, or the entry point
 * (manifest, sitemap) that names a missing file.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {crawlSite, entryPoints, formatBroken} from '../site/crawl';

vi.setConfig({testTimeout: 60_000});

const SITE_URL = 'https://example.github.io/module/';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
  dir = undefined;
});

/** A built site in a temp folder (build/ and static/), with `overrides` replacing files. */
function writeSite(overrides: Record<string, string> = {}): {buildDir: string; staticDir: string} {
  dir = mkdtempSync(path.join(os.tmpdir(), 'crawl-'));
  const page = (body: string) => `<!doctype html><html><head><link rel="manifest" href="/module/manifest.json">
<meta property="og:image" content="${SITE_URL}img/card.png"><link rel="stylesheet" href="/module/assets/site.css">
<link rel="preconnect" href="https://fonts.example.com"></head><body>${body}
<script data-load-after-paint="/module/assets/main.js"></script></body></html>`;
  const files: Record<string, string> = {
    'build/index.html': page('<a href="/module/docs/intro">Intro</a> <a href="https://elsewhere.example/">out</a>'),
    'build/docs/intro.html': page('<img src="/module/img/diagram.svg" alt="d"> <a href="/module/">Home</a>'),
    'build/print.html': page('<a href="/module/docs/intro#x">Intro</a>'),
    'build/404.html': page('<a href="/module/">Home</a>'),
    'build/search.html': page(''),
    'build/assets/site.css': 'body{background:url(../img/card.png)}',
    'build/assets/main.js': '',
    'build/img/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'build/img/card.png': 'png',
    'build/img/icon.png': 'png',
    'build/manifest.json': JSON.stringify({start_url: './docs/intro', icons: [{src: 'img/icon.png'}]}),
    'build/sitemap.xml': `<?xml version="1.0"?><urlset><url><loc>${SITE_URL}docs/intro</loc></url><url><loc>${SITE_URL}print</loc></url></urlset>`,
    'static/manifest.json': '{}',
    'static/img/icon.png': 'png',
    ...overrides,
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    writeFileSync(path.join(dir, file), content);
  }
  return {buildDir: path.join(dir, 'build'), staticDir: path.join(dir, 'static')};
}

async function crawl(site: {buildDir: string; staticDir: string}) {
  return crawlSite({
    buildDir: site.buildDir,
    basePath: '/module/',
    entryPoints: entryPoints(site.buildDir, '/module/', site.staticDir),
  });
}

describe('the built-site crawl', () => {
  it('finds the entry points no page links to', () => {
    const site = writeSite();
    expect(entryPoints(site.buildDir, '/module/', site.staticDir).map((e) => `${e.path} (${e.from})`)).toEqual([
      '404.html (the 404 page)',
      'print (the one-page edition)',
      'search (the search page (the search box opens it from script))',
      'img/icon.png (static/img/icon.png)',
      'manifest.json (static/manifest.json)',
      'assets/main.js (/404 (data-load-after-paint))',
      'assets/main.js (/docs/intro (data-load-after-paint))',
      'assets/main.js (/ (data-load-after-paint))',
      'assets/main.js (/print (data-load-after-paint))',
      'assets/main.js (/search (data-load-after-paint))',
      'manifest.json (web manifest)',
      'img/icon.png (icon of manifest.json)',
      'docs/intro (start_url of manifest.json)',
      'img/card.png (social card (og:image))',
      'docs/intro (sitemap.xml)',
      'print (sitemap.xml)',
    ]);
  });

  it('passes a site whose every URL resolves, requesting nothing but its own server', async () => {
    const result = await crawl(writeSite());
    expect(formatBroken(result.broken)).toBe('');
    expect(result.requested).toEqual([
      '/',
      '/404.html',
      '/assets/main.js',
      '/assets/site.css',
      '/docs/intro',
      '/img/card.png',
      '/img/diagram.svg',
      '/img/icon.png',
      '/manifest.json',
      '/print',
      '/search',
    ]);
  });

  it('fails on a missing asset, naming the page that links to it', async () => {
    const result = await crawl(writeSite({'build/docs/intro.html': '<img src="/module/img/gone.svg" alt="d">'}));
    expect(formatBroken(result.broken)).toBe('/img/gone.svg (status 404) linked from /docs/intro');
  });

  it('fails on a script the page template loads after paint, or an image a style sheet loads, when missing', async () => {
    const site = writeSite({'build/print.html': '<script data-load-after-paint="/module/assets/gone.js"></script>', 'build/assets/site.css': 'a{background:url(/module/img/no.png)}'});
    expect(formatBroken((await crawl(site)).broken).split('\n').sort()).toEqual([
      '/assets/gone.js (status 404) linked from /print (data-load-after-paint)',
      '/img/no.png (status 404) linked from /assets/site.css',
    ]);
  });

  it('fails on a manifest icon or a sitemap URL that is missing, naming where it is listed', async () => {
    const site = writeSite({
      'build/manifest.json': JSON.stringify({icons: [{src: 'img/missing-icon.png'}]}),
      'build/sitemap.xml': `<urlset><url><loc>${SITE_URL}docs/removed</loc></url></urlset>`,
    });
    expect(formatBroken((await crawl(site)).broken).split('\n').sort()).toEqual([
      '/docs/removed (status 404) linked from sitemap.xml',
      '/img/missing-icon.png (status 404) linked from icon of manifest.json',
    ]);
  });
});
