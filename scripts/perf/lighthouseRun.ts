/**
 * Runs Lighthouse on a built site: one Chrome, sequential runs, each build served compressed by
 * scripts/common/staticServer.ts. With a second build (`against`), runs alternate between the two.
 * The library behind `npm run lighthouse` (scripts/lighthouse.ts is its CLI).
 */
import {promises as fs} from 'node:fs';
import path from 'node:path';
import type {LighthouseConfig} from './budgetCore';
import {
  figuresFromLhr,
  summariseRuns,
  type Comparison,
  type LighthouseFigures,
  type LighthouseRow,
  type Preset,
} from './lighthouseCore';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../common/chromium';
import {serveStatic, type StaticServer} from '../common/staticServer';

export interface LighthouseRunOptions {
  buildDir: string;
  /** A second build, measured in alternating runs for a before/after comparison. */
  againstDir?: string;
  baseUrl: string;
  pages: readonly string[];
  presets: readonly Preset[];
  runs: number;
  compress: boolean;
  minScores: LighthouseConfig['minScores'];
  /** Where to save each run's full report (JSON), if anywhere. */
  reportsDir?: string;
}

export interface LighthouseRunResult {
  rows: LighthouseRow[];
  comparisons: Comparison[];
  seconds: number;
}

type Audit = (origin: string, page: string, preset: Preset, reportName: string) => Promise<LighthouseFigures>;

/** One Chrome for all runs, and an audit function that runs Lighthouse in it. */
async function startLighthouse(reportsDir: string | undefined): Promise<{audit: Audit; close(): Promise<void>}> {
  const {default: lighthouse} = await import('lighthouse');
  const {default: desktopConfig} = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  if (reportsDir) await fs.mkdir(reportsDir, {recursive: true});
  const audit: Audit = async (origin, page, preset, reportName) => {
    const result = await lighthouse(
      `${origin}${page}`,
      {port: chrome.port, output: 'json', logLevel: 'error'},
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
    if (result.lhr.runtimeError)
      throw new Error(`${page} (${preset}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    if (reportsDir) await fs.writeFile(path.join(reportsDir, reportName), JSON.stringify(result.lhr));
    return figuresFromLhr(result.lhr as never, page, preset);
  };
  return {audit, close: async () => void (await chrome.kill())};
}

function reportName(page: string, preset: Preset, label: string, run: number): string {
  return `${page.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.${preset}.${label}${run + 1}.json`;
}

/** `runs` audits of one page and preset; with a baseline server, alternating which build goes first. */
async function measurePage(
  audit: Audit,
  page: string,
  preset: Preset,
  runs: number,
  server: StaticServer,
  baselineServer: StaticServer | undefined,
): Promise<{results: LighthouseFigures[]; baseline: LighthouseFigures[]}> {
  const results: LighthouseFigures[] = [];
  const baseline: LighthouseFigures[] = [];
  const auditBaseline = async (run: number) => {
    if (baselineServer)
      baseline.push(await audit(baselineServer.url, page, preset, reportName(page, preset, 'against.', run)));
  };
  for (let run = 0; run < runs; run++) {
    // Alternate which build goes first, so neither gains from a warmer or quieter moment.
    if (run % 2 === 1) await auditBaseline(run);
    results.push(await audit(server.url, page, preset, reportName(page, preset, '', run)));
    if (run % 2 === 0) await auditBaseline(run);
  }
  return {results, baseline};
}

/** Measures every page with every preset; `onRow` hears of each page as soon as it is done. */
export async function runLighthouse(
  options: LighthouseRunOptions,
  onRow: (row: LighthouseRow) => void = () => {},
): Promise<LighthouseRunResult> {
  const serve = (root: string) =>
    serveStatic({root, baseUrl: options.baseUrl, compress: options.compress, precompress: true});
  const server = await serve(options.buildDir);
  const baselineServer = options.againstDir ? await serve(options.againstDir) : undefined;
  const started = Date.now();
  const rows: LighthouseRow[] = [];
  const comparisons: Comparison[] = [];
  let lighthouse: Awaited<ReturnType<typeof startLighthouse>> | undefined;
  try {
    lighthouse = await startLighthouse(options.reportsDir);
    for (const page of options.pages) {
      for (const preset of options.presets) {
        const {results, baseline} = await measurePage(
          lighthouse.audit,
          page,
          preset,
          options.runs,
          server,
          baselineServer,
        );
        const row = summariseRuns(results, options.minScores);
        rows.push(row);
        if (baselineServer) comparisons.push({page, preset, baseline, candidate: results});
        onRow(row);
      }
    }
  } finally {
    await lighthouse?.close();
    await server.close();
    await baselineServer?.close();
  }
  return {rows, comparisons, seconds: (Date.now() - started) / 1000};
}
