import {describe, expect, it} from 'vitest';
import {judge, withFragment} from './judge';
import type {Observation, Verdict} from './types';

function obs(partial: Partial<Observation>): Observation {
  return {
    url: 'https://a.test/page',
    hops: [],
    status: 200,
    finalUrl: 'https://a.test/page',
    headers: {cfMitigated: false, retryAfterMs: null, contentType: 'text/html'},
    error: null,
    attempts: 1,
    retryAfterExceeded: false,
    fragment: null,
    ...partial,
  };
}
const hop = (status: number, url = 'https://a.test/x', location = 'https://a.test/y') => ({url, status, location});

const cases: Array<[string, Partial<Observation>, Verdict, RegExp]> = [
  ['200', {}, 'ok', /HTTP 200/],
  ['200 after a retry', {attempts: 2}, 'ok', /after 2 attempts/],
  ['204', {status: 204}, 'ok', /204/],
  ['one 301', {hops: [hop(301)], finalUrl: 'https://a.test/y'}, 'redirected', /moved permanently \(301 → 200\)/],
  ['301 then 308', {hops: [hop(301), hop(308)]}, 'redirected', /301 → 308 → 200/],
  ['302', {hops: [hop(302)]}, 'ok', /temporary redirect \(302\)/],
  ['307', {hops: [hop(307)]}, 'ok', /temporary/],
  ['303', {hops: [hop(303)]}, 'ok', /temporary/],
  ['301 then 302 is not "moved"', {hops: [hop(301), hop(302)]}, 'ok', /temporary redirect \(301 → 302\)/],
  ['301 to a 404', {hops: [hop(301)], status: 404}, 'broken', /HTTP 404/],
  ['404', {status: 404}, 'broken', /HTTP 404/],
  ['410', {status: 410}, 'broken', /HTTP 410/],
  ['400', {status: 400}, 'broken', /HTTP 400/],
  ['persistent 503', {status: 503, attempts: 3}, 'broken', /HTTP 503 after 3 attempts/],
  ['500', {status: 500}, 'broken', /HTTP 500/],
  ['503 with an over-cap Retry-After', {status: 503, retryAfterExceeded: true, headers: {cfMitigated: false, retryAfterMs: 3_600_000, contentType: null}}, 'unverified', /Retry-After exceeds/],
  ['429 over the cap', {status: 429, retryAfterExceeded: true, headers: {cfMitigated: false, retryAfterMs: 3_600_000, contentType: null}}, 'unverified', /Retry-After 3600 s exceeds the cap/],
  ['429 through the retries', {status: 429, attempts: 6}, 'unverified', /rate limited \(429\): still limited after 6 attempts/],
  ['999', {status: 999}, 'unverified', /999/],
  ['403 cf-mitigated', {status: 403, headers: {cfMitigated: true, retryAfterMs: null, contentType: 'text/html'}}, 'unverified', /bot challenge \(403, cf-mitigated\)/],
  ['200 cf-mitigated challenge page', {status: 200, headers: {cfMitigated: true, retryAfterMs: null, contentType: 'text/html'}}, 'unverified', /cf-mitigated/],
  ['plain 403', {status: 403}, 'unverified', /access denied/],
  ['401', {status: 401}, 'unverified', /access denied/],
  ['fragment found', {fragment: {id: 'a', found: true, truncated: false}}, 'ok', /HTTP 200/],
  ['fragment missing', {fragment: {id: 'nope', found: false, truncated: false}}, 'broken', /#nope not found/],
  ['fragment beyond the body cap', {fragment: {id: 'far', found: false, truncated: true}}, 'unverified', /#far not in the first part/],
  ['fragment missing after a 301', {hops: [hop(301)], fragment: {id: 'x', found: false, truncated: false}}, 'broken', /#x not found/],
  ['DNS NXDOMAIN', {status: null, finalUrl: null, error: {kind: 'dns', message: 'a.test not found (NXDOMAIN)'}}, 'broken', /^DNS: a\.test not found/],
  ['DNS timeout', {status: null, finalUrl: null, error: {kind: 'dns-timeout', message: 'no answer for a.test'}}, 'broken', /^DNS timeout/],
  ['refused', {status: null, error: {kind: 'refused', message: 'x'}, attempts: 3}, 'broken', /connection refused after 3 attempts/],
  ['reset', {status: null, error: {kind: 'reset', message: 'x'}}, 'broken', /connection reset/],
  ['timeout', {status: null, error: {kind: 'timeout', message: 'x'}, attempts: 3}, 'broken', /timed out after 3 attempts/],
  ['TLS', {status: null, error: {kind: 'tls', message: 'certificate has expired'}}, 'broken', /TLS: certificate has expired/],
  ['redirect loop', {status: null, hops: [hop(301), hop(302)], error: {kind: 'redirect-loop', message: 'x'}}, 'broken', /redirect loop \(301 → 302\)/],
  ['too many redirects', {status: null, hops: [hop(302), hop(302)], error: {kind: 'too-many-redirects', message: 'x'}}, 'broken', /too many redirects/],
  ['redirect to ftp', {status: null, hops: [hop(301)], error: {kind: 'bad-redirect', message: 'to ftp: URL'}}, 'broken', /bad redirect/],
  ['3xx without Location', {status: 302}, 'broken', /without a usable Location/],
  ['no response at all', {status: null, finalUrl: null}, 'broken', /no response/],
];

describe('judge', () => {
  it.each(cases)('%s', (_name, partial, verdict, reason) => {
    const j = judge(obs(partial));
    expect(j.verdict).toBe(verdict);
    expect(j.reason).toMatch(reason);
  });

  it('points a permanent move at the final URL, keeping the cited fragment', () => {
    const j = judge(obs({url: 'https://a.test/old#install', hops: [hop(301)], finalUrl: 'https://b.test/new', fragment: {id: 'install', found: true, truncated: false}}));
    expect(j).toMatchObject({verdict: 'redirected', status: 200, finalUrl: 'https://b.test/new#install'});
  });

  it('keeps a fragment the redirect itself set', () => {
    expect(withFragment('https://b.test/new#other', 'https://a.test/old#x')).toBe('https://b.test/new#other');
    expect(withFragment('https://b.test/new', 'https://a.test/old')).toBe('https://b.test/new');
  });

  it('gives no final URL for network failures', () => {
    expect(judge(obs({status: null, error: {kind: 'refused', message: 'x'}}))).toMatchObject({finalUrl: null, status: null});
  });
});
