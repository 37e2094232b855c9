/**
 * npm run lighthouse — Lighthouse 12.8.2 on Debian Chromium, mobile and desktop presets, on the
 * pages listed in budgets.json (lighthouse.pages). The CLI: options, report and exit code; the runs
 * themselves are scripts/perf/lighthouseRun.ts. Not part of `npm test`: CI runs it as a separate
 * job (.github/workflows/perf.yml). See docs-internal/performance.md.
 */
import {promises as fs, existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {loadBudgetConfig, parseUsage} from './perf/cli';
import {formatComparisonTable, formatLighthouseTable, type LighthouseRow, type Preset} from './perf/lighthouseCore';
import {runLighthouse, type LighthouseRunOptions, type LighthouseRunResult} from './perf/lighthouseRun';
import {missingChromium} from './common/chromium';
import {htmlCandidates} from './common/staticServer';

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

interface CliOptions extends LighthouseRunOptions {
  against?: string;
  jsonFile?: string;
  summaryFile?: string;
}

/** The options, or an exit code when they are unusable (the problem is printed). */
async function readOptions(): Promise<CliOptions | number> {
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
  return {
    buildDir: path.resolve(args.build),
    againstDir: args.against === undefined ? undefined : path.resolve(args.against),
    against: args.against,
    baseUrl: args['base-url'],
    pages: args.page ?? config.lighthouse.pages,
    presets,
    runs,
    compress: !args['no-compress'],
    minScores: config.lighthouse.minScores,
    reportsDir: args.reports,
    jsonFile: args.json,
    summaryFile: args.summary,
  };
}

/** What is missing to run at all (a build, a page in it, Chromium), or undefined. */
function missingInput(options: CliOptions): string | undefined {
  for (const dir of options.againstDir ? [options.buildDir, options.againstDir] : [options.buildDir]) {
    if (!existsSync(path.join(dir, 'index.html'))) return `no built site in ${dir}: run \`npm run build\` first`;
    const missing = options.pages.filter((p) => !htmlCandidates(p).some((c) => existsSync(path.join(dir, c))));
    if (missing.length > 0) return `not in ${dir}: ${missing.join(', ')}`;
  }
  return missingChromium();
}

/** Prints the tables and the verdict, and writes the JSON and job summary when asked; true if a page failed. */
async function report(options: CliOptions, {rows, comparisons, seconds}: LighthouseRunResult): Promise<boolean> {
  const table = formatLighthouseTable(rows);
  const failing = [...new Set(rows.flatMap((r) => r.failing.map((f) => `${r.page} (${r.preset}) ${f}`)))];
  const failed = rows.some((r) => r.problems.length > 0);
  const verdict = failed ? 'Some pages miss their Lighthouse budget.' : 'All pages meet their Lighthouse budget.';
  const how = `Lighthouse 12.8.2, ${options.compress ? 'brotli/gzip' : 'uncompressed'}, ${seconds.toFixed(0)} s. Figures are the median run's; performance is judged on the best run, the other scores on every run.`;
  console.log(`\n${how}\n\n${table}`);
  if (failing.length > 0) console.log(`\nAudits below 100 in a11y/best practices/SEO:\n${failing.map((f) => `- ${f}`).join('\n')}`);
  const comparison = comparisons.length > 0 ? `Against ${options.against} (before) in alternating runs; medians:\n\n${formatComparisonTable(comparisons)}` : '';
  if (comparison) console.log(`\n${comparison}`);
  console.log(`\n${verdict}`);
  if (options.jsonFile) await fs.writeFile(options.jsonFile, `${JSON.stringify(rows, null, 2)}\n`);
  if (options.summaryFile) {
    await fs.appendFile(
      options.summaryFile,
      `## Lighthouse\n\n${how}\n\n${table}\n\n${failing.length ? `${failing.map((f) => `- ${f}`).join('\n')}\n\n` : ''}${comparison ? `${comparison}\n\n` : ''}${verdict}\n`,
    );
  }
  return failed;
}

function printRow(row: LighthouseRow): void {
  const {scores} = row;
  const problems = row.problems.length ? `  FAIL ${row.problems.join('; ')}` : '';
  console.log(`${row.page} ${row.preset}: perf ${scores.performance} (best ${row.bestPerformance}) a11y ${scores.accessibility} best ${scores['best-practices']} seo ${scores.seo}${problems}`);
}

async function main(): Promise<number> {
  const options = await readOptions();
  if (typeof options === 'number') return options;
  const missing = missingInput(options);
  if (missing) {
    console.error(`lighthouse: ${missing}`);
    return 2;
  }
  const failed = await report(options, await runLighthouse(options, printRow));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
