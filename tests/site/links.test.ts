/**
 * Every URL of the built site resolves when it is served the way GitHub Pages serves it: the pages
 * the home page leads to and their assets, the static files, the manifest's icons, the social
 * card, the sitemap's URLs, the 404 page and the one-page edition (tests/site/crawl.ts).
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {crawlSite, entryPoints, formatBroken} from './crawl';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');
const BASE_PATH = process.env.BASE_URL ?? '/';

describe('the served build', () => {
  it('has no broken URL, from the home page and from every entry point no page links to', {timeout: 180_000}, async () => {
    const entries = entryPoints(BUILD, BASE_PATH, path.join(ROOT, 'static'));
    const result = await crawlSite({buildDir: BUILD, basePath: BASE_PATH, entryPoints: entries});
    expect(formatBroken(result.broken)).toBe('');
    // The crawl reached the pages and what they load, not only the entry points.
    expect(result.requested.filter((p) => /^\/docs\/[a-z-]+$/.test(p)).length).toBeGreaterThanOrEqual(11);
    expect(result.requested).toEqual(expect.arrayContaining(['/search', '/print', '/404.html', '/img/social-card.png']));
    expect(result.requested.some((p) => /^\/assets\/js\/main\.[0-9a-f]+\.js$/.test(p))).toBe(true);
  });
});
