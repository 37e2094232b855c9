import {readFileSync} from 'node:fs';

/** What the weekly link check last saw for one URL (written by `npm run check-links`). */
export interface LinkHealth {
  verdict: 'ok' | 'redirected' | 'broken' | 'unverified' | 'skipped';
  status: number | null;
  finalUrl: string | null;
  checkedAt: string;
}

export type LinkHealthMap = ReadonlyMap<string, LinkHealth>;

const VERDICTS = new Set(['ok', 'redirected', 'broken', 'unverified', 'skipped']);

function isLinkHealth(value: unknown): value is LinkHealth {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.verdict === 'string' &&
    VERDICTS.has(v.verdict) &&
    typeof v.checkedAt === 'string' &&
    !Number.isNaN(Date.parse(v.checkedAt)) &&
    (v.status === null || typeof v.status === 'number') &&
    (v.finalUrl === null || typeof v.finalUrl === 'string')
  );
}

/** Reads the link-health data file; a malformed entry is an error that names the URL. */
export function loadLinkHealth(file: string): LinkHealthMap {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {links?: Record<string, unknown>};
  const map = new Map<string, LinkHealth>();
  for (const [url, entry] of Object.entries(data.links ?? {})) {
    if (!isLinkHealth(entry)) {
      throw new Error(`${file}: the entry for ${url} is not {verdict, status, finalUrl, checkedAt}`);
    }
    map.set(url, entry);
  }
  return map;
}
