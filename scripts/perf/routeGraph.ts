/**
 * The route half of the asset graph. Docusaurus 3.10 with Faster (rspack) writes only the runtime
 * and main bundle into each page's HTML; the route's own chunks (page component, MDX content,
 * plugin data) are fetched by the client router before hydration. Which chunks a route needs is
 * recorded by the build in `.docusaurus/`:
 *   routes.js             the route tree (ComponentCreator(path, hash) → key `path-hash`)
 *   routesChunkNames.json route key → chunk names (component, content, props, context)
 *   client-manifest.json  chunk name → chunk ids ("origins") → emitted files ("assets")
 */
import {matchRoutes} from 'react-router-config';

export interface RouteNode {
  path: string;
  /** `path-hash`, the key into routesChunkNames.json. */
  key: string;
  exact: boolean;
  routes: RouteNode[];
}

export interface ClientManifest {
  entrypoints: string[];
  origins: Record<string, string[]>;
  assets: Record<string, {js?: {file: string}[]; css?: {file: string}[]}>;
}

/**
 * Reads the route tree from the generated `.docusaurus/routes.js`. The file is a generated
 * array literal; we evaluate it with a stand-in for ComponentCreator that returns the route key.
 */
export function parseRoutesModule(source: string): RouteNode[] {
  const body = source.replace(/^\s*import\s.*$/gm, '').replace(/export\s+default/, 'return');
  const evaluate = new Function('ComponentCreator', 'React', body) as (
    creator: (path: string, hash?: string) => string,
    react: unknown,
  ) => unknown;
  const raw = evaluate((path, hash) => (hash === undefined ? path : `${path}-${hash}`), {});
  const convert = (list: unknown): RouteNode[] =>
    (Array.isArray(list) ? list : []).map((item) => {
      const r = item as {path?: unknown; component?: unknown; exact?: unknown; routes?: unknown};
      return {path: String(r.path), key: String(r.component), exact: r.exact === true, routes: convert(r.routes)};
    });
  return convert(raw);
}

/**
 * The chain of routes rendered for a pathname, outermost first: react-router-config's
 * matchRoutes, the matcher Docusaurus's client runs (resolved through @docusaurus/core on purpose,
 * so it is the copy the site bundles, not a second version of our own).
 */
export function matchRouteChain(routes: readonly RouteNode[], pathname: string): RouteNode[] {
  return matchRoutes([...routes], pathname).map(({route}) => route);
}

/** All chunk names in one routesChunkNames.json entry (its values nest: `__context.plugin`, props…). */
export function chunkNamesOf(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (typeof entry !== 'object' || entry === null) return [];
  return Object.values(entry).flatMap(chunkNamesOf);
}

/** The files (relative to the build dir) the given chunk names pull in, in first-seen order. */
export function filesForChunks(manifest: ClientManifest, chunkNames: readonly string[]): {js: string[]; css: string[]} {
  const js: string[] = [];
  const css: string[] = [];
  for (const name of chunkNames) {
    for (const id of manifest.origins[name] ?? [name]) {
      const asset = manifest.assets[id];
      for (const f of asset?.js ?? []) if (!js.includes(f.file)) js.push(f.file);
      for (const f of asset?.css ?? []) if (!css.includes(f.file)) css.push(f.file);
    }
  }
  return {js, css};
}

/** Route chunks a first visit of `pathname` loads (without the entrypoint, which the HTML names). */
export function routeFiles(
  routes: readonly RouteNode[],
  chunkNames: Record<string, unknown>,
  manifest: ClientManifest,
  pathname: string,
): {js: string[]; css: string[]; chain: string[]} {
  const chain = matchRouteChain(routes, pathname);
  const names = chain.flatMap((route) => chunkNamesOf(chunkNames[route.key]));
  return {...filesForChunks(manifest, names), chain: chain.map((r) => r.key)};
}
