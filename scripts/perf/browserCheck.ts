/**
 * Cross-checks the asset graph against what Chromium really fetches on a first visit:
 * a fresh browser context per page (empty cache, no service worker), the build served by
 * scripts/common/staticServer.ts, every response recorded until the network is idle.
 */
import {launchChromium} from '../common/chromium';
import {serveStatic} from '../common/staticServer';
import {waitForHydration} from '../common/hydration';

export interface FetchedPage {
  path: string;
  css: string[];
  js: string[];
  /** Bytes on the wire for CSS + JS + the document, as Chromium saw them (compressed). */
  transferred: number;
}

/** The difference between two file lists: what the browser fetched and the graph missed, and the reverse. */
export function compareFileSets(
  predicted: readonly string[],
  fetched: readonly string[],
): {missing: string[]; extra: string[]} {
  return {
    missing: fetched.filter((f) => !predicted.includes(f)),
    extra: predicted.filter((f) => !fetched.includes(f)),
  };
}

export async function fetchInBrowser(
  buildDir: string,
  baseUrl: string,
  pages: readonly string[],
): Promise<FetchedPage[]> {
  const server = await serveStatic({root: buildDir, baseUrl});
  const browser = await launchChromium();
  const base = baseUrl.replace(/\/?$/, '/');
  try {
    const results: FetchedPage[] = [];
    for (const page of pages) {
      const context = await browser.newContext({serviceWorkers: 'block'});
      const tab = await context.newPage();
      const css: string[] = [];
      const js: string[] = [];
      const sizes: Promise<number>[] = [];
      tab.on('response', (response) => {
        const url = new URL(response.url());
        const type = response.request().resourceType();
        if (!url.href.startsWith(server.url) || !url.pathname.startsWith(base)) return;
        const file = decodeURIComponent(url.pathname.slice(base.length));
        if (type === 'stylesheet') css.push(file);
        if (type === 'script') js.push(file);
        if (type === 'stylesheet' || type === 'script' || type === 'document') {
          sizes.push(
            response
              .request()
              .sizes()
              .then((s) => s.responseBodySize + s.responseHeadersSize)
              .catch(() => 0),
          );
        }
      });
      await tab.goto(`${server.url}${page}`, {waitUntil: 'load'});
      // Route chunks are requested by main.js before React hydrates; on 2 busy cores that can
      // start after a plain "network idle".
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await waitForHydration(tab, {timeout: 60_000}).catch((error: unknown) => {
        throw new Error(
          `${page} did not hydrate within 60 s${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}: ${String(error)}`,
        );
      });
      await tab.waitForLoadState('networkidle');
      results.push({
        path: page,
        css: [...new Set(css)],
        js: [...new Set(js)],
        transferred: (await Promise.all(sizes)).reduce((a, b) => a + b, 0),
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
