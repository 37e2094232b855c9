/**
 * npm run lighthouse — Lighthouse 12.8.2 on Debian Chromium, mobile and desktop presets, on the
 * pages listed in budgets.json (lighthouse.pages), with build/ served compressed by
 * scripts/shared/staticServer.ts. One Chrome, sequential runs. Not part of `npm test`: CI runs it as a
 * separate job (.github/workflows/perf.yml). See docs-internal/performance.md.
 */
import {promises as fs, existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {loadBudgetConfig, parseUsage} from './perf/cli';
import {
  figuresFromLhr,
  formatComparisonTable,
  formatLighthouseTable,
  summariseRuns,
  type Comparison,
  type LighthouseFigures,
  type LighthouseRow,
  type Preset,
} from './perf/lighthouseCore';
import {htmlCandidates, serveStatic} from './shared/staticServer';

const HELP = `Usage: npm run lighthouse -- [options]

Runs Lighthouse (mobile and desktop presets) on the pages in budgets.json against the built
site, served with brotli/gzip on 127.0.0.1. Prints each score, LCP, TBT, CLS, transferred bytes
and Lighthouse's index of the host's CPU speed (lower means a slower or busier host, and lower
scores).

Options:
  --build <dir>       built site (default: build)
  --config <file>     budgets (default: budgets.json)
  --base-url <path>   the site's baseUrl (default: $BASE_URL or /)
  --page <path>       audit only this page (repeatable; default: lighthouse.pages)
  --preset <name>     mobile, desktop or both (default: both)
  --runs <n>          runs per page and preset (default: 1). The table shows the median run;
                      performance is judged on the best run (a busy host only slows runs down),
                      accessibility, best practices and SEO on every run
  --against <dir>     also measure this other build, alternating runs with --build, and print
                      both medians side by side (judge a change on a noisy machine with this)
  --no-compress       serve without compression (to see what it is worth)
  --json <file>       also write all figures as JSON
  --reports <dir>     also save each run's full Lighthouse report (JSON) there, for diagnosis
  --summary <file>    append the table as Markdown (default: $GITHUB_STEP_SUMMARY when set)
  -h, --help          this help

Environment: CHROMIUM_PATH (default /usr/bin/chromium).
Exit codes: 0 all budgets met; 1 a page under its minimum score; 2 usage error (e.g. no build).`;

async function main(): Promise<number> {
  const args = parseUsage(HELP, () =>
    parseArgs({
      options: {
        build: {type: 'string', default: 'build'},
        config: {type: 'string', default: 'budgets.json'},
        'base-url': {type: 'string', default: process.env.BASE_URL ?? '/'},
        page: {type: 'string', multiple: true},
        preset: {type: 'string', default: 'both'},
        runs: {type: 'string', default: '1'},
        against: {type: 'string'},
        'no-compress': {type: 'boolean', default: false},
        json: {type: 'string'},
        reports: {type: 'string'},
        summary: {type: 'string', default: process.env.GITHUB_STEP_SUMMARY},
        help: {type: 'boolean', short: 'h', default: false},
      },
    }).values,
  );
  if (typeof args === 'number') return args;
  const presets: Preset[] = args.preset === 'both' ? ['mobile', 'desktop'] : args.preset === 'mobile' || args.preset === 'desktop' ? [args.preset] : [];
  const runs = Number(args.runs);
  if (presets.length === 0 || !Number.isInteger(runs) || runs < 1) {
    console.error(`lighthouse: --preset must be mobile, desktop or both, and --runs a positive integer\n\n${HELP}`);
    return 2;
  }
  const config = await loadBudgetConfig(args.config, 'lighthouse');
  if (!config) return 2;
  const buildDir = path.resolve(args.build);
  const baselineDir = args.against === undefined ? undefined : path.resolve(args.against);
  const pages = args.page ?? config.lighthouse.pages;
  for (const dir of baselineDir ? [buildDir, baselineDir] : [buildDir]) {
    if (!existsSync(path.join(dir, 'index.html'))) {
      console.error(`lighthouse: no built site in ${dir}: run \`npm run build\` first`);
      return 2;
    }
    const missing = pages.filter((p) => !htmlCandidates(p).some((c) => existsSync(path.join(dir, c))));
    if (missing.length > 0) {
      console.error(`lighthouse: not in ${dir}: ${missing.join(', ')}`);
      return 2;
    }
  }
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromePath)) {
    console.error(`lighthouse: no Chromium at ${chromePath} (set CHROMIUM_PATH)`);
    return 2;
  }

  const {default: lighthouse} = await import('lighthouse');
  const {default: desktopConfig} = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');

  const serve = (root: string) => serveStatic({root, baseUrl: args['base-url'], compress: !args['no-compress'], precompress: true});
  const server = await serve(buildDir);
  const baselineServer = baselineDir ? await serve(baselineDir) : undefined;
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: LighthouseRow[] = [];
  const comparisons: Comparison[] = [];
  const started = Date.now();
  if (args.reports) await fs.mkdir(args.reports, {recursive: true});
  try {
    for (const page of pages) {
      for (const preset of presets) {
        const audit = async (origin: string, run: number, label: string): Promise<LighthouseFigures> => {
          const result = await lighthouse(
            `${origin}${page}`,
            {port: chrome.port, output: 'json', logLevel: 'error'},
            preset === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
          if (result.lhr.runtimeError) throw new Error(`${page} (${preset}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
          if (args.reports) {
            const name = `${page.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.${preset}.${label}${run + 1}.json`;
            await fs.writeFile(path.join(args.reports, name), JSON.stringify(result.lhr));
          }
          return figuresFromLhr(result.lhr as never, page, preset);
        };
        const results: LighthouseFigures[] = [];
        const baseline: LighthouseFigures[] = [];
        for (let run = 0; run < runs; run++) {
          // Alternate which build goes first, so neither gains from a warmer or quieter moment.
          if (baselineServer && run % 2 === 1) baseline.push(await audit(baselineServer.url, run, 'against.'));
          results.push(await audit(server.url, run, ''));
          if (baselineServer && run % 2 === 0) baseline.push(await audit(baselineServer.url, run, 'against.'));
        }
        const row = summariseRuns(results, config.lighthouse.minScores);
        rows.push(row);
        if (baselineServer) comparisons.push({page, preset, baseline, candidate: results});
        console.log(`${page} ${preset}: perf ${row.scores.performance} (best ${row.bestPerformance}) a11y ${row.scores.accessibility} best ${row.scores['best-practices']} seo ${row.scores.seo}${row.problems.length ? `  FAIL ${row.problems.join('; ')}` : ''}`);
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
    await baselineServer?.close();
  }

  const table = formatLighthouseTable(rows);
  const failing = [...new Set(rows.flatMap((r) => r.failing.map((f) => `${r.page} (${r.preset}) ${f}`)))];
  const failed = rows.some((r) => r.problems.length > 0);
  const verdict = failed ? 'Some pages miss their Lighthouse budget.' : 'All pages meet their Lighthouse budget.';
  const how = `Lighthouse 12.8.2, ${args['no-compress'] ? 'uncompressed' : 'brotli/gzip'}, ${((Date.now() - started) / 1000).toFixed(0)} s. Figures are the median run's; performance is judged on the best run, the other scores on every run.`;
  console.log(`\n${how}\n\n${table}`);
  if (failing.length > 0) console.log(`\nAudits below 100 in a11y/best practices/SEO:\n${failing.map((f) => `- ${f}`).join('\n')}`);
  const comparison = comparisons.length > 0 ? `Against ${args.against} (before) in alternating runs; medians:\n\n${formatComparisonTable(comparisons)}` : '';
  if (comparison) console.log(`\n${comparison}`);
  console.log(`\n${verdict}`);
  if (args.json) await fs.writeFile(args.json, `${JSON.stringify(rows, null, 2)}\n`);
  if (args.summary) {
    await fs.appendFile(
      args.summary,
      `## Lighthouse\n\n${how}\n\n${table}\n\n${failing.length ? `${failing.map((f) => `- ${f}`).join('\n')}\n\n` : ''}${comparison ? `${comparison}\n\n` : ''}${verdict}\n`,
    );
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
