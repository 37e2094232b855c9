import {type CacheEntry, isFresh} from './cache';
import {skipRuleFor} from './config';
import type {Citation, Config, LinkResult, Location} from './types';

export interface Plan {
  /** Every unique URL (fragment kept) with all the places that cite it, in first-seen order. */
  locations: Map<string, Location[]>;
  /** Results known without a request: skip rules and fresh cache entries. */
  settled: LinkResult[];
  /** URLs to fetch, busiest hosts first. */
  toProbe: string[];
}

/** Dedupe citations into unique URLs, apply skip rules and the cache, order the rest by host load. */
export function plan(citations: readonly Citation[], config: Config, cache: Map<string, CacheEntry> | null, now: number): Plan {
  const locations = new Map<string, Location[]>();
  for (const c of citations) {
    const list = locations.get(c.url) ?? [];
    if (!list.some((l) => l.file === c.file && l.line === c.line && l.column === c.column)) {
      list.push({file: c.file, line: c.line, column: c.column});
    }
    locations.set(c.url, list);
  }
  const settled: LinkResult[] = [];
  const toProbe: string[] = [];
  for (const [url, locs] of locations) {
    const rule = skipRuleFor(url, config.skip);
    if (rule) {
      settled.push({url, locations: locs, verdict: 'skipped', status: null, finalUrl: null, reason: rule.reason, fixable: false, checkedAt: new Date(now).toISOString(), fromCache: false});
      continue;
    }
    const hit = cache?.get(url);
    if (hit && isFresh(hit, config.cacheTtlHours, now)) {
      settled.push({url, locations: locs, verdict: 'ok', status: hit.status, finalUrl: hit.finalUrl, reason: `${hit.reason} (cached)`, fixable: false, checkedAt: hit.checkedAt, fromCache: true});
      continue;
    }
    toProbe.push(url);
  }
  const host = (u: string): string => {
    try {
      return new URL(u).hostname;
    } catch {
      return '';
    }
  };
  const load = new Map<string, number>();
  for (const u of toProbe) load.set(host(u), (load.get(host(u)) ?? 0) + 1);
  toProbe.sort((a, b) => (load.get(host(b)) ?? 0) - (load.get(host(a)) ?? 0));
  return {locations, settled, toProbe};
}
