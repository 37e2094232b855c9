/**
 * npm run bench:build — cold and warm `docusaurus build` times with Faster (rspack) on and off,
 * and their ratio, in one run. Cold = caches cleared (`.docusaurus`, node_modules/.cache);
 * warm = the same build again with the cache the cold build left. Builds go to a temporary
 * directory, so build/ is left alone. Faster is switched with DOCUSAURUS_FASTER (docusaurus.config.ts).
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {median} from '../common/median';
import {parseUsage} from '../perf/cli';

const HELP = `Usage: npm run bench:build -- [--runs N] [--only faster|webpack]

Times \`docusaurus build\` cold and warm, with Faster on (rspack) and off (webpack), and prints
the times and the webpack/Faster ratio. Clears .docusaurus and node_modules/.cache first, for the
cold builds. Output goes to a temporary directory. Takes a few minutes on 2 cores.

Options:
  --runs N   warm builds per bundler; the median is reported (default 1)
  --only X   measure only faster or webpack
  -h, --help this help
Exit codes: 0 done; 1 a build failed; 2 usage error.`;

function clearCaches(): void {
  for (const dir of ['.docusaurus', 'node_modules/.cache']) rmSync(dir, {recursive: true, force: true});
}

function timeBuild(faster: boolean, outDir: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('npx', ['docusaurus', 'build', '--out-dir', outDir], {
    env: {...process.env, DOCUSAURUS_FASTER: faster ? 'true' : 'false'},
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`build with Faster ${faster ? 'on' : 'off'} failed:\n${result.stderr.slice(-2000)}`);
  return seconds;
}

function main(): number {
  const args = parseUsage(HELP, () =>
    parseArgs({options: {runs: {type: 'string', default: '1'}, only: {type: 'string'}, help: {type: 'boolean', short: 'h', default: false}}}).values,
  );
  if (typeof args === 'number') return args;
  const runs = Number(args.runs);
  if (!Number.isInteger(runs) || runs < 1 || (args.only !== undefined && args.only !== 'faster' && args.only !== 'webpack')) {
    console.error(HELP);
    return 2;
  }
  const modes = args.only === undefined ? [true, false] : [args.only === 'faster'];
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
  const results = new Map<boolean, {cold: number; warm: number}>();
  try {
    for (const faster of modes) {
      const label = faster ? 'Faster (rspack)' : 'webpack';
      clearCaches();
      process.stdout.write(`${label}: cold… `);
      const cold = timeBuild(faster, outDir);
      process.stdout.write(`${cold.toFixed(1)} s; warm… `);
      const warm = median(Array.from({length: runs}, () => timeBuild(faster, outDir)));
      console.log(`${warm.toFixed(1)} s`);
      results.set(faster, {cold, warm});
    }
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    return 1;
  } finally {
    rmSync(outDir, {recursive: true, force: true});
    // Leave the cache in the default (Faster) state for the next `npm run build`.
    clearCaches();
  }
  const f = results.get(true);
  const w = results.get(false);
  console.log(`\n| bundler | cold build | warm build |\n|---|---|---|`);
  if (f) console.log(`| Faster (rspack) | ${f.cold.toFixed(1)} s | ${f.warm.toFixed(1)} s |`);
  if (w) console.log(`| webpack | ${w.cold.toFixed(1)} s | ${w.warm.toFixed(1)} s |`);
  if (f && w) console.log(`| ratio webpack / Faster | ${(w.cold / f.cold).toFixed(2)}× | ${(w.warm / f.warm).toFixed(2)}× |`);
  console.log(`\n(${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}; times include Node start-up and SSG.)`);
  return 0;
}

process.exit(main());
