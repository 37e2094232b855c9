/**
 * Measures what a first visit to each sitemap page loads, from the build's asset graph:
 * the HTML's own tags plus the route chunks the client router fetches before hydrating.
 */
import {promises as fs, existsSync} from 'node:fs';
import path from 'node:path';
import {assetPathInBuild, compressedSizes, parsePageAssets, parseSitemap, sumSizes, type Sizes} from './assets';
import {htmlCandidates} from '../common/staticServer';
import {parseRoutesModule, routeFiles, type ClientManifest} from './routeGraph';
import type {PageWeight} from './budgetCore';

export class UsageError extends Error {}

export interface MeasuredPage extends PageWeight {
  html_: string;
  /** Files relative to the build dir, as the browser requests them. */
  cssFiles: string[];
  jsFiles: string[];
  /** References to other origins (not counted; listed so they are noticed). */
  external: string[];
}

export interface SiteGraph {
  buildDir: string;
  siteUrl: URL;
  baseUrl: string;
  pages: string[];
}

/** Reads the sitemap and the generated route data; throws UsageError when there is no usable build. */
export async function loadSite(buildDir: string, generatedDir: string, baseUrl: string) {
  const sitemap = path.join(buildDir, 'sitemap.xml');
  if (!existsSync(sitemap)) throw new UsageError(`no ${sitemap}: run \`npm run build\` first`);
  const locs = parseSitemap(await fs.readFile(sitemap, 'utf8'));
  if (locs.length === 0) throw new UsageError(`${sitemap} lists no pages`);
  const first = new URL(locs[0]!);
  const siteUrl = new URL(first.origin);
  const need = ['routes.js', 'routesChunkNames.json', 'client-manifest.json'].map((f) => path.join(generatedDir, f));
  for (const file of need) if (!existsSync(file)) throw new UsageError(`no ${file}: run \`npm run build\` first`);
  const routes = parseRoutesModule(await fs.readFile(need[0]!, 'utf8'));
  const chunkNames = JSON.parse(await fs.readFile(need[1]!, 'utf8')) as Record<string, unknown>;
  const manifest = JSON.parse(await fs.readFile(need[2]!, 'utf8')) as ClientManifest;
  const base = baseUrl.replace(/\/?$/, '/');
  const pages = locs.map((loc) => {
    const url = new URL(loc);
    if (url.origin !== siteUrl.origin || !url.pathname.startsWith(base.replace(/\/$/, ''))) {
      throw new UsageError(`sitemap URL ${loc} is outside ${siteUrl.origin}${base} (pass --base-url?)`);
    }
    return `/${url.pathname.slice(base.length)}`;
  });
  return {siteUrl, base, pages, routes, chunkNames, manifest};
}

const sizeCache = new Map<string, Sizes>();
async function fileSizes(file: string): Promise<Sizes> {
  let sizes = sizeCache.get(file);
  if (!sizes) {
    sizes = compressedSizes(await fs.readFile(file));
    sizeCache.set(file, sizes);
  }
  return sizes;
}

export async function measureSite(buildDir: string, generatedDir: string, baseUrl: string): Promise<MeasuredPage[]> {
  const site = await loadSite(buildDir, generatedDir, baseUrl);
  const results: MeasuredPage[] = [];
  for (const page of site.pages) {
    const htmlFile = htmlCandidates(page)
      .map((c) => path.join(buildDir, c))
      .find((f) => existsSync(f));
    if (!htmlFile) throw new UsageError(`sitemap page ${page} has no HTML file in ${buildDir}: is the build complete?`);
    const html = await fs.readFile(htmlFile, 'utf8');
    const pageUrl = new URL(`${site.base.replace(/\/$/, '')}${page}`, site.siteUrl);
    const declared = parsePageAssets(html);
    const external: string[] = [];
    const local = (refs: string[]) =>
      refs.flatMap((ref) => {
        const p = assetPathInBuild(ref, pageUrl, site.siteUrl, site.base);
        if (p === null) external.push(ref);
        return p === null ? [] : [p];
      });
    const route = routeFiles(site.routes, site.chunkNames, site.manifest, `${site.base.replace(/\/$/, '')}${page}`);
    const cssFiles = [...new Set([...local(declared.css), ...route.css])];
    const jsFiles = [...new Set([...local(declared.js), ...route.js])];
    for (const f of [...cssFiles, ...jsFiles]) {
      if (!existsSync(path.join(buildDir, f)))
        throw new UsageError(
          `${page} needs ${f}, which is not in ${buildDir}: .docusaurus/ and build/ are from different builds; rebuild`,
        );
    }
    const sizesOf = async (files: string[]) =>
      sumSizes(await Promise.all(files.map((f) => fileSizes(path.join(buildDir, f)))));
    results.push({
      path: page,
      html_: html,
      html: await fileSizes(htmlFile),
      css: await sizesOf(cssFiles),
      js: await sizesOf(jsFiles),
      files: {css: cssFiles.length, js: jsFiles.length},
      cssFiles,
      jsFiles,
      external,
    });
  }
  return results;
}
