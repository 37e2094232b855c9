import {type CacheEntry, isFresh} from './cache';
import {skipRuleFor} from './config';
import type {Citation, Config, Location} from './types';

/** Every unique URL (fragment kept, first-seen order) with each distinct place that cites it. */
export function locationsOf(citations: readonly Citation[]): Map<string, Location[]> {
  const locations = new Map<string, Location[]>();
  for (const c of citations) {
    const list = locations.get(c.url) ?? [];
    if (!list.some((l) => l.file === c.file && l.line === c.line && l.column === c.column)) {
      list.push({file: c.file, line: c.line, column: c.column});
    }
    locations.set(c.url, list);
  }
  return locations;
}

export type Settled =
  | {kind: 'skip'; reason: string}
  | {kind: 'cached'; entry: CacheEntry}
  | {kind: 'probe'};

/** What one unique URL needs: nothing (a skip rule, a fresh cached `ok`) or a request. */
export function settle(url: string, config: Config, cache: Map<string, CacheEntry> | null, now: number): Settled {
  const rule = skipRuleFor(url, config.skip);
  if (rule) return {kind: 'skip', reason: rule.reason};
  const hit = cache?.get(url);
  if (hit && isFresh(hit, config.cacheTtlHours, now)) return {kind: 'cached', entry: hit};
  return {kind: 'probe'};
}
