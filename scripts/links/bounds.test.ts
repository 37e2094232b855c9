/**
 * What a cited site, a resolver or a maintainer's flag can make the checker wait for or reach, and the bounds
 * on it: every wait a host asks for, the address policy, DNS look-ups, a body that never ends, and loopback.
 * Servers listen on 127.0.0.41–.46 only; resolvers are injected; nothing is ever sent off the machine.
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isPublicAddress, loopbackOrPublic} from './addresses';
import {type Io, runCli} from './cli';
import {parseConfig} from './config';
import {DnsCache, type Resolver} from './dns';
import {judge} from './judge';
import {HOST_WAIT_RUN_FACTOR} from './limits';
import {Prober} from './probe';
import type {JsonReport} from './report';
import {admitLoopback, type SimHost, startFakeDns, startHost} from './test-servers';
import type {Config} from './types';

function cfg(extra: Partial<Config> = {}): Config {
  return {...parseConfig({timeoutMs: 1000, retries: 2, retryBaseDelayMs: 10, dnsTimeoutMs: 300}), ...extra};
}

let waits: SimHost;
let trickle: SimHost;

beforeAll(async () => {
  waits = await startHost('127.0.0.41', (req, res) => {
    const [, status = '200', retryAfter = ''] = /^\/(\d+)\/ra-(\d+)/.exec(req.url ?? '') ?? [];
    res.writeHead(Number(status), {'retry-after': retryAfter, 'content-type': 'text/plain'}).end('wait');
  });
  trickle = await startHost('127.0.0.42', (_req, res) => {
    // Answers at once, then a byte of its page every 50 ms, forever (until the client goes away); no main heading yet.
    res.writeHead(200, {'content-type': 'text/html'});
    res.write('<title>Slow page</title>');
    const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 50);
    res.on('close', () => clearInterval(drip));
  });
});
afterAll(async () => {
  await waits.close();
  await trickle.close();
});

describe('every wait a host asks for is capped, and all of them together stay within its budget', () => {
  it.each([500, 502, 504])('%i with Retry-After: 20 over a 2 s cap is unverified at once, not waited for', async (status) => {
    const p = new Prober(cfg({retryAfterCapMs: 2000}), {isPublicAddress: admitLoopback});
    const started = Date.now();
    const o = await p.probeOne(waits.url(`/${status}/ra-20`));
    p.close();
    expect(judge(o)).toMatchObject({verdict: 'unverified', status, reason: `unavailable (${status}): Retry-After exceeds the cap`});
    expect(waits.count(`/${status}/ra-20`)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000); // the cap itself: before, 2 × 20 s
  }, 10_000);

  it('429 pauses count: five links at 429 wait no longer than the host budget in all', async () => {
    const cap = 1000;
    const p = new Prober(cfg({retryAfterCapMs: cap, perHostConcurrency: 2}), {isPublicAddress: admitLoopback});
    const started = Date.now();
    const urls = Array.from({length: 5}, (_, i) => waits.url(`/429/ra-1/${i}`));
    const obs = await p.probeAll(urls);
    p.close();
    const elapsed = Date.now() - started;
    for (const o of obs.values()) expect(judge(o).verdict).toBe('unverified');
    expect([...obs.values()].some((o) => /used up its budget/.test(judge(o).reason))).toBe(true);
    expect(p.limits.waitedMs('127.0.0.41')).toBeLessThanOrEqual(HOST_WAIT_RUN_FACTOR * cap);
    // the budget, plus request time: before, 26 × the cap
    expect(elapsed).toBeLessThan(HOST_WAIT_RUN_FACTOR * cap + 3000);
  }, 30_000);

  it('Retry-After on 503 within the cap counts too: links that would retry for 10 s stop at the budget', async () => {
    const cap = 1000;
    const p = new Prober(cfg({retryAfterCapMs: cap, retries: 10}), {isPublicAddress: admitLoopback});
    const started = Date.now();
    const obs = await p.probeAll(Array.from({length: 3}, (_, i) => waits.url(`/503/ra-1/${i}`)));
    p.close();
    const reasons = [...obs.values()].map((o) => judge(o).reason);
    expect(reasons).toEqual(reasons.map(() => `unavailable (503): the host's waits this run have used up its budget (${HOST_WAIT_RUN_FACTOR} × the Retry-After cap)`));
    expect(p.limits.waitedMs('127.0.0.41')).toBeLessThanOrEqual(HOST_WAIT_RUN_FACTOR * cap);
    expect(Date.now() - started).toBeLessThan(HOST_WAIT_RUN_FACTOR * cap + 3000); // before: 10 waits of 1 s a link
  }, 30_000);
});

describe('the address policy', () => {
  it('refuses the Azure platform address 168.63.129.16 (reachable from GitHub-hosted runners), not its neighbours', () => {
    expect(isPublicAddress('168.63.129.16')).toBe(false);
    expect(isPublicAddress('168.63.129.15')).toBe(true);
    expect(isPublicAddress('168.63.129.17')).toBe(true);
  });

  it('with --allow-loopback, admits 127.0.0.0/8 and ::1 besides public addresses, and no other private range', () => {
    for (const a of ['127.0.0.1', '127.255.255.254', '::1', '93.184.215.14']) expect(loopbackOrPublic(a), a).toBe(true);
    for (const a of ['10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '168.63.129.16', '100.64.0.1', '0.0.0.0', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::']) {
      expect(loopbackOrPublic(a), a).toBe(false);
    }
  });
});

describe('DNS look-ups are bounded by concurrency', () => {
  /** A resolver that drops bursts: more than `limit` queries at once time out, as an overloaded one does. */
  function burstDroppingResolver(limit: number, address: string) {
    const state = {inflight: 0, peak: 0, queries: 0};
    const answer = async (): Promise<string[]> => {
      state.queries++;
      state.inflight++;
      state.peak = Math.max(state.peak, state.inflight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (state.inflight > limit) throw Object.assign(new Error('queryA ETIMEOUT'), {code: 'ETIMEOUT'});
        return [address];
      } finally {
        state.inflight--;
      }
    };
    const resolver: Resolver = {resolve4: answer, resolve6: answer};
    return {resolver, state};
  }

  it('never has more queries in flight than the concurrency, so none of 300 names times out', async () => {
    const {resolver, state} = burstDroppingResolver(8, '127.0.0.43');
    const dns = new DnsCache({timeoutMs: 300, resolver, concurrency: 8});
    const answers = await Promise.all(Array.from({length: 300}, (_, i) => dns.lookup(`host-${i}.example.org`)));
    expect(answers.filter((a) => 'error' in a)).toEqual([]);
    expect(state.peak).toBeLessThanOrEqual(8);
    expect(state.queries).toBe(300);
  });

  it('the probe bounds its look-ups by the configured concurrency', async () => {
    const site = await startHost('127.0.0.43', (_req, res) => res.writeHead(200, {'content-type': 'text/plain'}).end('ok'));
    const {resolver, state} = burstDroppingResolver(4, '127.0.0.43');
    // Were `resolver` ignored, the names would go to this silent fake on loopback, never to a real name server.
    const fallback = await startFakeDns('127.0.0.45', 'silent');
    try {
      const p = new Prober(cfg({concurrency: 4}), {resolver, dnsServers: [fallback.server], isPublicAddress: admitLoopback});
      const obs = await p.probeAll(Array.from({length: 200}, (_, i) => `http://host-${i}.example.org:${site.port}/`));
      p.close();
      expect([...obs.values()].map((o) => judge(o).verdict).filter((v) => v !== 'ok')).toEqual([]);
      expect(state.peak).toBeLessThanOrEqual(4);
    } finally {
      await site.close();
      await fallback.close();
    }
  }, 30_000);
});

