import {appendFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {loadCache, saveCache} from './cache';
import {changedLinesSince, GitError} from './changed';
import {ConfigError, loadConfig} from './config';
import {collectFiles, ExtractError, PathError} from './extract';
import {type AddressPolicy, loopbackOrPublic} from './addresses';
import {fixFiles} from './fix';
import {checkLinks, type CheckReport} from './pipeline';
import type {Prober} from './probe';
import {formatAnnotations, formatConsole, formatNotFixed, formatStepSummary, formatTrackingIssue, toJson, toLinkHealth, where} from './report';
import {runContextFrom} from '../common/githubRun';
import {noWorkflowCommands, oneLine} from '../common/githubAnnotation';
import type {Config, LinkResult} from './types';

export const HELP = `Usage: npm run check-links -- [options] [PATH ...]

Check every absolute http(s) URL in Markdown/MDX files (PATH: files or folders; default docs/).

Options:
  --json FILE            write the JSON report {links: [...], summary: {...}}
  --config FILE          JSON config (default: links.config.json here, if present)
  --fix                  rewrite URLs whose every redirect was permanent (301/308) and
                         whose final answer was a real, specific 2xx page (never a home,
                         sign-in or not-found page, nor a parent page); keeps #fragments,
                         changes nothing else, and says why each other redirect was left;
                         never to a private address, never a file changed during the run
  --health FILE          write the site's link-health data (e.g. src/data/link-health.json)
  --issue FILE           write the weekly tracking issue's Markdown body (links to the run
                         and the cited lines from GITHUB_SERVER_URL, _REPOSITORY, _SHA, _RUN_ID)
  --changed-since REF    check only URLs on lines added or changed since the merge base
                         of REF and HEAD (git diff; for pull requests)
  --no-cache             neither read nor write the cache (.link-cache/)
  --allow-loopback       also request loopback addresses (127.0.0.0/8, ::1), e.g. a local
                         preview server; never other private ranges; a flag only (not a
                         config key), and every report says it was used
  --verbose              list ok URLs too
  -h, --help             show this help

Verdicts: ok, redirected (warning), broken (error), soft-dead (error: answers 2xx, but with a
  not-found, home or sign-in page), unverified (warning), skipped.
Exit codes: 0 nothing broken, 1 something broken or soft-dead, 2 usage, config or parse error.
Config keys: timeoutMs, retries, concurrency, perHostConcurrency, skip [{match, reason}],
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
  /** Which addresses may be requested, and written by `--fix` (default: public ones only, or loopbackOrPublic with `--allow-loopback`); tests admit their loopback servers. */
  isPublicAddress?: AddressPolicy;
}

export interface CliOutcome {
  code: 0 | 1 | 2;
  results: LinkResult[];
  config: Config | null;
  prober: Prober | null;
}

/**
 * The command line, in-process: arguments, config, files, cache; the pipeline (pipeline.ts); then reports, cache,
 * fix and the exit code. Whatever the input, it ends with a code: an unexpected error is one line and 2.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<CliOutcome> {
  try {
    return await command(argv, io);
  } catch (e) {
    io.err(`check-links: ${internalError(e)}\n`);
    return {code: 2, results: [], config: null, prober: null};
  }
}

/** One line for an error nobody planned for: its message, never its stack, never a second line. */
export function internalError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return noWorkflowCommands(`internal error: ${oneLine(message.split('\n')[0] ?? '', 500)} (please report it)`);
}

async function command(argv: readonly string[], io: Io): Promise<CliOutcome> {
  // Our own lines, with untrusted parts already in oneLine(): never a workflow command on GitHub.
  const out = (s: string): void => io.out(noWorkflowCommands(s));
  const err = (s: string): void => io.err(noWorkflowCommands(s));
  const usage = (msg: string): CliOutcome => {
    err(`check-links: ${msg.split('\n').map((line) => oneLine(line, 1000)).join('\n')}\n`);
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
        issue: {type: 'string'},
        'changed-since': {type: 'string'},
        'no-cache': {type: 'boolean', default: false},
        'allow-loopback': {type: 'boolean', default: false},
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

  // Loopback is the maintainer's own machine: only a flag on the command line admits it, never the config.
  const loopbackAllowed = opts['allow-loopback'];
  const isPublicAddress = io.isPublicAddress ?? (loopbackAllowed ? loopbackOrPublic : undefined);
  const useCache = !opts['no-cache'];
  const cache = useCache ? loadCache(io.cwd) : null;
  for (const warning of cache?.warnings ?? []) err(`check-links: warning: ${oneLine(warning, 1000)}\n`);
  let checked: CheckReport;
  try {
    checked = await checkLinks({files, cwd: io.cwd, config, cache: cache?.entries ?? null, changed, now, dnsServers: io.dnsServers, isPublicAddress, loopbackAllowed});
  } catch (e) {
    if (e instanceof ExtractError) {
      err(`${oneLine(e.file, 500)}:${e.line}:${e.column}: error: ${oneLine(e.reason, 1000)}\n`);
      return {code: 2, results: [], config, prober: null};
    }
    throw e;
  }
  const {results, citations, sources, summary, prober} = checked;

  out(formatConsole(results, summary, opts.verbose));
  if (io.env.GITHUB_ACTIONS === 'true') {
    io.out(formatAnnotations(results)); // our workflow commands, escaped by githubAnnotation()
    if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, formatStepSummary(results, summary));
  }
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(abs(file)), {recursive: true});
    writeFileSync(abs(file), text);
  };
  const json = (data: unknown): string => JSON.stringify(data, null, 2) + '\n';
  if (opts.json !== undefined) write(opts.json, json(toJson(results, summary)));
  if (opts.health !== undefined) write(opts.health, json(toLinkHealth(results, new Date(now()).toISOString())));
  if (opts.issue !== undefined) write(opts.issue, formatTrackingIssue(results, summary, runContextFrom(io.env)));
  const probed = results.filter((r) => !r.fromCache && r.verdict !== 'skipped');
  if (useCache) saveCache(io.cwd, cache?.entries ?? new Map(), probed, config.cacheTtlHours, now());

  if (opts.fix) {
    const fixed = await fixFiles(citations, results, {cwd: io.cwd, sources, lookup: (host) => prober.lookup(host), isPublicAddress});
    for (const f of fixed.rewritten) out(`fixed ${where(f)}: ${oneLine(f.from)} → ${oneLine(f.to)}\n`);
    for (const f of fixed.notFixed) out(`not fixed ${where(f)}: ${oneLine(f.url)}: ${oneLine(f.why)}\n`);
    for (const f of fixed.filesNotFixed) out(`not fixed ${oneLine(f.file, 500)}: ${oneLine(f.why)}\n`);
    out(formatNotFixed(results));
  }
  const broken = results.some((r) => r.verdict === 'broken' || r.verdict === 'soft-dead');
  return {code: broken ? 1 : 0, results, config, prober};
}
