import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {AFTER_PAINT_ATTRIBUTE} from '../utils/ssrTemplate';
import {htmlCandidates} from '../../scripts/perf/assets';
import {parseRoutesModule, routeFiles, type ClientManifest} from '../../scripts/perf/routeGraph';

const isRuntimeChunk = (src: string) => /(^|\/)runtime~[^/]*\.js$/.test(src);

/**
 * Adds each page's route chunks (page component, MDX content, sidebar data) to the after-paint
 * loader's list in its HTML, ahead of the main bundle, and moves the webpack runtime to the end.
 * The loader runs the list in order, and every chunk that runs before the runtime waits in its
 * chunk queue; the runtime then starts the app from its own evaluation.
 * - Route chunks first: otherwise `main.js` finds out which chunks the page needs only once it
 *   runs, and appends their <script> tags from inside its own evaluation: a second round trip
 *   before hydration, and about 40 ms of a phone's main thread in its longest task.
 * - Runtime last: when a stack is captured during start-up (a trace records one for each timer
 *   set, and Lighthouse and DevTools trace), Chrome re-parses each function on it to name its
 *   frame. Started from `main.js`, the bottom frame is its top-level code, 390 KB on one line and
 *   about 30 ms to re-parse; started from the runtime, 4 KB (docs-internal/performance.md).
 */
export function withRouteScripts(html: string, scripts: readonly string[]): string {
  const attribute = new RegExp(`(${AFTER_PAINT_ATTRIBUTE}=)(["']?)([^"'>]*)\\2`);
  return html.replace(attribute, (_match, name: string, _quote: string, value: string) => {
    const listed = value.split(/\s+/).filter(Boolean);
    const merged = [...scripts.filter((s) => !listed.includes(s)), ...listed];
    const ordered = [...merged.filter((s) => !isRuntimeChunk(s)), ...merged.filter(isRuntimeChunk)];
    return `${name}"${ordered.join(' ')}"`;
  });
}

export default function routeScriptsPlugin(context: LoadContext): Plugin<unknown> {
  return {
    name: 'route-scripts',
    // Synchronous on purpose: postBuild hooks run concurrently, and the PWA plugin (listed after
    // this one) hashes the HTML for its precache; all rewriting is done before its hook starts.
    postBuild({outDir, routesPaths, baseUrl}) {
      const read = (file: string) => readFileSync(path.join(context.generatedFilesDir, file), 'utf8');
      const routes = parseRoutesModule(read('routes.js'));
      const chunkNames = JSON.parse(read('routesChunkNames.json')) as Record<string, unknown>;
      const manifest = JSON.parse(read('client-manifest.json')) as ClientManifest;
      for (const routePath of new Set(routesPaths)) {
        const relative = routePath.startsWith(baseUrl) ? routePath.slice(baseUrl.length - 1) : routePath;
        const file = htmlCandidates(relative)
          .map((candidate) => path.join(outDir, candidate))
          .find((candidate) => existsSync(candidate));
        if (!file) continue;
        const scripts = routeFiles(routes, chunkNames, manifest, routePath).js.map((f) => `${baseUrl}${f}`);
        const html = readFileSync(file, 'utf8');
        const updated = withRouteScripts(html, scripts);
        if (updated !== html) writeFileSync(file, updated);
      }
      return Promise.resolve();
    },
  };
}
