/**
 * `npm run bench:blocking` (scripts/bench/blockingRun.ts) on the built site: the figure the
 * performance register trusts must come from long tasks the page really reported, and a load
 * that never hydrates must fail with its URL instead of yielding a figure.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {measureBlocking} from '../../scripts/bench/blockingRun';
import {BASE_PATH, BUILD_DIR} from '../browser/harness';

describe('bench:blocking', () => {
  test('records the long tasks of each build, alternating', async () => {
    const series = await measureBlocking({
      buildDir: BUILD_DIR,
      againstDir: BUILD_DIR,
      baseUrl: BASE_PATH,
      page: '/docs/container-fundamentals',
      runs: 1,
      // Slow enough that starting the app is a long task on any machine.
      cpuSlowdown: 10,
      settleMs: 200,
    });
    expect(series.map((s) => s.loads.length)).toEqual([1, 1]);
    for (const {loads} of series) {
      expect(loads[0]!.longestMs).toBeGreaterThanOrEqual(50);
      expect(loads[0]!.blockingMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(loads[0]!.blockingMs)).toBe(true);
    }
  });

  test('a page that never hydrates fails with its URL', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'blocking-'));
    try {
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>static</title><p>No app here.</p>');
      await expect(
        measureBlocking({buildDir: dir, baseUrl: '/', page: '/', runs: 1, cpuSlowdown: 1, hydrationTimeoutMs: 1000}),
      ).rejects.toThrow(/http:\/\/127\.0\.0\.1:\d+\/ did not hydrate within 1 s \(no data-site-hydrated on <html>/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
