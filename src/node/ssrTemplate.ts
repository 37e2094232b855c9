/**
 * The page template (Docusaurus `ssrTemplate`): the stock one, read from @docusaurus/core, except
 * how the app's scripts load.
 *
 * Stock pages list `<script defer>` in <head>, so the browser fetches ~150 KB of JS from the first
 * bytes of HTML on, sharing a slow phone connection with the stylesheet and the page itself. Every
 * page here is server-rendered and readable without JS (the browser tests check it), so the
 * scripts are requested once the first contentful paint is on screen, one per task. They still
 * run in list order (`async = false`) and hydrate as before; only the webpack runtime moves to
 * the end of the list (RUNTIME_LAST below). What the reader loses is one round
 * trip before the page becomes interactive; what they gain is that the text appears with the
 * whole connection behind it (docs-internal/performance.md).
 */
import stockSsrTemplate from '@docusaurus/core/lib/ssg/ssgTemplate.html';
import {AFTER_PAINT_ATTRIBUTE} from '../content/site';

const loadScriptsAfterFirstPaint = `
(function () {
  var scripts = document.currentScript.getAttribute('${AFTER_PAINT_ATTRIBUTE}').split(' ');
  // One script per task: appending a <script> costs a few ms of main thread each.
  function load() {
    var src = scripts.shift();
    if (!src) return;
    var script = document.createElement('script');
    script.src = src;
    script.async = false;
    document.head.appendChild(script);
    setTimeout(load, 0);
  }
  var started = false;
  function start() {
    if (started) return;
    started = true;
    setTimeout(load, 0);
  }
  // The first-contentful-paint entry arrives once the first frame with text is on screen.
  // Without paint timing, the frame after the next; a hidden tab paints nothing, hence the timer.
  function afterFirstPaint() {
    try {
      new PerformanceObserver(function (list) {
        if (list.getEntriesByName('first-contentful-paint').length) start();
      }).observe({type: 'paint', buffered: true});
    } catch (error) {
      requestAnimationFrame(start);
    }
    setTimeout(start, 3000);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFirstPaint);
  else afterFirstPaint();
})();`;

/** Where the stock template lists the app's scripts: one `<script defer>` each, in <head>. */
const STOCK_SCRIPTS =
  /<% it\.scripts\.forEach\(\(script\) => \{ %>\s*<script src="<%= it\.baseUrl %><%= script %>" defer><\/script>\s*<% \}\); %>/g;

/**
 * The webpack runtime's file: webpack names the chunk `runtime~<entry>` when `runtimeChunk` is
 * on, as Docusaurus sets it. Matched in the template, where only the file names are known.
 */
const RUNTIME_CHUNK_FILE = /(^|\/)runtime~[^/]*\.js$/;

/**
 * The scripts in the stock order, except that the webpack runtime comes last. `main.js` then
 * only queues its modules when it runs (a task that is mostly V8's compile), and the runtime
 * starts the app in a task of its own, instead of both in one long task. Webpack's runtime runs
 * whatever chunks were queued before it, so the app starts the same way.
 */
const RUNTIME_LAST = `<% const isRuntime = (script) => ${RUNTIME_CHUNK_FILE}.test(script); const scripts = it.scripts.filter((script) => !isRuntime(script)).concat(it.scripts.filter(isRuntime)); %>`;

const SCRIPTS_AFTER_PAINT = `${RUNTIME_LAST}<script ${AFTER_PAINT_ATTRIBUTE}="<% scripts.forEach((script, i) => { %><%= i ? ' ' : '' %><%= it.baseUrl %><%= script %><% }); %>">${loadScriptsAfterFirstPaint}</script>`;

/**
 * The stock template with its script tags replaced by the after-paint loader, and nothing else
 * changed. Throws when the stock template no longer lists its scripts the way this expects (a
 * Docusaurus upgrade changed it): the build stops instead of shipping pages without scripts.
 */
export function deriveSsrTemplate(stock: string): string {
  const found = stock.match(STOCK_SCRIPTS)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `src/node/ssrTemplate.ts: expected the script tags of Docusaurus' page template ` +
        `(@docusaurus/core/lib/ssg/ssgTemplate.html.js) once, found them ${found} times. ` +
        'Docusaurus changed how pages load their scripts: see the upgrade checklist in docs-internal/performance.md.',
    );
  }
  return stock.replace(STOCK_SCRIPTS, SCRIPTS_AFTER_PAINT);
}

export const ssrTemplate = deriveSsrTemplate(stockSsrTemplate);
