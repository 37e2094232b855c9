// @ts-check
/* global self, caches, fetch, URL */
/**
 * Extra service-worker code for @docusaurus/plugin-pwa (its `swCustom` option; the plugin
 * compiles only .js here, hence plain JavaScript with JSDoc types).
 *
 * The plugin's worker looks a URL up as itself and as `<url>/index.html`. With
 * `trailingSlash: false` Docusaurus writes `/docs/service-mesh` to `docs/service-mesh.html`,
 * so clean page URLs missed the precache and failed offline. Here, a same-origin GET whose
 * last path segment has no dot is answered from the precached `<url>.html` when there is
 * one, else from the network.
 */

/**
 * @param {string} requestUrl
 * @param {string} origin
 * @returns {string | undefined}
 */
export function htmlFileFor(requestUrl, origin) {
  const url = new URL(requestUrl);
  if (url.origin !== origin) return undefined;
  const last = url.pathname.split('/').pop() ?? '';
  if (last === '' || last.includes('.')) return undefined; // Files and `/` paths: the plugin's own lookup.
  return `${url.origin}${url.pathname}.html`;
}

/**
 * @typedef {{request: Request, respondWith(response: Promise<Response>): void}} FetchEventLike
 * @typedef {{location: Location, addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void}} WorkerScope
 */

/** @param {{offlineMode: boolean}} params */
export default function swCustom(params) {
  if (!params.offlineMode) return;
  const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));
  scope.addEventListener('fetch', (event) => {
    if (event.request.method !== 'GET') return;
    const htmlUrl = htmlFileFor(event.request.url, scope.location.origin);
    if (!htmlUrl) return;
    // Precached entries carry a `__WB_REVISION__` query, hence ignoreSearch.
    event.respondWith(caches.match(htmlUrl, {ignoreSearch: true}).then((cached) => cached ?? fetch(event.request)));
  });
}
