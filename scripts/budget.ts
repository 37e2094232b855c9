/**
 * npm run budget — page weight of every page in build/sitemap.xml against budgets.json.
 * Run after `npm run build`. See docs-internal/performance.md.
 */
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {loadBudgetConfig, parseUsage} from './perf/cli';
import {checkPage, classifyPage, formatTable} from './perf/budgetCore';
import {measureSite, UsageError} from './perf/measure';
import {kb} from './perf/assets';

const HELP = `Usage: npm run budget -- [options]

For every page in the build's sitemap, what a first visit loads: HTML, CSS and JS
(route chunks included), raw and gzipped, from the build's asset graph. Compares the
gzipped sizes with the per-kind budgets in budgets.json and prints a table.

Options:
  --build <dir>      built site (default: build)
  --generated <dir>  Docusaurus generated files of the same build (default: .docusaurus)
  --config <file>    budget config (default: budgets.json)
  --base-url <path>  the site's baseUrl (default: $BASE_URL or /)
  --cross-check      also load every page in Chromium (${'$'}CHROMIUM_PATH or /usr/bin/chromium)
                     and fail if it fetches other CSS/JS files than the graph predicts
  --json             print JSON instead of the table
  -h, --help         this help

Exit codes: 0 all pages within budget; 1 a page over budget (or cross-check mismatch);
2 usage error (bad option, no build, invalid budgets.json).`;

async function main(): Promise<number> {
  const args = parseUsage(HELP, () =>
    parseArgs({
      options: {
        build: {type: 'string', default: 'build'},
        generated: {type: 'string', default: '.docusaurus'},
        config: {type: 'string', default: 'budgets.json'},
        'base-url': {type: 'string', default: process.env.BASE_URL ?? '/'},
        'cross-check': {type: 'boolean', default: false},
        json: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
      },
      allowPositionals: false,
    }).values,
  );
  if (typeof args === 'number') return args;
  const config = await loadBudgetConfig(args.config, 'budget');
  if (!config) return 2;
  const buildDir = path.resolve(args.build);
  const pages = await measureSite(buildDir, path.resolve(args.generated), args['base-url']);
  const verdicts = pages.map((page) => checkPage(page, classifyPage(page.path, page.html_, config.pages)));
  let failed = verdicts.some((v) => v.over.length > 0);

  if (args.json) {
    console.log(JSON.stringify(verdicts.map((v) => ({...v, html_: undefined})), null, 2));
  } else {
    console.log(`First-visit weight per page (KB; gz = gzip -9; budget after the slash)\n`);
    console.log(formatTable(verdicts, config.pages));
    const external = pages.flatMap((p) => p.external.map((e) => `${p.path}: ${e}`));
    if (external.length > 0) console.log(`\nNot counted (other origins):\n${external.join('\n')}`);
  }

  if (args['cross-check']) {
    const {fetchInBrowser, compareFileSets} = await import('./perf/browserCheck');
    const fetched = await fetchInBrowser(buildDir, args['base-url'], pages.map((p) => p.path));
    console.log('\nCross-check against Chromium (fresh context per page, until hydrated and network idle):');
    for (const page of pages) {
      const seen = fetched.find((f) => f.path === page.path)!;
      const js = compareFileSets(page.jsFiles, seen.js);
      const css = compareFileSets(page.cssFiles, seen.css);
      const wrong = [...js.extra, ...css.extra];
      const later = [...js.missing, ...css.missing];
      const notes = [
        ...wrong.map((f) => `PREDICTED BUT NOT FETCHED: ${f}`),
        ...later.map((f) => `also fetched after hydration (added to the budget): ${f}`),
      ];
      console.log(`  ${page.path}: ${seen.js.length} JS + ${seen.css.length} CSS files, ${kb(seen.transferred)} KB on the wire incl. HTML (brotli)${notes.length ? `\n    ${notes.join('\n    ')}` : ', same files as the graph'}`);
      if (wrong.length > 0) failed = true;
      if (later.length > 0) {
        // The browser is the truth: re-check the page with what it really loaded.
        const {compressedSizes, sumSizes} = await import('./perf/assets');
        const extraSizes = async (files: string[]) => sumSizes(await Promise.all(files.map(async (f) => compressedSizes(await fs.readFile(path.join(buildDir, f))))));
        const index = verdicts.findIndex((v) => v.path === page.path);
        const before = verdicts[index]!;
        const jsExtra = await extraSizes(js.missing);
        const cssExtra = await extraSizes(css.missing);
        const add = (a: typeof jsExtra, b: typeof jsExtra) => ({raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli});
        const updated = checkPage(
          {...before, js: add(before.js, jsExtra), css: add(before.css, cssExtra), files: {js: before.files.js + js.missing.length, css: before.files.css + css.missing.length}},
          config.pages.find((r) => r.kind === before.kind),
        );
        verdicts[index] = updated;
        if (updated.over.length > 0) {
          failed = true;
          console.log(`    now OVER: ${updated.over.join('; ')}`);
        }
      }
    }
  }

  const over = verdicts.filter((v) => v.over.length > 0).length;
  // With --json, stdout is the JSON alone (pipe-able); the verdict goes to stderr.
  (args.json ? console.error : console.log)(over === 0 ? `\nAll ${verdicts.length} pages within budget.` : `\n${over} of ${verdicts.length} pages over budget.`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`budget: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(2);
  },
);
