/**
 * npm run bench:blocking — the main thread's blocking time on a page load as a reader's browser
 * reports it, untraced, for one build or two in alternating runs. The figure the register
 * (docs-internal/performance.md) asks a kept tweak to improve beyond the noise. The loads are
 * scripts/bench/blockingRun.ts; the figures and the verdict scripts/bench/blockingCore.ts.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parseUsage} from '../perf/cli';
import {htmlCandidates} from '../common/staticServer';
import {missingChromium} from '../common/chromium';
import {formatBlockingReport} from './blockingCore';
import {measureBlocking, type BlockingRunOptions} from './blockingRun';

const HELP = `Usage: npm run bench:blocking -- [options]

Loads a page of the built site in Chromium with the CPU slowed down, and sums what its long
tasks (the browser's Long Tasks API, no tracing) run after the first contentful paint beyond
50 ms each: Lighthouse's Total Blocking Time rule, as a reader's browser sees it. Prints the
medians; with --against, both builds in alternating runs and whether the difference is beyond
the noise (Mann-Whitney test). About 5 s per load on 2 cores. A load ends a moment after the
page marks <html> data-site-hydrated (src/theme/Layout): builds older than that marker fail.

Options:
  --build <dir>         built site (default: build)
  --against <dir>       another build to compare with, loaded in alternating runs
  --page <path>         the page (default: /docs/container-fundamentals)
  --runs <n>            loads per build (default: 15; a comparison needs 7 or more)
  --cpu-slowdown <n>    CPU throttling factor (default: 4, Lighthouse's mobile preset)
  --base-url <path>     the site's baseUrl (default: $BASE_URL or /)
  -h, --help            this help

Environment: CHROMIUM_PATH (default /usr/bin/chromium).
Exit codes: 0 measured; 1 a load failed (the page did not hydrate); 2 usage error (e.g. no build, no Chromium).`;

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${option} must be a positive number, not "${value}"`);
  return n;
}

function parse(argv: string[]): BlockingRunOptions & {help: boolean} {
  const {values} = parseArgs({
    args: argv,
    options: {
      build: {type: 'string', default: 'build'},
      against: {type: 'string'},
      page: {type: 'string', default: '/docs/container-fundamentals'},
      runs: {type: 'string', default: '15'},
      'cpu-slowdown': {type: 'string', default: '4'},
      'base-url': {type: 'string', default: process.env.BASE_URL ?? '/'},
      help: {type: 'boolean', short: 'h', default: false},
    },
  });
  const runs = positive(values.runs, '--runs');
  if (!Number.isInteger(runs)) throw new Error(`--runs must be a whole number, not "${values.runs}"`);
  return {
    help: values.help,
    buildDir: values.build,
    againstDir: values.against,
    page: values.page,
    runs,
    cpuSlowdown: positive(values['cpu-slowdown'], '--cpu-slowdown'),
    baseUrl: values['base-url'],
  };
}

/** A usage problem with the builds, named before any browser starts. */
function buildProblem(dir: string, page: string): string | undefined {
  if (!existsSync(path.join(dir, 'index.html'))) return `${dir} is not a built site (no index.html): run \`npm run build\` first`;
  if (!htmlCandidates(page).some((file) => existsSync(path.join(dir, file)))) return `${dir} has no page ${page}`;
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  const options = parseUsage(HELP, () => parse(argv));
  if (typeof options === 'number') return options;
  for (const dir of [options.buildDir, options.againstDir]) {
    const problem = dir === undefined ? undefined : buildProblem(dir, options.page);
    if (problem) {
      console.error(`bench:blocking: ${problem}`);
      return 2;
    }
  }
  const noChromium = missingChromium();
  if (noChromium) {
    console.error(`bench:blocking: ${noChromium}`);
    return 2;
  }
  try {
    console.log(formatBlockingReport(options.page, await measureBlocking(options)));
    return 0;
  } catch (error) {
    console.error(`bench:blocking: ${(error as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
