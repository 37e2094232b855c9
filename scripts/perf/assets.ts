/**
 * Pure helpers for the page-weight budget: which files a first visit to a built page loads,
 * read from the build's asset graph (the HTML's own tags), and how big they are.
 *
 * A Docusaurus page declares everything its first visit needs in its HTML: the CSS as
 * `<link rel="stylesheet">`, the runtime and main bundle as `<script defer>`, or, with our page
 * template (src/node/ssrTemplate.ts), in the after-paint loader's attribute (plus
 * `<link rel="preload" as="script">` hints). The route's own chunks come from the route graph
 * (routeGraph.ts). The browser cross-check in docs-internal/performance.md shows this set equals
 * what Chromium fetches on a first visit.
 */
import {gzipSync, brotliCompressSync, constants as zlibConstants} from 'node:zlib';
import {load} from 'cheerio';
import {AFTER_PAINT_ATTRIBUTE} from '../../src/content/site';

export type AssetKind = 'html' | 'css' | 'js';

export interface PageAssets {
  /** Stylesheets, in document order, as written in the HTML (absolute paths or URLs). */
  css: string[];
  /** Scripts: `<script src>`, the after-paint loader's list, `<link rel=modulepreload>` and `<link rel=preload as=script>`, de-duplicated. */
  js: string[];
}

/** The CSS and JS a first visit of this HTML requests, read from its tags (cheerio; comments are not tags). */
export function parsePageAssets(html: string): PageAssets {
  const css: string[] = [];
  const js: string[] = [];
  const add = (list: string[], href: string | undefined) => {
    if (href && !href.startsWith('data:') && !list.includes(href)) list.push(href);
  };
  const $ = load(html);
  $('script, link').each((_, element) => {
    const tag = $(element);
    if (element.tagName === 'script') {
      const type = (tag.attr('type') ?? '').toLowerCase();
      // JSON-LD and other data blocks are not fetched; nomodule scripts are skipped by modern browsers.
      if (tag.attr('nomodule') !== undefined || (type !== '' && type !== 'module' && !type.includes('javascript')))
        return;
      add(js, tag.attr('src'));
      for (const src of (tag.attr(AFTER_PAINT_ATTRIBUTE) ?? '').split(/\s+/)) add(js, src);
      return;
    }
    const rels = (tag.attr('rel') ?? '').toLowerCase().split(/\s+/);
    const href = tag.attr('href');
    if (rels.includes('stylesheet')) {
      // A print-only or disabled sheet is still downloaded by browsers (at low priority): count it.
      add(css, href);
    } else if (rels.includes('modulepreload')) {
      add(js, href);
    } else if (rels.includes('preload')) {
      const as = (tag.attr('as') ?? '').toLowerCase();
      if (as === 'script') add(js, href);
      else if (as === 'style') add(css, href);
    }
  });
  return {css, js};
}

/** `<loc>` entries of a sitemap, in order. */
export function parseSitemap(xml: string): string[] {
  const $ = load(xml, {xml: true});
  return $('loc')
    .map((_, loc) => $(loc).text().trim())
    .get();
}

/**
 * Resolves an asset reference found in a page to a path relative to the build directory,
 * or null when it lives on another origin (which the budget reports separately).
 */
export function assetPathInBuild(ref: string, pageUrl: URL, siteUrl: URL, baseUrl: string): string | null {
  const url = new URL(ref, pageUrl);
  if (url.origin !== siteUrl.origin) return null;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (!url.pathname.startsWith(base)) return null;
  return decodeURIComponent(url.pathname.slice(base.length));
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * Compressed sizes as a static host that pre-compresses its files serves them: gzip level 9 and
 * brotli quality 11 (scripts/common/staticServer.ts uses the same settings, so the figures match the wire).
 */
export function compressedSizes(content: Buffer | string): Sizes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, {level: 9}).length,
    brotli: brotliCompressSync(buffer, {params: {[zlibConstants.BROTLI_PARAM_QUALITY]: 11}}).length,
  };
}

export function sumSizes(list: Sizes[]): Sizes {
  return list.reduce((a, b) => ({raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli}), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

export const KB = 1024;

/** Bytes as KB with one decimal, e.g. `176.4`. */
export function kb(bytes: number): string {
  return (bytes / KB).toFixed(1);
}
