/**
 * Browser-test harness: a static server for build/ on loopback that resolves URLs the way
 * GitHub Pages does, and Debian's Chromium driven by playwright-core.
 *
 * The global setup (globalSetup.ts) starts ONE server and ONE browser for the whole run;
 * each test file connects to that browser with `connectBrowser()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium, type Browser, type BrowserContext, type BrowserServer, type Page} from 'playwright-core';
import {launchChromiumServer, missingChromium} from '../../scripts/common/chromium';
import {serveStatic, type StaticServer} from '../../scripts/common/staticServer';

export {waitForHydration} from '../../scripts/common/hydration';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_DIR = path.join(ROOT, 'build');
/** The site's base path, as in src/content/site.ts (the deploy sets BASE_URL; locally it is `/`). */
export const BASE_PATH = normaliseBase(process.env.BASE_URL ?? '/');

function normaliseBase(base: string): string {
  let result = base.startsWith('/') ? base : `/${base}`;
  if (!result.endsWith('/')) result += '/';
  return result;
}

/** Throws, with what to do, when the browser or the build is missing. The suite never skips. */
export function assertPrerequisites(): void {
  const problems: string[] = [];
  const noChromium = missingChromium();
  if (noChromium) problems.push(noChromium);
  for (const file of ['index.html', 'sitemap.xml', '404.html']) {
    if (!fs.existsSync(path.join(BUILD_DIR, file))) {
      problems.push(`The built site is missing (${path.relative(ROOT, path.join(BUILD_DIR, file))}). Run \`npm run build\` first.`);
      break;
    }
  }
  if (problems.length > 0) {
    throw new Error(`Browser tests cannot run:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Serves build/ on 127.0.0.1 at a free port with the project's static server (scripts/common/staticServer.ts):
 * clean URLs as on GitHub Pages, compressed, and no HTTP caching, so offline tests prove the service worker.
 */
export function startStaticServer(root = BUILD_DIR, basePath = BASE_PATH): Promise<StaticServer> {
  return serveStatic({root, baseUrl: basePath, httpCache: 'none'});
}

export async function launchBrowserServer(): Promise<BrowserServer> {
  return launchChromiumServer();
}

/** Connects to the run's shared browser (started by globalSetup.ts). */
export async function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/** Site-relative paths (no leading slash, relative to the base) of every page in build/sitemap.xml. */
export function sitemapPaths(): string[] {
  const xml = fs.readFileSync(path.join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  const paths: string[] = [];
  for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const loc = match[1]!.trim();
    const pathname = new URL(loc).pathname;
    if (!`${pathname}/`.startsWith(BASE_PATH)) throw new Error(`Sitemap URL outside the base path ${BASE_PATH}: ${loc}`);
    paths.push(pathname.slice(BASE_PATH.length));
  }
  if (paths.length === 0) throw new Error('build/sitemap.xml lists no pages');
  return paths;
}

/** Absolute local URL of a site path ('' is the home page, 'docs/x' a doc). */
export function localUrl(baseUrl: string, sitePath: string): string {
  return new URL(sitePath.replace(/^\//, ''), baseUrl).toString();
}

export interface PageProblems {
  /** Console errors, uncaught exceptions, and React hydration warnings, in order. */
  messages: string[];
}

const HYDRATION = /hydrat|did not match|server rendered HTML|Minified React error #(418|419|422|423|425)/i;

/** Collects console errors, page errors and hydration warnings of a page from now on. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = {messages: []};
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || (message.type() === 'warning' && HYDRATION.test(text))) {
      const where = message.location().url ? ` (${message.location().url})` : '';
      problems.messages.push(`console.${message.type()}: ${text}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.messages.push(`uncaught: ${error.message}`));
  return problems;
}

export interface ContextOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  serviceWorkers?: 'allow' | 'block';
  acceptDownloads?: boolean;
}

/** A fresh context at the given viewport and colour scheme; callers close it. */
export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: {width: options.width ?? 1280, height: options.height ?? 900},
    colorScheme: options.colorScheme ?? 'light',
    // Allowed as in a real browser: with 'block', plugin-pwa's registerSW logs a console error.
    serviceWorkers: options.serviceWorkers ?? 'allow',
    acceptDownloads: options.acceptDownloads ?? true,
    reducedMotion: 'reduce',
  });
  // A missing element fails in 15 s, not 30 s, so a run with missing features stays short.
  context.setDefaultTimeout(15_000);
  return context;
}
