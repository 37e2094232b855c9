import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseConfig} from './config';
import {judge} from './judge';
import {backoffMs, checkableFragment, parseQuota, parseRetryAfter, Prober} from './probe';
import {UNKNOWN_PAGE_NAME} from './softDead';
import {admitLoopback, closedPort, type SimHost, startFakeDns, startHost, streamHuge} from './test-servers';
import type {Config} from './types';

const FAST = {timeoutMs: 400, retries: 2, retryBaseDelayMs: 20, retryAfterCapMs: 3000, dnsTimeoutMs: 300};

function cfg(extra: Partial<Config> = {}): Config {
  return {...parseConfig(FAST), ...extra};
}

async function check(url: string, config = cfg(), dns?: string[]) {
  const p = new Prober(config, {dnsServers: dns, isPublicAddress: admitLoopback});
  try {
    const o = await p.probeOne(url);
    return {o, j: judge(o)};
  } finally {
    p.close();
  }
}

describe('pure helpers', () => {
  it('parses Retry-After in both forms', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('backs off exponentially with bounded jitter', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 100, () => 0))).toEqual([100, 200, 400]);
    expect(backoffMs(2, 100, () => 1)).toBe(250);
  });

  it('knows which fragments are element ids', () => {
    expect(checkableFragment(new URL('https://a.test/p#Install%20it'))).toBe('Install it');
    expect(checkableFragment(new URL('https://a.test/p'))).toBeNull();
    expect(checkableFragment(new URL('https://a.test/p#:~:text=hello'))).toBeNull();
    expect(checkableFragment(new URL('https://a.test/p#/route/x'))).toBeNull();
    expect(checkableFragment(new URL('https://github.com/o/r/blob/main/f.ts#L10-L20'))).toBeNull();
  });

  it('reads announced quotas in every form: RateLimit-*, X-RateLimit-* (delta or Unix time), structured RateLimit', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseQuota({'ratelimit-limit': '10', 'ratelimit-remaining': '3', 'ratelimit-reset': '20'}, now)).toEqual({limit: 10, remaining: 3, resetMs: 20_000});
    expect(parseQuota({'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 90)}, now)).toEqual({limit: 60, remaining: 0, resetMs: 90_000});
    expect(parseQuota({'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '7'}, now)).toEqual({limit: null, remaining: 5, resetMs: 7000});
    expect(parseQuota({ratelimit: 'limit=100, remaining=50, reset=30'}, now)).toEqual({limit: 100, remaining: 50, resetMs: 30_000});
    expect(parseQuota({ratelimit: '"default";r=2;t=9', 'ratelimit-policy': '"default";q=10;w=60'}, now)).toEqual({limit: null, remaining: 2, resetMs: 9000});
    expect(parseQuota({'ratelimit-remaining': 'lots'}, now)).toBeNull();
    expect(parseQuota({}, now)).toBeNull();
  });
});

describe('probe against loopback hosts', () => {
  let a: SimHost;
  let b: SimHost;
  beforeAll(async () => {
    a = await startHost('127.0.0.2', (req, res, host) => {
      const path = req.url ?? '/';
      const bump = (): number => {
        const n = (host.state.get(path) ?? 0) + 1;
        host.state.set(path, n);
        return n;
      };
      switch (path) {
        case '/ok':
          res.writeHead(200, {'content-type': 'text/html'}).end('<h1 id="top">hi</h1>');
          return;
        case '/head-405':
          if (req.method === 'HEAD') res.writeHead(405).end();
          else res.writeHead(200, {'content-type': 'text/html'}).end('ok');
          return;
        case '/head-hangs':
          if (req.method === 'GET') res.writeHead(200).end('ok');
          return; // HEAD never answered
        case '/head-resets':
          if (req.method === 'HEAD') req.socket.destroy();
          else res.writeHead(200).end('ok');
          return;
        case '/flaky':
          if (bump() < 3) res.writeHead(503).end();
          else res.writeHead(200).end();
          return;
        case '/down':
          res.writeHead(503).end();
          return;
        case '/gone':
          res.writeHead(410).end();
          return;
        case '/reset':
          req.socket.destroy();
          return;
        case '/hang':
          return;
        case '/ra-seconds':
          if (bump() === 1) res.writeHead(429, {'retry-after': '1'}).end();
          else res.writeHead(200).end();
          return;
        case '/ra-date':
          if (bump() === 1) res.writeHead(429, {'retry-after': new Date(Date.now() + 2000).toUTCString()}).end();
          else res.writeHead(200).end();
          return;
        case '/ra-hour':
          res.writeHead(429, {'retry-after': '3600'}).end();
          return;
        case '/999':
          res.writeHead(999).end();
          return;
        case '/cf':
          res.writeHead(403, {'cf-mitigated': 'challenge', 'content-type': 'text/html'}).end('<html>challenge</html>');
          return;
        case '/p1':
          res.writeHead(301, {location: '/p2'}).end();
          return;
        case '/p2':
          res.writeHead(308, {location: `${b.origin}/final`}).end();
          return;
        case '/t1':
          res.writeHead(302, {location: '/ok'}).end();
          return;
        case '/mixed':
          res.writeHead(301, {location: '/t1'}).end();
          return;
        case '/loop1':
          res.writeHead(301, {location: '/loop2'}).end();
          return;
        case '/loop2':
          res.writeHead(302, {location: '/loop1'}).end();
          return;
        case '/huge':
          if (req.method === 'HEAD') res.writeHead(200, {'content-type': 'text/html', 'content-length': String(200 * 1024 * 1024)}).end();
          else streamHuge(res, 200 * 1024 * 1024, '<h2 id="early">x</h2>');
          return;
        case '/page':
          res.writeHead(200, {'content-type': 'text/html'}).end('<html><body><h2 id="real">Real</h2><h2 id="user-content-readme">R</h2></body></html>');
          return;
        default:
          res.writeHead(404).end();
      }
    });
    b = await startHost('127.0.0.3', (req, res) => {
      if (req.url === '/final') res.writeHead(200, {'content-type': 'text/html'}).end('<h2 id="sec">s</h2>');
      else res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('ok, 404 and 410', async () => {
    expect((await check(a.url('/ok'))).j.verdict).toBe('ok');
    expect((await check(a.url('/missing'))).j).toMatchObject({verdict: 'broken', status: 404});
    expect((await check(a.url('/gone'))).j).toMatchObject({verdict: 'broken', status: 410});
  });

  it('asks with one GET, never HEAD, so HEAD-hostile servers (405, no answer, reset) are fine', async () => {
    for (const path of ['/head-405', '/head-hangs', '/head-resets']) {
      const {j} = await check(a.url(path));
      expect(j.verdict, path).toBe('ok');
      expect(a.count(path, 'GET'), path).toBe(1);
      expect(a.count(path, 'HEAD'), path).toBe(0);
    }
  });

  it('retries a flaky 5xx until it recovers, and calls a persistent one broken after the retries', async () => {
    const flaky = await check(a.url('/flaky'));
    expect(flaky.j.verdict).toBe('ok');
    expect(a.count('/flaky', 'GET') + a.count('/flaky', 'HEAD')).toBeGreaterThanOrEqual(3);
    const before = a.log.length;
    const down = await check(a.url('/down'));
    expect(down.j).toMatchObject({verdict: 'broken', status: 503});
    expect(down.j.reason).toMatch(/after 3 attempts/);
    // the first GET, then 2 retries
    expect(a.log.slice(before).filter((r) => r.path === '/down').length).toBe(3);
  });

  it('has a finite timeout, and calls resets and refused connections broken', async () => {
    const hang = await check(a.url('/hang'), cfg({timeoutMs: 150, retries: 1}));
    expect(hang.j).toMatchObject({verdict: 'broken'});
    expect(hang.j.reason).toMatch(/timed out after 2 attempts/);
    expect((await check(a.url('/reset'))).j.reason).toMatch(/connection reset/);
    const port = await closedPort('127.0.0.4');
    expect((await check(`http://127.0.0.4:${port}/x`)).j.reason).toMatch(/connection refused/);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    for (const path of ['/ra-seconds', '/ra-date']) {
      const {j} = await check(a.url(path));
      expect(j.verdict, path).toBe('ok');
      const [first, second] = a.log.filter((r) => r.path === path);
      // waited what was asked (an HTTP date has whole seconds: +2 s is at least 1 s away)
      expect((second?.at ?? 0) - (first?.at ?? 0), path).toBeGreaterThanOrEqual(900);
    }
  });

  it('does not wait out a Retry-After over the cap: unverified at once', async () => {
    const {j} = await check(a.url('/ra-hour'));
    expect(j.verdict).toBe('unverified');
    expect(j.reason).toMatch(/Retry-After 3600 s exceeds the cap/);
    expect(a.count('/ra-hour')).toBe(1);
  });

  it('calls bot walls unverified: 999 and 403 with cf-mitigated', async () => {
    expect((await check(a.url('/999'))).j.verdict).toBe('unverified');
    expect((await check(a.url('/cf'))).j).toMatchObject({verdict: 'unverified', status: 403});
  });

  it('records every redirect hop with its status, across hosts', async () => {
    const {o, j} = await check(a.url('/p1#sec'));
    expect(o.hops.map((h) => h.status)).toEqual([301, 308]);
    expect(j).toMatchObject({verdict: 'redirected', status: 200, finalUrl: `${b.origin}/final#sec`});
    expect((await check(a.url('/t1'))).j).toMatchObject({verdict: 'ok', finalUrl: a.url('/ok')});
    expect((await check(a.url('/mixed'))).j.verdict).toBe('ok');
    expect((await check(a.url('/loop1'))).j.reason).toMatch(/redirect loop \(301 → 302\)/);
    const few = await check(a.url('/p1'), cfg({maxRedirects: 1}));
    expect(few.j.reason).toMatch(/too many redirects/);
  });

  it('finds fragments in the HTML, and calls a missing one broken', async () => {
    expect((await check(a.url('/page#real'))).j.verdict).toBe('ok');
    expect((await check(a.url('/page#readme'))).j.verdict).toBe('ok');
    const missing = await check(a.url('/page#nowhere'));
    expect(missing.j).toMatchObject({verdict: 'broken', status: 200});
    expect(missing.j.reason).toMatch(/#nowhere not found/);
  });

  it('never downloads a huge body: reads stop at what is needed (title, heading, #id) or at the caps', async () => {
    const sentBefore = a.bytesSent;
    expect((await check(a.url('/huge'))).j.verdict).toBe('ok');
    expect((await check(a.url('/huge#early'))).j.verdict).toBe('ok');
    const far = await check(a.url('/huge#far-away'), cfg({maxBodyBytes: 256 * 1024}));
    expect(far.j.verdict).toBe('unverified');
    expect(far.j.reason).toMatch(/first part of a large page/);
    // 200 MiB each were offered; a few socket buffers' worth went out
    expect(a.bytesSent - sentBefore).toBeLessThan(16 * 1024 * 1024);
  });

  it('fails DNS fast: NXDOMAIN and a silent resolver are broken without a hang, one query per host', async () => {
    const nx = await startFakeDns('127.0.0.5', 'nxdomain');
    const silent = await startFakeDns('127.0.0.6', 'silent');
    try {
      const p = new Prober(cfg({dnsTimeoutMs: 100}), {dnsServers: [nx.server], isPublicAddress: admitLoopback});
      const obs = await p.probeAll(['http://nowhere.test/a', 'http://nowhere.test/b', 'http://other.test/']);
      p.close();
      for (const o of obs.values()) expect(judge(o).reason).toMatch(/^DNS: .* not found \(NXDOMAIN\)/);
      // one name → one A query (it fails, so no AAAA); two names → 2 queries
      expect(nx.queries).toBe(2);
      const q = new Prober(cfg({dnsTimeoutMs: 100}), {dnsServers: [silent.server], isPublicAddress: admitLoopback});
      const started = Date.now();
      const hung = await q.probeAll(['http://slow-dns.test/a', 'http://slow-dns2.test/b']);
      q.close();
      for (const o of hung.values()) expect(judge(o).reason).toMatch(/^DNS timeout/);
      expect(Date.now() - started).toBeLessThan(4000); // bounded by dnsTimeoutMs × tries, not the system's 5 s
    } finally {
      await nx.close();
      await silent.close();
    }
  });
});

const html = (title: string, body: string): string => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('soft-dead pages against loopback hosts', () => {
  let site: SimHost;
  let owner: SimHost;
  beforeAll(async () => {
    // The new owner of a retired site: every old blog address lands on one product page.
    owner = await startHost('127.0.0.11', (req, res) => {
      const path = req.url ?? '/';
      if (path === '/products/nginx') res.writeHead(200, {'content-type': 'text/html'}).end(html('NGINX Plus | Owner', '<main><h1>NGINX Plus</h1></main>'));
      else if (path === '/blog/post') res.writeHead(200, {'content-type': 'text/html'}).end(html('A post | Owner', '<main><h1>A post</h1></main>'));
      else res.writeHead(404, {'content-type': 'text/html'}).end(html('Not found', '<h1>Not found</h1>'));
    });
    site = await startHost('127.0.0.10', (req, res) => {
      const path = req.url ?? '/';
      const page = (title: string, body: string, status = 200) => res.writeHead(status, {'content-type': 'text/html; charset=utf-8'}).end(html(title, body));
      const move = (status: number, location: string) => res.writeHead(status, {location}).end();
      if (path.startsWith('/blog/')) return move(301, `${owner.origin}/products/nginx`); // the catch-all
      switch (path) {
        case '/':
          return move(301, '/en/');
        case '/en/':
          return page('Acme', '<main><h1>Welcome to Acme</h1></main>');
        case '/docs':
          return move(301, '/docs/latest/');
        case '/docs/latest/':
          return page('Docs | Acme', '<main><h1>Acme documentation</h1></main>');
        case '/docs/retired':
          return page('Page not found | Retired Docs', '<main><h1>Page not found</h1></main>');
        case '/docs/heading-only':
          return page('Acme Docs', '<header><h1>Acme</h1></header><main><h1>Sorry, we couldn’t find that page</h1></main>');
        case '/docs/removed':
          return move(302, '/404.html');
        case '/404.html':
          return page('Acme', '<main><h1>Lost?</h1></main>');
        case '/docs/moved-home':
          return move(301, '/en/');
        case '/docs/private':
          return move(302, '/login?next=%2Fdocs%2Fprivate');
        case '/login?next=%2Fdocs%2Fprivate':
          return page('Sign in | Acme', '<main><h1>Sign in</h1><form></form></main>');
        case '/docs/http-404':
          return page('404 Not Found - HTTP | Acme', '<main><h1>404 Not Found</h1><p>The HTTP 404 status code means the server cannot find the page. Here is what to do…</p></main>');
        case '/moved/post':
          return move(301, `${owner.origin}/blog/post`);
        case '/docs/anchors':
          return page(
            'Anchors | Acme',
            '<!-- <h2 id="in-comment"> --><script>var s = \'<h2 id="in-script">\';</script><meta name="in-meta" content="x">' +
              '<main><h1>Anchors</h1><A NAME="toString()"></A><H2 ID="Setup">Setup</H2><input name="in-input"></main>',
          );
        default:
          return page('Not found', '<h1>Not found</h1>', 404);
      }
    });
  });
  afterAll(async () => {
    await site.close();
    await owner.close();
  });

  it('calls a 200 not-found page soft-dead, by its title or by its main heading', async () => {
    const byTitle = await check(site.url('/docs/retired'));
    expect(byTitle.o.page).toEqual({title: 'Page not found | Retired Docs', heading: 'Page not found'});
    expect(byTitle.j).toMatchObject({verdict: 'soft-dead', status: 200, fix: null});
    expect(byTitle.j.reason).toBe('soft 404: the page\'s title says "Page not found | Retired Docs"');
    const byHeading = await check(site.url('/docs/heading-only'));
    expect(byHeading.j.verdict).toBe('soft-dead');
    expect(byHeading.j.reason).toMatch(/heading says "Sorry, we couldn’t find that page"/);
  });

  it('calls redirects to the site’s 404 page, its home page and a sign-in page soft-dead, and --fix may not follow them', async () => {
    const notFound = await check(site.url('/docs/removed'));
    expect(notFound.j).toMatchObject({verdict: 'soft-dead', finalUrl: site.url('/404.html'), fix: {rewrite: false}});
    expect(notFound.j.reason).toMatch(/redirected to the site's not-found page/);
    const home = await check(site.url('/docs/moved-home'));
    expect(home.j).toMatchObject({verdict: 'soft-dead', finalUrl: site.url('/en/'), fix: {rewrite: false}});
    expect(home.j.reason).toMatch(/deep link redirected to the site's home page/);
    const login = await check(site.url('/docs/private'));
    expect(login.j).toMatchObject({verdict: 'soft-dead', fix: {rewrite: false}});
    expect(login.j.reason).toBe(`redirected to a sign-in page (${site.url('/login')})`);
  });

  it('calls a redirect soft-dead when a made-up page next to it lands in the same place (a catch-all), asking once per folder', async () => {
    const p = new Prober(cfg(), {isPublicAddress: admitLoopback});
    try {
      const obs = await p.probeAll([site.url('/blog/old-post'), site.url('/blog/another-post'), site.url('/moved/post')]);
      const [first, second, moved] = [...obs.values()].map(judge);
      expect(first).toMatchObject({verdict: 'soft-dead', finalUrl: owner.url('/products/nginx')});
      expect(first?.reason).toMatch(/where any unknown page of the site goes/);
      expect(second?.verdict).toBe('soft-dead');
      expect(site.count(`/blog/${UNKNOWN_PAGE_NAME}`)).toBe(1);
      // a real move keeps the page's own path: the made-up page next to it is a 404 there
      expect(moved).toMatchObject({verdict: 'redirected', finalUrl: owner.url('/blog/post'), fix: {rewrite: true}});
      expect(site.count(`/moved/${UNKNOWN_PAGE_NAME}`)).toBe(1);
    } finally {
      p.close();
    }
  });

  it('does not fire on a page about HTTP 404, on / → /en/ or on /docs → /docs/latest/', async () => {
    const about = await check(site.url('/docs/http-404'));
    expect(about.j).toMatchObject({verdict: 'ok', status: 200});
    const root = await check(site.url('/'));
    expect(root.j).toMatchObject({verdict: 'ok', finalUrl: site.url('/en/'), fix: {rewrite: false}});
    expect(root.j.fix).toMatchObject({why: expect.stringMatching(/home page/)});
    const docs = await check(site.url('/docs'));
    expect(docs.j).toMatchObject({verdict: 'redirected', finalUrl: site.url('/docs/latest/'), fix: {rewrite: true}});
    expect(site.count(`/${UNKNOWN_PAGE_NAME}`)).toBe(1); // asked for /docs, a 404: no catch-all
  });

  it('counts a #fragment only in a real element’s id, or an <a> name, whatever the attribute’s case', async () => {
    const verdict = async (id: string) => (await check(site.url(`/docs/anchors#${encodeURIComponent(id)}`))).j;
    expect((await verdict('toString()')).verdict).toBe('ok');
    expect((await verdict('Setup')).verdict).toBe('ok');
    for (const id of ['setup', 'in-comment', 'in-script', 'in-meta', 'in-input']) {
      expect(await verdict(id), id).toMatchObject({verdict: 'broken', reason: `#${id} not found on the page`});
    }
  });
});

describe('announced quotas (RateLimit-*, X-RateLimit-*) against loopback hosts', () => {
  /** A host that allows `limit` requests per fixed window of `windowMs`, says so in its headers, and answers 429 past it. */
  async function quotaHost(ip: string, limit: number, windowMs: number, style: 'ietf' | 'x-epoch') {
    const started = Date.now();
    const used = new Map<number, number>();
    return startHost(ip, (_req, res, host) => {
      const now = Date.now();
      const window = Math.floor((now - started) / windowMs);
      const n = (used.get(window) ?? 0) + 1;
      used.set(window, n);
      const endsAt = started + (window + 1) * windowMs;
      const remaining = Math.max(0, limit - n);
      const headers =
        style === 'ietf'
          ? {'ratelimit-limit': String(limit), 'ratelimit-remaining': String(remaining), 'ratelimit-reset': String(Math.ceil((endsAt - now) / 1000))}
          : {'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(Math.ceil(endsAt / 1000))};
      if (n > limit) {
        host.tooMany++;
        res.writeHead(429, headers).end();
      } else res.writeHead(200, {...headers, 'content-type': 'text/html'}).end(html('Page', '<main><h1>Page</h1></main>'));
    });
  }

  it.each([
    ['RateLimit-* with a delta reset', '127.0.0.12', 'ietf'],
    ['X-RateLimit-* with a Unix-time reset', '127.0.0.13', 'x-epoch'],
  ] as const)('%s: paced inside the quota, so the host never has to answer 429', async (_name, ip, style) => {
    const host = await quotaHost(ip, 6, 1000, style);
    try {
      const p = new Prober(cfg({perHostConcurrency: 4}), {isPublicAddress: admitLoopback});
      const urls = Array.from({length: 15}, (_, i) => host.url(`/q/${i}`));
      const started = Date.now();
      const obs = await p.probeAll(urls);
      p.close();
      for (const o of obs.values()) expect(judge(o).verdict).toBe('ok');
      expect(host.tooMany).toBe(0);
      expect(host.log.length).toBe(15);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // 15 requests at 6 a second: at least two waits
    } finally {
      await host.close();
    }
  });

  it('caps the total time a host’s quota keeps us waiting: a host that always says "0 left, back in 1 s" does not hold the run', async () => {
    const host = await startHost('127.0.0.15', (_req, res) => res.writeHead(200, {'x-ratelimit-limit': '0', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1', 'content-type': 'text/html'}).end(html('P', '')));
    try {
      const p = new Prober(cfg({perHostConcurrency: 1, retryAfterCapMs: 1000}), {isPublicAddress: admitLoopback});
      const started = Date.now();
      const obs = await p.probeAll(Array.from({length: 12}, (_, i) => host.url(`/z/${i}`)));
      p.close();
      const verdicts = [...obs.values()].map((o) => judge(o).verdict);
      expect(verdicts.filter((v) => v === 'ok').length).toBe(host.log.length);
      // waits of 1 s each, at most HOST_WAIT_RUN_FACTOR (4) × the 1 s cap in all: a handful of requests, then not asked
      expect(host.log.length).toBeLessThanOrEqual(6);
      expect(verdicts.filter((v) => v === 'unverified').length).toBe(12 - host.log.length);
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      await host.close();
    }
  }, 15_000);

  it('does not wait out a quota that resets after the cap: the rest are unverified, and not asked', async () => {
    const host = await startHost('127.0.0.14', (_req, res) => res.writeHead(200, {'ratelimit-remaining': '0', 'ratelimit-reset': '3600', 'content-type': 'text/html'}).end(html('P', '')));
    try {
      const p = new Prober(cfg({perHostConcurrency: 1}), {isPublicAddress: admitLoopback});
      const obs = await p.probeAll([host.url('/a'), host.url('/b'), host.url('/c')]);
      p.close();
      const verdicts = [...obs.values()].map(judge);
      expect(verdicts.map((j) => j.verdict)).toEqual(['ok', 'unverified', 'unverified']);
      expect(verdicts[1]?.reason).toMatch(/announced request quota is used up for 3600 s more/);
      expect(host.log.length).toBe(1);
    } finally {
      await host.close();
    }
  });
});
