/**
 * Loads one page of one or two builds in Chromium, alternating, and records the long tasks the
 * page itself reports (a `longtask` PerformanceObserver, as field monitoring sees them) until a
 * moment after hydration. No tracing or profiling: those slow some tasks more than others.
 * The CPU is slowed down the way Lighthouse's mobile preset assumes a phone is (4× by default).
 */
import type {Browser} from 'playwright-core';
import {launchChromium} from '../common/chromium';
import {serveStatic, type StaticServer} from '../common/staticServer';
import {waitForHydration} from '../common/hydration';
import {HYDRATED_ATTRIBUTE} from '../../src/content/site';
import {blockingAfter, type LongTask, type Series} from './blockingCore';

export interface BlockingRunOptions {
  buildDir: string;
  /** A second build, loaded in alternating runs (the baseline of a comparison). */
  againstDir?: string;
  baseUrl: string;
  /** Site path of the page, e.g. /docs/container-fundamentals. */
  page: string;
  runs: number;
  cpuSlowdown: number;
  /** How long to keep recording after hydration: the work hydration schedules counts too. */
  settleMs?: number;
  /** How long a load may take to hydrate before it counts as failed (default 60 s). */
  hydrationTimeoutMs?: number;
}

/** Lighthouse's mobile preset screen: a Moto G Power. */
const PHONE = {viewport: {width: 412, height: 823}, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true};

async function loadOnce(browser: Browser, server: StaticServer, options: BlockingRunOptions) {
  const context = await browser.newContext({...PHONE, serviceWorkers: 'block'});
  try {
    await context.addInitScript(() => {
      const tasks: {startTime: number; duration: number}[] = [];
      (window as unknown as {__longTasks: typeof tasks}).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({startTime: entry.startTime, duration: entry.duration});
      }).observe({type: 'longtask', buffered: true});
    });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: options.cpuSlowdown});
    const url = `${server.url}/${options.page.replace(/^\//, '')}`;
    await tab.goto(url, {waitUntil: 'load', timeout: 60_000});
    const timeout = options.hydrationTimeoutMs ?? 60_000;
    await waitForHydration(tab, {timeout}).catch(() => {
      throw new Error(`${url} did not hydrate within ${timeout / 1000} s (no ${HYDRATED_ATTRIBUTE} on <html>, which src/theme/Layout sets)${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
    });
    await tab.waitForTimeout(options.settleMs ?? 1500);
    const {tasks, firstContentfulPaint} = await tab.evaluate(() => ({
      tasks: (window as unknown as {__longTasks: {startTime: number; duration: number}[]}).__longTasks,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
    if (firstContentfulPaint === undefined) throw new Error(`${url}: the browser reported no first contentful paint`);
    return blockingAfter(tasks as LongTask[], firstContentfulPaint);
  } finally {
    await context.close();
  }
}

/** The build's series first, then the baseline's, if any. */
export async function measureBlocking(options: BlockingRunOptions): Promise<Series[]> {
  const serve = (root: string) => serveStatic({root, baseUrl: options.baseUrl, precompress: true});
  const builds = [{label: options.buildDir, root: options.buildDir}];
  if (options.againstDir) builds.push({label: options.againstDir, root: options.againstDir});
  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  try {
    for (const build of builds) servers.push(await serve(build.root));
    browser = await launchChromium();
    const series: Series[] = builds.map((b) => ({label: b.label, loads: []}));
    for (let run = 0; run < options.runs; run++) {
      // Alternate which build goes first, so neither gains from a quieter moment.
      const order = run % 2 === 0 ? builds.keys() : [...builds.keys()].reverse();
      for (const i of order) series[i]!.loads.push(await loadOnce(browser, servers[i]!, options));
    }
    return series;
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
  }
}
