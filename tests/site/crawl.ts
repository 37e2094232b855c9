/**
 * Crawls a built site with linkinator, served by the project's static server (GitHub Pages rules)
 * on 127.0.0.1. Docusaurus's own broken-link check sees links between pages only; this requests
 * what a reader's browser would: every page reachable from the home page and its images, scripts
 * and styles (and what the styles load), plus what no page links to: the scripts the page template
 * loads after first paint (named in an attribute, not a src), the files of static/, the web
 * manifest's icons and start URL, the social card, every URL of sitemap.xml, the 404 page, the
 * search page and the one-page edition.
 *
 * Test-only (tests/site/links.test.ts on the build, tests/unit/crawl.test.ts on a planted site), so
 * it lives under tests/ with no CLI: `npm run test:site` is how it runs.
 *
 * Only the server's own origin is ever requested (an allow-list: every other URL is skipped, and a
 * redirect is an error, never followed), so the crawl never leaves loopback.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {load} from 'cheerio';
import {LinkChecker, LinkState} from 'linkinator';
import {serveStatic} from '../../scripts/common/staticServer';
import {AFTER_PAINT_ATTRIBUTE} from '../../src/content/site';

/** A URL to request besides what the home page leads to, and why. */
export interface EntryPoint {
  /** Site path below the base, without a leading slash ('' is the home page). */
  path: string;
  from: string;
}

export interface BrokenLink {
  /** The broken URL's site path (below the base, with a leading slash). */
  url: string;
  status: number;
  /** The page that links to it, or the entry point's reason when no page does. */
  linkedFrom: string;
}

export interface CrawlResult {
  /** Every URL requested, as sorted site paths: never one of another origin. */
  requested: string[];
  broken: BrokenLink[];
}

