// @ts-check
/* global self, caches, fetch, URL */
/**
 * Extra service-worker code for @docusaurus/plugin-pwa (its `swCustom` option; the plugin
 * compiles only .js here, hence plain JavaScript with JSDoc types). It runs before the plugin
 * adds its own listeners, so this fetch listener is the first to see a request.
 *
 * Only this site's precache may answer. On GitHub Pages every project of an account shares one
 * origin, and so one CacheStorage, and `caches.match()`, which the plugin's worker uses, searches
 * every cache on the origin: a page or script another project cached under one of our URLs would
 * be served to our readers. So every GET under the worker's scope (the site's base URL) is
 * answered here, from this site's precache or else from the network, and the plugin's listener
 * does not run for it.
 *
 * Lookups: the URL itself, `<url>/index.html` (the plugin's two), and, for a clean URL (last
 * segment without a dot), `<url>.html`: with `trailingSlash: false` Docusaurus writes
 * `/docs/service-mesh` to `docs/service-mesh.html`, so clean page URLs missed the precache.
 */

/**
 * The precache's name, as workbox-core's `cacheNames.getPrecacheName()` builds it (prefix,
 * `precache-v2`, the registration's scope); sw.test.ts holds the two together.
 * @param {string} scope
 */
export function precacheNameFor(scope) {
  return `workbox-precache-v2-${scope}`;
}

/**
 * The precache entries that may answer a request, in order; none for a URL outside the scope.
 * @param {string} requestUrl
 * @param {string} scope the worker's scope: the site's origin and base URL, ending in `/`
 * @returns {string[]}
 */
export function precacheUrlsFor(requestUrl, scope) {
  const url = new URL(requestUrl);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return [];
  const page = `${url.origin}${url.pathname}`;
  const last = url.pathname.split('/').pop() ?? '';
  return [
    page,
    `${page}${page.endsWith('/') ? '' : '/'}index.html`,
    ...(last === '' || last.includes('.') ? [] : [`${page}.html`]),
  ];
}

/**
 * @typedef {{request: Request, respondWith(response: Promise<Response>): void, stopImmediatePropagation(): void}} FetchEventLike
 * @typedef {{registration: {scope: string}, addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void}} WorkerScope
 */

/** @param {{offlineMode: boolean}} params */
export default function swCustom(params) {
  if (!params.offlineMode) return;
  const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));
  scope.addEventListener('fetch', (event) => {
    if (event.request.method !== 'GET') return;
    const candidates = precacheUrlsFor(event.request.url, scope.registration.scope);
    if (candidates.length === 0) return;
    event.stopImmediatePropagation();
    event.respondWith(
      caches.open(precacheNameFor(scope.registration.scope)).then(async (precache) => {
        for (const candidate of candidates) {
          // Precached entries carry a `__WB_REVISION__` query, hence ignoreSearch.
          const cached = await precache.match(candidate, {ignoreSearch: true});
          if (cached) return cached;
        }
        return fetch(event.request);
      }),
    );
  });
}
