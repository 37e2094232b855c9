import {appendFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {loadCache, saveCache} from './cache';
import {changedLinesSince, GitError} from './changed';
import {ConfigError, loadConfig} from './config';
import {collectFiles, extractFromFiles, ExtractError, PathError} from './extract';
import {fixFiles} from './fix';
import {judge} from './judge';
import {locationsOf, settle} from './plan';
import {Prober} from './probe';
import {formatAnnotations, formatConsole, formatNotFixed, formatStepSummary, summarize, toJson, toLinkHealth} from './report';
import type {Citation, Config, Judgement, LinkResult, Verdict} from './types';
import {VERDICTS} from './types';

export const HELP = `Usage: npm run check-links -- [options] [PATH ...]

Check every absolute http(s) URL in Markdown/MDX files (PATH: files or folders; default docs/).

Options:
  --json FILE            write the JSON report {links: [...], summary: {...}}
  --config FILE          JSON config (default: links.config.json here, if present)
  --fix                  rewrite URLs whose every redirect was permanent (301/308) and
                         whose final answer was a real, specific 2xx page (never a home,
                         sign-in or not-found page, nor a parent page); keeps #fragments,
                         changes nothing else, and says why each other redirect was left
  --health FILE          write the site's link-health data (e.g. src/data/link-health.json)
  --changed-since REF    check only URLs on lines added or changed since the merge base
                         of REF and HEAD (git diff; for pull requests)
  --no-cache             neither read nor write the cache (.link-cache/)
  --verbose              list ok URLs too
  -h, --help             show this help

Verdicts: ok, redirected (warning), broken (error), soft-dead (error: answers 2xx, but with a
  not-found, home or sign-in page), unverified (warning), skipped.
Exit codes: 0 nothing broken, 1 something broken or soft-dead, 2 usage, config or parse error.
Config keys: timeoutMs, retries, concurrency, perHostConcurrency, skip [{pattern, reason}],
  retryAfterCapMs, retryBaseDelayMs, cacheTtlHours, maxRedirects, maxBodyBytes, dnsTimeoutMs, userAgent.
`;

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  out: (s: string) => void;
  err: (s: string) => void;
  now?: () => number;
  /** Name servers to ask instead of the system's (tests use a fake one on loopback). */
  dnsServers?: readonly string[];
}

export interface RunOutcome {
  code: 0 | 1 | 2;
  results: LinkResult[];
  config: Config | null;
  prober: Prober | null;
}

/** The whole command, in-process: parse args, extract, plan, probe, judge, report, cache, fix. */
export async function run(argv: readonly string[], io: Io): Promise<RunOutcome> {
  const usage = (msg: string): RunOutcome => {
    io.err(`check-links: ${msg}\n`);
    return {code: 2, results: [], config: null, prober: null};
  };
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: {type: 'string'},
        config: {type: 'string'},
        fix: {type: 'boolean', default: false},
        health: {type: 'string'},
        'changed-since': {type: 'string'},
        'no-cache': {type: 'boolean', default: false},
        verbose: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
      },
    });
  } catch (e) {
    return usage(`${(e as Error).message}\nTry --help.`);
  }
  const opts = args.values;
  if (opts.help) {
    io.out(HELP);
    return {code: 0, results: [], config: null, prober: null};
  }
  const now = io.now ?? Date.now;
  const started = now();
  const abs = (p: string): string => resolve(io.cwd, p);

  let config: Config;
  try {
    config = loadConfig(opts.config === undefined ? undefined : abs(opts.config), io.cwd).config;
  } catch (e) {
    if (e instanceof ConfigError) return usage(e.message);
    throw e;
  }

  const paths = args.positionals.length ? args.positionals : ['docs/'];
  let files: string[];
  let changed: Map<string, Set<number>> | null = null;
  try {
    // Paths are resolved against cwd but reported as given (docs/ → docs/intro.md).
    files = collectFiles(paths, io.cwd);
    if (opts['changed-since'] !== undefined) changed = changedLinesSince(opts['changed-since'], paths, io.cwd);
  } catch (e) {
    if (e instanceof PathError || e instanceof GitError) return usage(e.message);
    throw e;
  }

  const useCache = !opts['no-cache'];
  const cache = useCache ? loadCache(io.cwd) : null;
  const prober = new Prober(config, io.dnsServers);
  // Pipeline: each file's new URLs go out to the prober as soon as the file is parsed, so parsing the
  // next files overlaps the network wait. With --changed-since a URL is selected when a changed line cites it.
  const citations: Citation[] = [];
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
      const found = extractFromFiles([file], io.cwd);
      citations.push(...found);
      for (const c of found) {
        if (selected.has(c.url) || (changed && !changed.get(abs(c.file))?.has(c.line))) continue;
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
    if (e instanceof ExtractError) {
      io.err(`${e.file}:${e.line}:${e.column}: error: ${e.reason}\n`);
      return {code: 2, results: [], config, prober: null};
    }
    throw e;
  }
  let settledResults: LinkResult[];
  try {
    settledResults = await Promise.all(selected.values());
  } finally {
    prober.close();
  }
  const locations = locationsOf(citations);
  const results = settledResults.map((r) => ({...r, locations: locations.get(r.url) ?? []}));
  const probed = results.filter((r) => !r.fromCache && r.verdict !== 'skipped');
  const relevant = citations.filter((c) => selected.has(c.url));
  const summary = summarize(results, {citations: relevant.length, files: files.length, requests: prober.stats.requests, durationMs: now() - started});

  io.out(formatConsole(results, summary, opts.verbose));
  if (io.env.GITHUB_ACTIONS === 'true') {
    io.out(formatAnnotations(results));
    if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, formatStepSummary(results, summary));
  }
  const write = (file: string, data: unknown): void => {
    mkdirSync(dirname(abs(file)), {recursive: true});
    writeFileSync(abs(file), JSON.stringify(data, null, 2) + '\n');
  };
  if (opts.json !== undefined) write(opts.json, toJson(results, summary));
  if (opts.health !== undefined) write(opts.health, toLinkHealth(results, new Date(now()).toISOString()));
  if (useCache) saveCache(io.cwd, cache ?? new Map(), probed, config.cacheTtlHours, now());

  if (opts.fix) {
    const fixed = fixFiles(relevant, results, io.cwd);
    for (const f of fixed.rewritten) io.out(`fixed ${f.file}:${f.line}:${f.column}: ${f.from} → ${f.to}\n`);
    for (const f of fixed.leftAlone) io.out(`not fixed (escaped text, fix by hand) ${f.file}:${f.line}:${f.column}: ${f.url}\n`);
    io.out(formatNotFixed(results));
  }
  const broken = results.some((r) => r.verdict === 'broken' || r.verdict === 'soft-dead');
  return {code: broken ? 1 : 0, results, config, prober};
}

export function countBy(results: readonly LinkResult[]): Record<Verdict, number> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of results) out[r.verdict]++;
  return out;
}
