import {HOST_WAIT_RUN_FACTOR} from './limits';
import {botWall} from './quirks';
import {isHomePath, isRedirectToParent, softDeadReason} from './softDead';
import type {FixDecision, Judgement, Observation} from './types';

/** 301 and 308 say "moved for good": the source should follow. 302, 303 and 307 do not. */
export function isPermanent(status: number): boolean {
  return status === 301 || status === 308;
}

function fragmentOf(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? '' : url.slice(i);
}

/** Where the source should point: the final URL, keeping the cited #fragment if the redirect dropped it. */
export function withFragment(finalUrl: string, original: string): string {
  if (finalUrl.includes('#')) return finalUrl;
  return finalUrl + fragmentOf(original);
}

const WAIT_BUDGET_SPENT = `the host's waits this run have used up its budget (${HOST_WAIT_RUN_FACTOR} × the Retry-After cap)`;

function attemptsNote(o: Observation): string {
  return o.attempts > 1 ? ` after ${o.attempts} attempts` : '';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** --fix leaves a redirected link alone, and says why; a link that was not redirected has nothing to fix. */
function keep(o: Observation, why: string): FixDecision {
  return o.hops.length > 0 ? {rewrite: false, why} : null;
}

/**
 * The verdict on one URL, from what the probe observed. Pure: same observation, same verdict.
 * Only definitive failures are `broken`; what a site refuses to tell a robot is `unverified`;
 * a 2xx that is not the cited page (not-found, home or sign-in page) is `soft-dead`.
 * It also decides what `--fix` may do: rewrite only a permanent move to a real, specific page.
 */
export function judge(o: Observation): Judgement {
  const j = verdictOf(o);
  if (j.fix === null && o.hops.length > 0) j.fix = keep(o, `the redirect ends ${j.verdict === 'broken' ? 'in a failure' : 'at a page that could not be verified'}: ${j.reason}`);
  return j;
}

function verdictOf(o: Observation): Judgement {
  const chain = o.hops.map((h) => String(h.status)).join(' → ');
  if (o.quotaExhaustedMs !== null) {
    return {verdict: 'unverified', status: null, finalUrl: null, fix: null, reason: `the host's announced request quota is used up for ${seconds(o.quotaExhaustedMs)} more, and waiting would pass the Retry-After cap: not asked`};
  }
  if (o.error) {
    const base = {verdict: 'broken' as const, status: o.status, finalUrl: null, fix: null};
    switch (o.error.kind) {
      case 'dns':
        return {...base, reason: `DNS: ${o.error.message}`};
      case 'dns-timeout':
        return {...base, reason: `DNS timeout: ${o.error.message}`};
      case 'refused':
        return {...base, reason: `connection refused${attemptsNote(o)}`};
      case 'reset':
        return {...base, reason: `connection reset${attemptsNote(o)}`};
      case 'timeout':
        return {...base, reason: `timed out${attemptsNote(o)}`};
      case 'tls':
        return {...base, reason: `TLS: ${o.error.message}`};
      case 'redirect-loop':
        return {...base, reason: `redirect loop (${chain})`};
      case 'too-many-redirects':
        return {...base, reason: `too many redirects (${o.hops.length})`};
      case 'bad-redirect':
        return {...base, reason: `bad redirect: ${o.error.message}`};
      case 'private-address':
        return {...base, reason: o.hops.length > 0 ? `redirected into a private network (${chain} to ${o.error.message}): not followed` : `${o.error.message} is inside a private network: not requested`};
      default:
        return {...base, reason: `network error: ${o.error.message}${attemptsNote(o)}`};
    }
  }
  const status = o.status;
  const finalUrl = o.finalUrl === null ? null : withFragment(o.finalUrl, o.url);
  if (status === null) return {verdict: 'broken', status: null, finalUrl: null, fix: null, reason: 'no response'};

  if (status === 429) {
    const why =
      o.retryAfterExceeded && o.headers.retryAfterMs !== null
        ? `Retry-After ${seconds(o.headers.retryAfterMs)} exceeds the cap`
        : o.waitBudgetSpent
          ? WAIT_BUDGET_SPENT
          : `still limited${attemptsNote(o)}`;
    return {verdict: 'unverified', status, finalUrl, fix: null, reason: `rate limited (429): ${why}`};
  }
  const wall = botWall(status, o.headers.cfMitigated);
  if (wall !== null) return {verdict: 'unverified', status, finalUrl, fix: null, reason: wall};
  if (status === 401 || status === 403) {
    return {verdict: 'unverified', status, finalUrl, fix: null, reason: `access denied to automated check (${status})`};
  }
  if (status >= 500 && (o.retryAfterExceeded || o.waitBudgetSpent)) {
    return {verdict: 'unverified', status, finalUrl, fix: null, reason: `unavailable (${status}): ${o.retryAfterExceeded ? 'Retry-After exceeds the cap' : WAIT_BUDGET_SPENT}`};
  }
  if (status >= 400) {
    return {verdict: 'broken', status, finalUrl, fix: null, reason: `HTTP ${status}${status >= 500 ? attemptsNote(o) : ''}`};
  }
  if (status < 200 || status >= 300) {
    return {verdict: 'broken', status, finalUrl, fix: null, reason: `HTTP ${status} without a usable Location`};
  }
  // Before the fragment: a not-found page lacks the cited #id too, and "not found" is what the reader needs to hear.
  const soft = softDeadReason({url: o.url, finalUrl: o.finalUrl ?? o.url, redirected: o.hops.length > 0, page: o.page, unknownPageUrl: o.unknownPageUrl});
  if (soft !== null) return {verdict: 'soft-dead', status, finalUrl, fix: keep(o, soft), reason: soft};
  if (o.fragment && !o.fragment.found) {
    return o.fragment.truncated
      ? {verdict: 'unverified', status, finalUrl, fix: keep(o, `#${o.fragment.id} could not be found on the target page`), reason: `#${o.fragment.id} not in the first part of a large page`}
      : {verdict: 'broken', status, finalUrl, fix: keep(o, `#${o.fragment.id} is not on the target page`), reason: `#${o.fragment.id} not found on the page`};
  }
  if (o.hops.length > 0 && finalUrl !== null && isHomePath(new URL(finalUrl))) {
    // A home page that redirects to a home page (`/` → `/en/`): the cited URL is the one to keep (it picks the reader's language).
    return {verdict: 'ok', status, finalUrl, fix: keep(o, 'a home page that leads to a home page (a language or an index): the cited URL stays'), reason: `HTTP ${status} via redirect to the home page (${chain})`};
  }
  if (o.hops.length > 0 && o.hops.every((h) => isPermanent(h.status))) {
    const reason = `moved permanently (${chain} → ${status})`;
    if (finalUrl !== null && isRedirectToParent(o.url, finalUrl)) {
      return {verdict: 'redirected', status, finalUrl, fix: {rewrite: false, why: 'it now leads up to a parent page; check that what was cited is there, then edit by hand'}, reason: `${reason}, up to a parent page`};
    }
    return {verdict: 'redirected', status, finalUrl, fix: {rewrite: true}, reason};
  }
  if (o.hops.length > 0) {
    return {verdict: 'ok', status, finalUrl, fix: keep(o, `a temporary redirect (${chain}): the cited URL stays the one to use`), reason: `HTTP ${status} via temporary redirect (${chain})`};
  }
  return {verdict: 'ok', status, finalUrl, fix: null, reason: `HTTP ${status}${attemptsNote(o)}`};
}