const readText = (root: string, file: string) => {
  const full = path.join(root, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: the crawl needs a built site (run \`npm run build\`)`);
  return readFileSync(full, 'utf8');
};

/** A base path with one leading and one trailing slash, as Docusaurus's baseUrl is. */
const normaliseBasePath = (base: string) => base.replace(/^\/?/, '/').replace(/\/?$/, '/');

/** An absolute or base-relative URL of the site as a site path below `basePath`, or undefined if elsewhere. */
function sitePath(url: string, against: string, basePath: string): string | undefined {
  const {pathname} = new URL(url, against);
  return pathname.startsWith(basePath) ? decodeURI(pathname.slice(basePath.length)) : undefined;
}

/**
 * What the crawl requests besides the pages the home page leads to. `staticDir` is the source
 * folder Docusaurus copies to the build's root (static/).
 */
export function entryPoints(buildDir: string, base: string, staticDir: string): EntryPoint[] {
  const basePath = normaliseBasePath(base);
  const entries: EntryPoint[] = [
    {path: '404.html', from: 'the 404 page'},
    {path: 'print', from: 'the one-page edition'},
    {path: 'search', from: 'the search page (the search box opens it from script)'},
  ];
  const staticFiles = readdirSync(staticDir, {recursive: true, withFileTypes: true})
    .filter((file) => file.isFile())
    .map((file) => path.relative(staticDir, path.join(file.parentPath, file.name)).split(path.sep).join('/'));
  for (const file of staticFiles.sort()) entries.push({path: file, from: `static/${file}`});
  const pages = readdirSync(buildDir, {recursive: true, withFileTypes: true})
    .filter((file) => file.isFile() && file.name.endsWith('.html'))
    .map((file) => path.relative(buildDir, path.join(file.parentPath, file.name)).split(path.sep).join('/'))
    .sort();
  for (const page of pages) {
    const html = load(readText(buildDir, page));
    const scripts = html(`script[${AFTER_PAINT_ATTRIBUTE}]`).attr(AFTER_PAINT_ATTRIBUTE) ?? '';
    for (const script of scripts.split(/\s+/).filter(Boolean)) {
      const found = sitePath(script, `http://site.invalid${basePath}${page}`, basePath);
      if (found === undefined) throw new Error(`${page}: script ${script} is outside the base path ${basePath}`);
      entries.push({path: found, from: `/${page.replace(/(index)?\.html$/, '')} (${AFTER_PAINT_ATTRIBUTE})`});
    }
  }
  const home = load(readText(buildDir, 'index.html'));
  const homeUrl = `http://site.invalid${basePath}`;
  const place = (url: string | undefined, from: string) => {
    if (!url) throw new Error(`index.html: no ${from}`);
    const found = sitePath(url, homeUrl, basePath);
    if (found === undefined) throw new Error(`index.html: ${from} ${url} is outside the base path ${basePath}`);
    entries.push({path: found, from});
    return found;
  };
  const manifestPath = place(home('link[rel="manifest"]').attr('href'), 'web manifest');
  const manifest = JSON.parse(readText(buildDir, manifestPath)) as {start_url?: string; icons?: {src: string}[]};
  const manifestUrl = new URL(manifestPath, homeUrl).href;
  for (const icon of manifest.icons ?? []) place(new URL(icon.src, manifestUrl).href, `icon of ${manifestPath}`);
  if (manifest.start_url) place(new URL(manifest.start_url, manifestUrl).href, `start_url of ${manifestPath}`);
  place(home('meta[property="og:image"]').attr('content'), 'social card (og:image)');
  const sitemap = load(readText(buildDir, 'sitemap.xml'), {xml: true});
  sitemap('url > loc').each((_, loc) => void place(sitemap(loc).text().trim(), 'sitemap.xml'));
  return entries;
}

/**
 * Serves `buildDir` at `basePath` on loopback and crawls it: recursively from the home page, then
 * each entry point with the links on it. Resolves with every broken URL and where it is linked from.
 */
export async function crawlSite(options: {
  buildDir: string;
  basePath: string;
  entryPoints: readonly EntryPoint[];
}): Promise<CrawlResult> {
  const basePath = normaliseBasePath(options.basePath);
  const server = await serveStatic({root: options.buildDir, baseUrl: basePath, compress: false, httpCache: 'none'});
  const base = `${server.url}/`;
  const origin = new URL(base).origin;
  const check = (paths: string[], recurse: boolean) =>
    new LinkChecker().check({
      path: paths,
      recurse,
      concurrency: 8,
      timeout: 20_000,
      redirects: 'error',
      // Pages are files at extensionless URLs (trailingSlash: false): resolve a page's relative
      // links against /docs/x as a browser does, not against /docs/x/.
      cleanUrls: true,
      checkCss: true,
      linksToSkip: async (link) => {
        try {
          return new URL(link).origin !== origin;
        } catch {
          return true;
        }
      },
    });
  const reasons = new Map<string, string[]>();
  for (const entry of options.entryPoints) {
    const url = new URL(encodeURI(entry.path), base).href;
    reasons.set(url, [...new Set([...(reasons.get(url) ?? []), entry.from])]);
  }
  const shown = (url: string) => sitePath(url, base, basePath)?.replace(/^/, '/') ?? url;
  try {
    const runs = [await check([base], true), await check([...reasons.keys()], false)];
    const links = runs.flatMap((run) => run.links);
    const broken = new Map<string, BrokenLink>();
    for (const link of links.filter((l) => l.state === LinkState.BROKEN)) {
      // linkinator names no parent, or the URL itself, for a URL it started from.
      const started = !link.parent || link.parent === link.url;
      const linkedFrom = started ? (reasons.get(link.url)?.join(', ') ?? 'the home page') : shown(link.parent!);
      broken.set(`${link.url} ${linkedFrom}`, {url: shown(link.url), status: link.status ?? 0, linkedFrom});
    }
    const requested = links.filter((l) => l.state !== LinkState.SKIPPED);
    return {requested: [...new Set(requested.map((l) => shown(l.url)))].sort(), broken: [...broken.values()]};
  } finally {
    await server.close();
  }
}

/** One line per broken URL: what it is, its status and the page (or entry point) that links to it. */
export function formatBroken(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.url} (status ${b.status || 'no response'}) linked from ${b.linkedFrom}`).join('\n');
}
