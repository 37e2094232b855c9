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
    waitBudgetSpent: false,
    fragment: null,
    page: {title: 'Page | A', heading: 'Page'},
    unknownPageUrl: null,
    quotaExhaustedMs: null,
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
  ['cited host in a private network', {status: null, error: {kind: 'private-address', message: 'intranet.example.com (10.0.0.7)'}}, 'broken', /^intranet\.example\.com \(10\.0\.0\.7\) is inside a private network: not requested$/],
  ['redirect into a private network', {status: null, hops: [hop(302), hop(301)], error: {kind: 'private-address', message: '169.254.169.254'}}, 'broken', /^redirected into a private network \(302 → 301 to 169\.254\.169\.254\): not followed$/],
  ['3xx without Location', {status: 302}, 'broken', /without a usable Location/],
  ['no response at all', {status: null, finalUrl: null}, 'broken', /no response/],
  ['quota used up past the cap', {status: null, finalUrl: null, quotaExhaustedMs: 3_600_000}, 'unverified', /announced request quota is used up for 3600 s more/],
  // soft-dead: the site answers 2xx, but not with the cited page
  ['200 "Page not found"', {page: {title: 'Page not found | A', heading: null}}, 'soft-dead', /^soft 404: the page's title says/],
  ['200 with a not-found heading', {page: {title: 'A', heading: '404'}}, 'soft-dead', /heading says "404"/],
  ['not-found page with the cited #id missing', {page: {title: 'Not Found', heading: null}, fragment: {id: 'x', found: false, truncated: false}}, 'soft-dead', /soft 404/],
  ['302 to the site\'s 404 page', {url: 'https://a.test/docs/x', hops: [hop(302)], finalUrl: 'https://a.test/404.html'}, 'soft-dead', /not-found page/],
  ['301 from a deep link to /', {url: 'https://a.test/docs/x', hops: [hop(301)], finalUrl: 'https://a.test/'}, 'soft-dead', /deep link redirected to the site's home page/],
  ['302 to a sign-in page', {url: 'https://a.test/docs/x', hops: [hop(302)], finalUrl: 'https://a.test/users/sign_in?return_to=x'}, 'soft-dead', /sign-in page/],
  ['301 where unknown pages go', {url: 'https://a.test/blog/x', hops: [hop(301)], finalUrl: 'https://b.test/products', unknownPageUrl: 'https://b.test/products'}, 'soft-dead', /unknown page/],
  // …and the look-alikes that are not
  ['a docs page about HTTP 404', {url: 'https://a.test/docs/Web/HTTP/Status/404', page: {title: '404 Not Found - HTTP | A', heading: '404 Not Found'}}, 'ok', /HTTP 200/],
  ['/ → /en/', {url: 'https://a.test/', hops: [hop(301)], finalUrl: 'https://a.test/en/'}, 'ok', /via redirect to the home page \(301\)/],
  ['/docs → /docs/latest/', {url: 'https://a.test/docs', hops: [hop(302)], finalUrl: 'https://a.test/docs/latest/'}, 'ok', /temporary redirect/],
  ['301 up to a parent page', {url: 'https://a.test/docs/a/b', hops: [hop(301)], finalUrl: 'https://a.test/docs/a/'}, 'redirected', /up to a parent page/],
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

  it('lets --fix rewrite only a permanent move to a real, specific page, and says why not otherwise', () => {
    const fix = (partial: Partial<Observation>) => judge(obs({url: 'https://a.test/docs/x', finalUrl: 'https://a.test/docs/y', ...partial})).fix;
    expect(fix({})).toBeNull(); // no redirect, nothing to fix
    expect(fix({hops: [hop(301), hop(308)]})).toEqual({rewrite: true});
    expect(fix({hops: [hop(301), hop(302)]})).toEqual({rewrite: false, why: expect.stringMatching(/temporary redirect \(301 → 302\)/)});
    expect(fix({hops: [hop(301)], finalUrl: 'https://a.test/'})).toEqual({rewrite: false, why: expect.stringMatching(/home page/)});
    expect(fix({hops: [hop(301)], finalUrl: 'https://a.test/login'})).toEqual({rewrite: false, why: expect.stringMatching(/sign-in page/)});
    expect(fix({hops: [hop(301)], page: {title: 'Page not found', heading: null}})).toEqual({rewrite: false, why: expect.stringMatching(/soft 404/)});
    expect(fix({hops: [hop(301)], finalUrl: 'https://a.test/docs/'})).toEqual({rewrite: false, why: expect.stringMatching(/parent page/)});
    expect(fix({hops: [hop(301)], status: 404})).toEqual({rewrite: false, why: expect.stringMatching(/ends in a failure: HTTP 404/)});
    expect(fix({hops: [hop(301)], status: 403})).toEqual({rewrite: false, why: expect.stringMatching(/could not be verified/)});
    expect(fix({hops: [hop(301)], fragment: {id: 'x', found: false, truncated: false}})).toEqual({rewrite: false, why: '#x is not on the target page'});
  });

  it('gives no final URL for network failures', () => {
    expect(judge(obs({status: null, error: {kind: 'refused', message: 'x'}}))).toMatchObject({finalUrl: null, status: null});
  });
});
