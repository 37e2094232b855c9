import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseConfig} from './config';
import {judge} from './judge';
import {backoffMs, checkableFragment, fragmentMatcher, parseRetryAfter, Prober} from './probe';
import {closedPort, type SimHost, startFakeDns, startHost, streamHuge} from './test-servers';
import type {Config} from './types';

const FAST = {timeoutMs: 400, retries: 2, retryBaseDelayMs: 20, retryAfterCapMs: 3000, dnsTimeoutMs: 300};

function cfg(extra: Partial<Config> = {}): Config {
  return {...parseConfig(FAST), ...extra};
}

async function check(url: string, config = cfg(), dns?: string[]) {
  const p = new Prober(config, dns);
  try {
    const o = await p.probe(url);
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
    const m = fragmentMatcher('install');
    expect(m.test('<h2 id="install">')).toBe(true);
    expect(m.test("<a name='install'>")).toBe(true);
    expect(m.test('<h2 id=install>')).toBe(true);
    expect(m.test('<h2 id="user-content-install">')).toBe(true);
    expect(m.test('<h2 id="installation">')).toBe(false);
    expect(m.test('<p>install</p>')).toBe(false);
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

  it('gives HEAD-hostile servers a GET: 405, no answer, reset', async () => {
    for (const path of ['/head-405', '/head-hangs', '/head-resets']) {
      const {j} = await check(a.url(path));
      expect(j.verdict, path).toBe('ok');
      expect(a.count(path, 'GET'), path).toBe(1);
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
    // HEAD 503 → GET fallback, then 2 retries with GET
    expect(a.log.slice(before).filter((r) => r.path === '/down').length).toBe(4);
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

  it('never downloads a huge body: HEAD only without a fragment, capped reads with one', async () => {
    const sentBefore = a.bytesSent;
    expect((await check(a.url('/huge'))).j.verdict).toBe('ok');
    expect(a.count('/huge', 'GET')).toBe(0);
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
      const p = new Prober(cfg({dnsTimeoutMs: 100}), [nx.server]);
      const obs = await p.probeAll(['http://nowhere.test/a', 'http://nowhere.test/b', 'http://other.test/']);
      p.close();
      for (const o of obs.values()) expect(judge(o).reason).toMatch(/^DNS: .* not found \(NXDOMAIN\)/);
      // one name → one A query (it fails, so no AAAA); two names → 2 queries
      expect(nx.queries).toBe(2);
      const q = new Prober(cfg({dnsTimeoutMs: 100}), [silent.server]);
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
