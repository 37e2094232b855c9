import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LinkResult} from './types';

/** The only state the checker keeps: fresh `ok` results in `.link-cache/results.json`. Failures are never cached. */
export const CACHE_DIR = '.link-cache';
const FILE = 'results.json';

export interface CacheEntry {
  status: number | null;
  finalUrl: string | null;
  reason: string;
  checkedAt: string;
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

export function loadCache(cwd: string): Map<string, CacheEntry> {
  try {
    const data = JSON.parse(readFileSync(join(cwd, CACHE_DIR, FILE), 'utf8')) as CacheFile;
    if (data.version !== 1 || typeof data.entries !== 'object' || data.entries === null) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map(); // absent or unreadable: start afresh
  }
}

export function isFresh(entry: CacheEntry, ttlHours: number, now: number): boolean {
  const at = Date.parse(entry.checkedAt);
  return Number.isFinite(at) && at <= now && now - at < ttlHours * 3_600_000;
}

/** Keep earlier fresh entries, add this run's `ok` results, drop every URL that did not come out `ok` now. */
export function saveCache(cwd: string, previous: Map<string, CacheEntry>, results: readonly LinkResult[], ttlHours: number, now: number): void {
  const entries: Record<string, CacheEntry> = {};
  for (const [url, e] of previous) if (isFresh(e, ttlHours, now)) entries[url] = e;
  for (const r of results) {
    if (r.verdict === 'ok') entries[r.url] = {status: r.status, finalUrl: r.finalUrl, reason: r.reason, checkedAt: r.checkedAt};
    else delete entries[r.url];
  }
  const dir = join(cwd, CACHE_DIR);
  mkdirSync(dir, {recursive: true});
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify({version: 1, entries} satisfies CacheFile, null, 1));
  renameSync(tmp, join(dir, FILE));
}