describe('a page that answers and then trickles its body forever', () => {
  it('is ok when no fragment is sought: one request, judged at the timeout on what was read', async () => {
    const p = new Prober(cfg({timeoutMs: 400}), {isPublicAddress: admitLoopback});
    const started = Date.now();
    const o = await p.probeOne(trickle.url('/page'));
    p.close();
    expect(judge(o)).toMatchObject({verdict: 'ok', status: 200});
    expect(o.page?.title).toBe('Slow page');
    expect(trickle.count('/page')).toBe(1);
    expect(Date.now() - started).toBeLessThan(400 + 3000); // the timeout, with a loaded machine's margin
  }, 10_000);

  it('is unverified when a fragment must be found: not "not found", not retried', async () => {
    const p = new Prober(cfg({timeoutMs: 400}), {isPublicAddress: admitLoopback});
    const o = await p.probeOne(trickle.url('/deep#install'));
    p.close();
    expect(judge(o)).toMatchObject({verdict: 'unverified', reason: '#install not in the first part of a large page'});
    expect(trickle.count('/deep')).toBe(1);
  }, 10_000);
});

describe('--allow-loopback', () => {
  let local: SimHost;
  beforeAll(async () => {
    local = await startHost('127.0.0.44', (_req, res) => res.writeHead(200, {'content-type': 'text/html'}).end('<title>Preview</title><main><h1>Preview</h1></main>'));
  });
  afterAll(async () => {
    await local.close();
  });

  function workspace(markdown: string, config: object = {timeoutMs: 1000, retries: 0}): string {
    const dir = mkdtempSync(join(tmpdir(), 'links-bounds-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/a.md'), markdown);
    writeFileSync(join(dir, 'links.config.json'), JSON.stringify(config));
    return dir;
  }

  /** The CLI with its default address policy (no Io.isPublicAddress): what a maintainer runs. */
  async function cli(dir: string, argv: string[], env: Record<string, string> = {}) {
    let out = '';
    let err = '';
    const io: Io = {cwd: dir, env, out: (s) => (out += s), err: (s) => (err += s)};
    const r = await runCli(argv, io);
    return {...r, out, err};
  }

  it('admits a local preview server on loopback, and the text, JSON, step summary and issue say it was used', async () => {
    const dir = workspace(`[preview](${local.url('/docs/intro')})\n`);
    const env = {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'summary.md')};
    const r = await cli(dir, ['--no-cache', '--allow-loopback', '--json', 'r.json', '--issue', 'issue.md', 'docs'], env);
    expect(r.code).toBe(0);
    expect(r.results.map((x) => x.verdict)).toEqual(['ok']);
    expect(r.out).toContain('--allow-loopback');
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
    expect(json.summary.loopbackAllowed).toBe(true);
    expect(readFileSync(join(dir, 'issue.md'), 'utf8')).toContain('--allow-loopback');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('--allow-loopback');
  });

  it('without the flag, the same server is refused and not asked; the reports do not mention the flag', async () => {
    const before = local.log.length;
    const dir = workspace(`[preview](${local.url('/docs/intro')})\n`);
    const r = await cli(dir, ['--no-cache', '--json', 'r.json', 'docs']);
    expect(r.results.map((x) => [x.verdict, x.reason])).toEqual([['broken', '127.0.0.44 is inside a private network: not requested']]);
    expect(local.log.length).toBe(before);
    expect(r.out).not.toContain('--allow-loopback');
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport).summary.loopbackAllowed).toBe(false);
  });

  it('admits loopback only: other private ranges stay refused, with nothing sent', async () => {
    const dir = workspace(['[a](http://10.0.0.7/)', '[b](http://192.168.1.1/)', '[c](http://169.254.169.254/latest/)', '[d](http://[fd00::1]/)', '[e](http://[::ffff:10.0.0.1]/)', ''].join('\n\n'));
    const r = await cli(dir, ['--no-cache', '--allow-loopback', 'docs']);
    expect(r.results.map((x) => x.verdict)).toEqual(['broken', 'broken', 'broken', 'broken', 'broken']);
    for (const x of r.results) expect(x.reason).toMatch(/inside a private network: not requested$/);
  });

  it('cannot be switched on from links.config.json: the key is refused, naming the flag', async () => {
    const dir = workspace(`[preview](${local.url('/')})\n`, {allowLoopback: true});
    const r = await cli(dir, ['--no-cache', 'docs']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('links.config.json: "allowLoopback" is a command-line flag only (--allow-loopback)');
  });
});
