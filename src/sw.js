// @ts-check
/* global self, caches, fetch, URL */
/**
 * Extra service-worker code for @docusaurus/plugin-pwa (its `swCustom` option; the plugin
 * compiles only .js here, hence plain JavaScript with JSDoc types).
 *
 * The plugin's worker looks a URL up as itself and as `<url>/index.html`. With
 * `trailingSlash: false` Docusaurus writes `/docs/service-mesh` to `docs/service-mesh.html`,
 * so clean page URLs missed the precache and failed offline. Here, a GET inside the worker's
 * scope (the site's base URL) whose last path segment has no dot is answered from this site's
 * precached `<url>.html` when there is one, else from the network.
 *
 * Only this site's precache may answer. On GitHub Pages every project of an account shares one
 * origin, and so one CacheStorage: `caches.match()` searches every cache on the origin, so a
 * page another project cached under our URL would be served to our readers.
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
 * @param {string} requestUrl
 * @param {string} scope the worker's scope: the site's origin and base URL, ending in `/`
 * @returns {string | undefined}
 */
export function htmlFileFor(requestUrl, scope) {
  const url = new URL(requestUrl);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  const last = url.pathname.split('/').pop() ?? '';
  if (last === '' || last.includes('.')) return undefined; // Files and `/` paths: the plugin's own lookup.
  return `${url.origin}${url.pathname}.html`;
}

/**
 * @typedef {{request: Request, respondWith(response: Promise<Response>): void}} FetchEventLike
 * @typedef {{registration: {scope: string}, addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void}} WorkerScope
 */

/** @param {{offlineMode: boolean}} params */
export default function swCustom(params) {
  if (!params.offlineMode) return;
  const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));
  scope.addEventListener('fetch', (event) => {
    if (event.request.method !== 'GET') return;
    const htmlUrl = htmlFileFor(event.request.url, scope.registration.scope);
    if (!htmlUrl) return;
    // Precached entries carry a `__WB_REVISION__` query, hence ignoreSearch.
    event.respondWith(
      caches
        .open(precacheNameFor(scope.registration.scope))
        .then((precache) => precache.match(htmlUrl, {ignoreSearch: true}))
        .then((cached) => cached ?? fetch(event.request)),
    );
  });
}
