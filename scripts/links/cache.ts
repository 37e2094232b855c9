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

export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  /** What was ignored and why (an unreadable file, entries of the wrong shape); each one line. */
  warnings: string[];
}

const CACHE_ENTRY_KEYS = ['checkedAt', 'finalUrl', 'reason', 'status'];
const MAX_REASON = 2000;

/**
 * Why `value` is not an entry this checker could have written for `url`, or null when it is one: the cache
 * holds `ok` results only, so the status is a 2xx, the final URL an http(s) URL, and the time a real one.
 * Anything else in the file (a hand edit, another version, a tampered artifact) is ignored, never trusted.
 */
export function cacheEntryProblem(url: string, value: unknown): string | null {
  if (!/^https?:\/\//i.test(url)) return 'the key is not an http(s) URL';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const keys = Object.keys(value).sort();
  if (keys.join() !== CACHE_ENTRY_KEYS.join()) return `keys must be exactly ${CACHE_ENTRY_KEYS.join(', ')}`;
  const e = value as Record<string, unknown>;
  if (typeof e.status !== 'number' || !Number.isInteger(e.status) || e.status < 200 || e.status > 299) return '"status" is not a 2xx status';
  if (e.finalUrl !== null && (typeof e.finalUrl !== 'string' || !URL.canParse(e.finalUrl) || !/^https?:\/\//i.test(e.finalUrl))) {
    return '"finalUrl" is neither null nor an http(s) URL';
  }
  if (typeof e.reason !== 'string' || e.reason.length > MAX_REASON) return '"reason" is not a string';
  if (typeof e.checkedAt !== 'string' || !Number.isFinite(Date.parse(e.checkedAt))) return '"checkedAt" is not a date';
  return null;
}

export function loadCache(cwd: string): LoadedCache {
  const path = join(cwd, CACHE_DIR, FILE);
  const shown = join(CACHE_DIR, FILE);
  const entries = new Map<string, CacheEntry>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {entries, warnings: code === 'ENOENT' ? [] : [`${shown}: cannot read it (${code ?? 'error'}); starting afresh`]};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {entries, warnings: [`${shown}: not valid JSON; ignored, starting afresh`]};
  }
  const file = data as Partial<CacheFile> | null;
  if (typeof file !== 'object' || file === null || file.version !== 1 || typeof file.entries !== 'object' || file.entries === null || Array.isArray(file.entries)) {
    return {entries, warnings: [`${shown}: not a version 1 cache; ignored, starting afresh`]};
  }
  const warnings: string[] = [];
  for (const url of Object.keys(file.entries)) {
    const value: unknown = (file.entries as Record<string, unknown>)[url];
    const problem = cacheEntryProblem(url, value);
    if (problem === null) entries.set(url, value as CacheEntry);
    else warnings.push(`${shown}: ignored the entry for ${JSON.stringify(url)}: ${problem}`);
  }
  return {entries, warnings};
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
