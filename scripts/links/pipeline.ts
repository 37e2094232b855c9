/**
 * The link checker as a library: extract → plan → probe → judge, streamed file by file.
 * No arguments, no console, no exit codes: the CLI (cli.ts, runCli) does those, as lychee-lib and lychee do.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {CacheEntry} from './cache';
import {ExtractError, extractFromSource} from './extract';
import {judge} from './judge';
import {locationsOf, settle} from './plan';
import type {AddressPolicy} from './addresses';
import {Prober} from './probe';
import {summarize, type Summary} from './report';
import type {Citation, Config, Judgement, LinkResult} from './types';

export interface CheckOptions {
  /** Markdown/MDX files, relative to `cwd` (reported as given). */
  files: readonly string[];
  cwd: string;
  config: Config;
  /** Fresh `ok` results to reuse, or null for none. */
  cache: Map<string, CacheEntry> | null;
  /** With `--changed-since`: absolute file path → changed line numbers; only URLs cited there are checked. */
  changed: Map<string, Set<number>> | null;
  now: () => number;
  /** Name servers to ask instead of the system's (tests use a fake one on loopback). */
  dnsServers?: readonly string[] | undefined;
  /** Which addresses may be requested (default: public ones only; see ProberOptions). */
  isPublicAddress?: AddressPolicy | undefined;
  /** The policy admits loopback (`--allow-loopback`): the summary says so. */
  loopbackAllowed?: boolean;
}

export interface CheckReport {
  /** One result per selected unique URL, first-seen order, with every place that cites it. */
  results: LinkResult[];
  /** Every citation of a selected URL (what `--fix` may rewrite). */
  citations: Citation[];
  /** Each file's text as it was parsed: `--fix` edits a file only if it still reads the same. */
  sources: Map<string, string>;
  summary: Summary;
  prober: Prober;
}

/**
 * Check the links of `files`. Each file's new URLs go out to the prober as soon as the file is parsed, so
 * parsing the next files overlaps the network wait. A file that does not parse throws its ExtractError,
 * after every request already started has ended.
 */
export async function checkLinks(options: CheckOptions): Promise<CheckReport> {
  const {files, cwd, config, cache, changed, now} = options;
  const started = now();
  const prober = new Prober(config, {dnsServers: options.dnsServers, isPublicAddress: options.isPublicAddress});
  const citations: Citation[] = [];
  const sources = new Map<string, string>();
  const selected = new Map<string, LinkResult | Promise<LinkResult>>();
  const result = (url: string, j: Judgement | null, extra: Partial<LinkResult> = {}): LinkResult => ({
    url,
    locations: [],
    verdict: 'ok',
    status: null,
    finalUrl: null,
    reason: '',
    fix: null,
    ...j,
    fixable: j?.fix?.rewrite === true && j.finalUrl !== null,
    checkedAt: new Date(now()).toISOString(),
    fromCache: false,
    ...extra,
  });
  try {
    for (const file of files) {
      let source: string;
      try {
        source = readFileSync(resolve(cwd, file), 'utf8');
      } catch (e) {
        throw new ExtractError(file, 1, 1, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      sources.set(file, source);
      const found = extractFromSource(source, file);
      citations.push(...found);
      for (const c of found) {
        if (selected.has(c.url) || (changed && !changed.get(resolve(cwd, c.file))?.has(c.line))) continue;
        const s = settle(c.url, config, cache, now());
        if (s.kind === 'skip') selected.set(c.url, result(c.url, {verdict: 'skipped', status: null, finalUrl: null, fix: null, reason: s.reason}));
        else if (s.kind === 'cached') {
          const e = s.entry;
          selected.set(c.url, result(c.url, {verdict: 'ok', status: e.status, finalUrl: e.finalUrl, fix: null, reason: `${e.reason} (cached)`}, {checkedAt: e.checkedAt, fromCache: true}));
        } else selected.set(c.url, prober.probeOne(c.url).then((o) => result(c.url, judge(o))));
      }
      // Get this file's first requests onto the wire before parsing the next file blocks the thread.
      await prober.flushed(100);
    }
  } catch (e) {
    prober.abort();
    await Promise.allSettled(selected.values());
    prober.close();
    throw e;
  }
  let settled: LinkResult[];
  try {
    settled = await Promise.all(selected.values());
  } finally {
    prober.close();
  }
  const locations = locationsOf(citations);
  const results = settled.map((r) => ({...r, locations: locations.get(r.url) ?? []}));
  const relevant = citations.filter((c) => selected.has(c.url));
  const summary = summarize(results, {citations: relevant.length, files: files.length, requests: prober.stats.requests, durationMs: now() - started, loopbackAllowed: options.loopbackAllowed ?? false});
  return {results, citations: relevant, sources, summary, prober};
}
