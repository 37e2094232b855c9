import type {Judgement, Observation} from './types';

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

function attemptsNote(o: Observation): string {
  return o.attempts > 1 ? ` after ${o.attempts} attempts` : '';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * The verdict on one URL, from what the probe observed. Pure: same observation, same verdict.
 * Only definitive failures are `broken`; what a site refuses to tell a robot is `unverified`.
 */
export function judge(o: Observation): Judgement {
  const chain = o.hops.map((h) => String(h.status)).join(' → ');
  if (o.error) {
    const base = {verdict: 'broken' as const, status: o.status, finalUrl: null};
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
      default:
        return {...base, reason: `network error: ${o.error.message}${attemptsNote(o)}`};
    }
  }
  const status = o.status;
  const finalUrl = o.finalUrl === null ? null : withFragment(o.finalUrl, o.url);
  if (status === null) return {verdict: 'broken', status: null, finalUrl: null, reason: 'no response'};

  if (status === 429) {
    const why =
      o.retryAfterExceeded && o.headers.retryAfterMs !== null
        ? `Retry-After ${seconds(o.headers.retryAfterMs)} exceeds the cap`
        : `still limited${attemptsNote(o)}`;
    return {verdict: 'unverified', status, finalUrl, reason: `rate limited (429): ${why}`};
  }
  if (status === 999) return {verdict: 'unverified', status, finalUrl, reason: 'refuses automated checks (999)'};
  if (o.headers.cfMitigated) {
    return {verdict: 'unverified', status, finalUrl, reason: `bot challenge (${status}, cf-mitigated)`};
  }
  if (status === 401 || status === 403) {
    return {verdict: 'unverified', status, finalUrl, reason: `access denied to automated check (${status})`};
  }
  if (status >= 500 && o.retryAfterExceeded) {
    return {verdict: 'unverified', status, finalUrl, reason: `unavailable (${status}): Retry-After exceeds the cap`};
  }
  if (status >= 400) {
    return {verdict: 'broken', status, finalUrl, reason: `HTTP ${status}${status >= 500 ? attemptsNote(o) : ''}`};
  }
  if (status < 200 || status >= 300) {
    return {verdict: 'broken', status, finalUrl, reason: `HTTP ${status} without a usable Location`};
  }
  if (o.fragment && !o.fragment.found) {
    return o.fragment.truncated
      ? {verdict: 'unverified', status, finalUrl, reason: `#${o.fragment.id} not in the first part of a large page`}
      : {verdict: 'broken', status, finalUrl, reason: `#${o.fragment.id} not found on the page`};
  }
  if (o.hops.length > 0 && o.hops.every((h) => isPermanent(h.status))) {
    return {verdict: 'redirected', status, finalUrl, reason: `moved permanently (${chain} → ${status})`};
  }
  if (o.hops.length > 0) {
    return {verdict: 'ok', status, finalUrl, reason: `HTTP ${status} via temporary redirect (${chain})`};
  }
  return {verdict: 'ok', status, finalUrl, reason: `HTTP ${status}${attemptsNote(o)}`};
}
