/** Shared types of the link checker pipeline: extract → plan → probe → judge → report. */

import {LINK_VERDICTS, type LinkVerdict} from '../../src/content/linkHealth';

export type Verdict = LinkVerdict;

export const VERDICTS: readonly Verdict[] = LINK_VERDICTS;

/** URLs not to check: `match` globs (`*` = any characters, whole URL, any case) and why. */
export interface SkipRule {
  match: string[];
  reason: string;
}

export interface Config {
  /** Per-request timeout (connect + headers + any body read), ms. */
  timeoutMs: number;
  /** Extra attempts after the first, for 5xx, timeouts and network errors. */
  retries: number;
  /** Requests in flight over all hosts. */
  concurrency: number;
  /** Requests in flight to one host name. */
  perHostConcurrency: number;
  skip: SkipRule[];
  /** Longest Retry-After we wait (any status); a longer one ends the link as `unverified` at once. 4 × it is each host's budget for all its waits over a run. */
  retryAfterCapMs: number;
  /** First backoff delay; doubles on each retry (plus up to 25 % jitter). */
  retryBaseDelayMs: number;
  /** Freshness of cached `ok` results, hours. */
  cacheTtlHours: number;
  maxRedirects: number;
  /** Most bytes of HTML read while looking for a #fragment. */
  maxBodyBytes: number;
  /** Timeout of the one DNS query per host (c-ares, not the libuv thread pool). */
  dnsTimeoutMs: number;
  userAgent: string;
}

/** One place in a source file that cites a URL. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** A citation as extracted, with what `--fix` needs to rewrite it. */
export interface Citation extends Location {
  url: string;
  /** Offset of `raw` in the file, or null when the URL text is not literally in the source (not fixable). */
  offset: number | null;
  raw: string;
  /** `jsx`: an attribute of an MDX element (`href="…"`, `href={'…'}`, `<img src>`); `image`: `![alt](url)`. */
  kind: 'link' | 'image' | 'definition' | 'reference' | 'jsx';
}

export interface Hop {
  url: string;
  status: number;
  location: string;
}

export type NetErrorKind =
  | 'dns'
  | 'dns-timeout'
  | 'refused'
  | 'reset'
  | 'timeout'
  | 'tls'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  /** The host's address is not one the checker may request (a private network): nothing was sent. The message is that host and address. */
  | 'private-address'
  | 'other';

/** What the probe saw for one URL: facts only, no verdict. */
export interface Observation {
  url: string;
  /** Redirect responses followed, in order, each with its status. */
  hops: Hop[];
  /** Final response (after redirects), if there was one. */
  status: number | null;
  finalUrl: string | null;
  headers: {cfMitigated: boolean; retryAfterMs: number | null; contentType: string | null};
  error: {kind: NetErrorKind; message: string} | null;
  attempts: number;
  /** Retry-After asked for more than the cap, so we stopped waiting. */
  retryAfterExceeded: boolean;
  /** The wait the host asked for would take its waits over the run past their budget (HOST_WAIT_RUN_FACTOR × the cap), so we stopped. */
  waitBudgetSpent: boolean;
  /** null: no fragment to find or not checkable (non-HTML, text fragment). */
  fragment: {id: string; found: boolean; truncated: boolean} | null;
  /** What the final 2xx HTML page says about itself; null when it was not HTML or not read. */
  page: {title: string | null; heading: string | null} | null;
  /** Where a made-up page next to the cited one ended up (2xx after redirects), when that was asked. */
  unknownPageUrl: string | null;
  /** The host's announced quota (RateLimit-*) was used up for longer than the Retry-After cap: not asked. */
  quotaExhaustedMs: number | null;
}

/**
 * What `--fix` may do with a link: rewrite it to `finalUrl`, or why it must not although the link was
 * redirected. null: there was no redirect, so nothing to fix.
 */
export type FixDecision = {rewrite: true} | {rewrite: false; why: string} | null;

export interface Judgement {
  verdict: Verdict;
  status: number | null;
  finalUrl: string | null;
  reason: string;
  fix: FixDecision;
}

export interface LinkResult extends Judgement {
  url: string;
  locations: Location[];
  /** Permanent chain to a real, specific 2xx page (`fix.rewrite`): --fix may rewrite it. */
  fixable: boolean;
  checkedAt: string;
  fromCache: boolean;
}
