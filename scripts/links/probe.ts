import http from 'node:http';
import https from 'node:https';
import type {LookupFunction} from 'node:net';
import {createBrotliDecompress, createGunzip, createInflate} from 'node:zlib';
import type {Readable, Transform} from 'node:stream';
import {type AddressPolicy, isPublicAddress} from './addresses';
import {type DnsAnswer, DnsCache, type Resolver} from './dns';
import {Limits, type Quota, sleep} from './limits';
import {PageScanner, type PageSignals} from './page';
import {BOT_CHALLENGE_HEADER, isScriptDrawnFragment} from './quirks';
import {siblingProbeUrl, softDeadReason} from './softDead';
import type {Config, Hop, NetErrorKind, Observation} from './types';

/**
 * Most of a page read for its title and main heading when no #fragment is sought: both are near the top
 * of any page, and a not-found page is small.
 */
export const PAGE_SIGNAL_BYTES = 256 * 1024;

/** Retry-After in either form (delta-seconds or HTTP-date) → milliseconds from `now`, or null. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Exponential backoff with up to 25 % jitter: base, 2·base, 4·base, … */
export function backoffMs(attempt: number, baseMs: number, random = Math.random): number {
  const d = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(d + d * 0.25 * random());
}

/** The fragment to look for in the page, or null when it is not an element id we can check. */
export function checkableFragment(url: URL): string | null {
  const raw = url.hash.slice(1);
  if (raw === '' || raw.startsWith(':~:')) return null; // empty or a text fragment
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = raw;
  }
  if (id.includes('/') || id.includes('=') || id.startsWith('!')) return null; // client-side routes and parameters
  if (isScriptDrawnFragment(url, id)) return null;
  return id;
}

/** Headers are single-valued for us: the first of a repeated one. */
type Headers = Record<string, string | string[] | undefined>;

function headerOf(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * A reset time in seconds, as hosts send it: a delta (the IETF RateLimit fields), or — in many X-RateLimit-Reset
 * headers, GitHub's among them — a Unix time. No delta is 30 years long, so larger values are times.
 */
function resetToMs(value: number, now: number): number {
  if (value >= 1e12) return Math.max(0, value - now); // Unix time in ms
  if (value >= 1e9) return Math.max(0, value * 1000 - now);
  return value * 1000;
}

/**
 * The quota a host announces: `RateLimit-Remaining`/`-Reset`/`-Limit`, the `X-RateLimit-*` forms, or the
 * structured `RateLimit` field (`limit=10, remaining=3, reset=20`, or `"default";r=3;t=20`). Null when silent.
 */
export function parseQuota(headers: Headers, now = Date.now()): Quota | null {
  const num = (v: string | undefined): number | null => (v !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : null);
  let remaining = num(headerOf(headers, 'ratelimit-remaining')) ?? num(headerOf(headers, 'x-ratelimit-remaining'));
  let reset = num(headerOf(headers, 'ratelimit-reset')) ?? num(headerOf(headers, 'x-ratelimit-reset'));
  let limit = num(headerOf(headers, 'ratelimit-limit')) ?? num(headerOf(headers, 'x-ratelimit-limit'));
  const field = headerOf(headers, 'ratelimit');
  if (field !== undefined) {
    const param = (names: string): number | null => num(new RegExp(`(?:^|[\\s,;])(?:${names})=(\\d+)`, 'i').exec(field)?.[1]);
    remaining ??= param('remaining|r');
    reset ??= param('reset|t');
    limit ??= param('limit|q');
  }
  if (remaining === null) return null;
  return {remaining: Math.floor(remaining), resetMs: reset === null ? null : resetToMs(reset, now), limit: limit !== null && limit >= 1 ? Math.floor(limit) : null};
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Exchange =
  | {
      status: number;
      location: string | null;
      retryAfterMs: number | null;
      cfMitigated: boolean;
      contentType: string | null;
      quota: Quota | null;
      fragment: Observation['fragment'];
      page: PageSignals | null;
      /** After a 429: false when the pause it asked for was not granted (over the cap or the host's wait budget). */
      paused?: boolean;
    }
  | {error: {kind: NetErrorKind; message: string}}
  /** The host's announced quota is used up for longer than we wait: no request was sent. */
  | {quotaExhaustedMs: number};

function classify(e: NodeJS.ErrnoException & {timeout?: boolean}): {kind: NetErrorKind; message: string} {
  if (e.timeout) return {kind: 'timeout', message: e.message};
  switch (e.code) {
    case 'ECONNREFUSED':
      return {kind: 'refused', message: 'connection refused'};
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return {kind: 'reset', message: 'connection reset'};
    case 'ETIMEDOUT':
      return {kind: 'timeout', message: e.message};
    default:
      if (e.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(e.message)) return {kind: 'tls', message: e.message};
      return {kind: 'other', message: e.code ? `${e.code}: ${e.message}` : e.message};
  }
}

export interface ProbeStats {
  requests: number;
}

export interface ProberOptions {
  /** Name servers to ask instead of the system's (tests use a fake one on loopback). */
  dnsServers?: readonly string[] | undefined;
  /** Asked instead of c-ares (tests give a stand-in); look-ups stay bounded by `concurrency` either way. */
  resolver?: Resolver | undefined;
  /**
   * Which addresses may be requested, for a cited URL and for every redirect hop (default: public ones only).
   * A cited site chooses where it redirects, and the checker runs inside CI's network: a private address is
   * never asked. Tests admit their loopback servers.
   */
  isPublicAddress?: AddressPolicy | undefined;
}

/** The HTTP side of the checker: per-host queues, timeouts, retries, Retry-After, hop-by-hop redirects, capped bodies. */
export class Prober {
  readonly limits: Limits;
  readonly stats: ProbeStats = {requests: 0};
  private readonly dns: DnsCache;
  private readonly mayRequest: AddressPolicy;
  private readonly agents = {
    http: new http.Agent({keepAlive: true, maxSockets: Infinity}),
    https: new https.Agent({keepAlive: true, maxSockets: Infinity}),
  };

  constructor(
    private readonly config: Config,
    options: ProberOptions = {},
  ) {
    this.limits = new Limits(config.concurrency, config.perHostConcurrency, config.retryAfterCapMs);
    this.dns = new DnsCache({timeoutMs: config.dnsTimeoutMs, concurrency: config.concurrency, servers: options.dnsServers, resolver: options.resolver});
    this.mayRequest = options.isPublicAddress ?? isPublicAddress;
  }

  /** The address a host name resolved to for the probe (memoized; IP literals and localhost need no query). */
  lookup(hostname: string): Promise<DnsAnswer> {
    return this.dns.lookup(hostname);
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private aborted = false;
  /** Requests created whose bytes are not on the wire yet, and who waits for that to reach 0. */
  private unsent = 0;
  private readonly sentWaiters: Array<() => void> = [];

  /**
   * Resolve once every request created so far has been written to its socket (or after `maxMs`).
   * The CLI calls this between files: parsing is synchronous, and without it requests started for one
   * file would sit unsent while the next file is parsed.
   */
  flushed(maxMs: number): Promise<void> {
    if (this.unsent === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      this.sentWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private sent(): void {
    if (--this.unsent === 0) for (const w of this.sentWaiters.splice(0)) w();
  }

  /** Stop: requests not yet sent fail at once (used when a later file does not parse). */
  abort(): void {
    this.aborted = true;
    this.close();
  }

  /** Probe one URL, counted in its host's backlog while it runs (the global queue serves the busiest host first). */
  async probeOne(url: string): Promise<Observation> {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // judged as an invalid URL by probe()
    }
    this.limits.addBacklog(host, 1);
    try {
      const obs = await this.probe(url);
      await this.lookAtUnknownPage(obs);
      return obs;
    } finally {
      this.limits.done(host);
    }
  }

  /** Where a made-up page goes, per made-up URL: asked once per folder of the site, whatever the number of links. */
  private readonly unknownPages = new Map<string, Promise<string | null>>();

  /**
   * A link redirected to another page that nothing else marks as dead: ask where a made-up page next to it goes.
   * If there too, the redirect is the site's catch-all for unknown pages (judge.ts calls the link soft-dead).
   */
  private async lookAtUnknownPage(obs: Observation): Promise<void> {
    const ok = obs.status !== null && obs.status >= 200 && obs.status < 300;
    if (!ok || obs.hops.length === 0 || obs.finalUrl === null || obs.fragment?.found === false) return;
    if (softDeadReason({url: obs.url, finalUrl: obs.finalUrl, redirected: true, page: obs.page, unknownPageUrl: null}) !== null) return;
    const sibling = siblingProbeUrl(obs.url, obs.finalUrl);
    if (sibling === null) return;
    let answer = this.unknownPages.get(sibling);
    if (!answer) {
      answer = this.probe(sibling).then((o) => (o.status !== null && o.status >= 200 && o.status < 300 ? o.finalUrl : null));
      this.unknownPages.set(sibling, answer);
    }
    obs.unknownPageUrl = await answer;
  }

  /** Probe many URLs (unique, with fragments); all hosts progress at once. */
  async probeAll(urls: readonly string[]): Promise<Map<string, Observation>> {
    const observations = await Promise.all(urls.map((u) => this.probeOne(u)));
    return new Map(urls.map((u, i) => [u, observations[i] as Observation]));
  }

  async probe(original: string): Promise<Observation> {
    const obs: Observation = {
      url: original,
      hops: [],
      status: null,
      finalUrl: null,
      headers: {cfMitigated: false, retryAfterMs: null, contentType: null},
      error: null,
      attempts: 0,
      retryAfterExceeded: false,
      waitBudgetSpent: false,
      fragment: null,
      page: null,
      unknownPageUrl: null,
      quotaExhaustedMs: null,
    };
    let url: URL;
    try {
      url = new URL(original);
    } catch {
      obs.error = {kind: 'other', message: 'invalid URL'};
      return obs;
    }
    const fragment = checkableFragment(url);
    url.hash = '';
    const seen = new Set<string>([url.href]);
    for (;;) {
      const r = await this.withRetries(url, fragment, obs);
      if ('quotaExhaustedMs' in r) {
        obs.quotaExhaustedMs = r.quotaExhaustedMs;
        return obs;
      }
      if ('error' in r) {
        obs.error = r.error;
        obs.status = null;
        return obs;
      }
      obs.status = r.status;
      obs.finalUrl = url.href;
      obs.headers = {cfMitigated: r.cfMitigated, retryAfterMs: r.retryAfterMs, contentType: r.contentType};
      obs.fragment = r.fragment;
      obs.page = r.page;
      if (!REDIRECTS.has(r.status) || r.location === null) return obs;
      let next: URL;
      try {
        next = new URL(r.location, url);
      } catch {
        obs.error = {kind: 'bad-redirect', message: `invalid Location ${JSON.stringify(r.location)}`};
        return obs;
      }
      obs.hops.push({url: url.href, status: r.status, location: next.href} satisfies Hop);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        obs.error = {kind: 'bad-redirect', message: `to ${next.protocol} URL`};
        return obs;
      }
      next.hash = '';
      if (seen.has(next.href)) {
        obs.error = {kind: 'redirect-loop', message: next.href};
        return obs;
      }
      if (obs.hops.length > this.config.maxRedirects) {
        obs.error = {kind: 'too-many-redirects', message: next.href};
        return obs;
      }
      seen.add(next.href);
      obs.status = null;
      url = next;
    }
  }

  /**
   * One hop: backoff on 5xx and network errors; Retry-After on 429 and any 5xx, capped, and counted against the
   * host's wait budget for the run (Limits.mayWait): a wait that does not fit ends the link at once.
   */
  private async withRetries(url: URL, fragment: string | null, obs: Observation): Promise<Exchange> {
    const {retries, retryBaseDelayMs, retryAfterCapMs} = this.config;
    let failures = 0;
    let rateLimits = 0;
    for (;;) {
      obs.attempts++;
      const r = await this.exchange(url, fragment);
      if ('quotaExhaustedMs' in r) return r;
      if ('error' in r) {
        if (r.error.kind === 'tls' || r.error.kind === 'private-address' || failures >= retries) return r;
        failures++;
        await sleep(backoffMs(failures, retryBaseDelayMs));
        continue;
      }
      const limited = r.status === 429 || r.status >= 500;
      if (limited && r.retryAfterMs !== null && r.retryAfterMs > retryAfterCapMs) {
        obs.retryAfterExceeded = true;
        return r;
      }
      if (r.status === 429) {
        // exchange() already paused the host (the pause is taken in acquire(), shared by every link to it)
        if (r.paused === false) obs.waitBudgetSpent = true;
        if (r.paused === false || ++rateLimits > Math.max(retries, 1) + 3) return r;
        continue;
      }
      if (r.status >= 500) {
        if (failures >= retries) return r;
        if (r.retryAfterMs !== null && !this.limits.mayWait(url.hostname, r.retryAfterMs)) {
          obs.waitBudgetSpent = true;
          return r;
        }
        failures++;
        await sleep(r.retryAfterMs ?? backoffMs(failures, retryBaseDelayMs));
        continue;
      }
      this.limits.succeeded(url.hostname);
      return r;
    }
  }

  /**
   * One GET and its answer. Every request is a GET: the page itself is what tells a live page from a not-found
   * page served with 200, and one GET costs the host no more than a HEAD that a GET must often follow. Only a
   * 2xx HTML body is read, and only as far as needed (see `request`).
   */
  private async exchange(url: URL, fragment: string | null): Promise<Exchange> {
    if (this.aborted) return {error: {kind: 'other', message: 'aborted'}};
    const answer = await this.dns.lookup(url.hostname);
    if ('error' in answer) return {error: answer.error};
    // Judged on the address the request would go to (the lookup below pins it), so a DNS answer that changes
    // between the check and the connection cannot slip a private address in.
    if (!this.mayRequest(answer.address)) {
      const where = answer.address === url.hostname.replace(/^\[|\]$/g, '') ? answer.address : `${url.hostname} (${answer.address})`;
      return {error: {kind: 'private-address', message: where}};
    }
    // A host that announced its quota is paced inside it: we wait for its reset rather than make it say 429.
    const quotaWait = this.limits.quotaOverCap(url.hostname);
    if (quotaWait !== null) return {quotaExhaustedMs: quotaWait};
    const release = await this.limits.acquire(url.hostname);
    if (release === null) return {quotaExhaustedMs: this.limits.quotaWaitMs(url.hostname)};
    this.stats.requests++;
    try {
      const r = await this.request(url, fragment, answer);
      if ('error' in r || 'quotaExhaustedMs' in r) return r;
      this.limits.announced(url.hostname, r.quota);
      if (r.status === 429) {
        // Told while this request still holds its slot, so the host's ceiling counts it as one too many.
        const ra = r.retryAfterMs ?? (r.quota?.remaining === 0 ? r.quota.resetMs : null);
        const wait = ra === null ? this.config.retryBaseDelayMs : ra > this.config.retryAfterCapMs ? 0 : ra;
        r.paused = this.limits.rateLimited(url.hostname, wait);
      }
      return r;
    } finally {
      release();
    }
  }

  private request(url: URL, fragment: string | null, addr: {address: string; family: 4 | 6}): Promise<Exchange> {
    const lookup = ((_host: string, opts: {all?: boolean}, cb: (...args: unknown[]) => void) => {
      if (opts.all) cb(null, [{address: addr.address, family: addr.family}]);
      else cb(null, addr.address, addr.family);
    }) as unknown as LookupFunction;
    const isHttps = url.protocol === 'https:';
    return new Promise<Exchange>((resolve) => {
      let settled = false;
      /** The decompressor, while a body is being decoded: destroyed with the socket once the verdict is known. */
      let decoding: Transform | null = null;
      /** `drain`: what is left of the body is small: read it off and keep the connection. */
      const finish = (r: Exchange, drain?: http.IncomingMessage): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (drain) drain.resume();
        else req.destroy(); // never read more than needed: the rest of any body is dropped with the socket
        // Input already received stays queued in a decompressor after the socket is gone: a few KB of brotli
        // can decode to gigabytes. Destroying it stops the work at the verdict (or the timeout).
        decoding?.destroy();
        resolve(r);
      };
      const req = (isHttps ? https : http).request(url, {
        method: 'GET',
        agent: isHttps ? this.agents.https : this.agents.http,
        lookup,
        headers: {
          'user-agent': this.config.userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      // When the timer fires, an answer may already be waiting: a long synchronous parse of the next file can hold
      // the thread past the deadline. setImmediate runs after the pending I/O is read, so only real silence times out.
      /** Set once a 2xx page is being read: the site answered, so at the timeout the page is judged on what came. */
      let readSoFar: (() => void) | null = null;
      const timer = setTimeout(() => {
        setImmediate(() => {
          if (readSoFar) return readSoFar();
          const e = Object.assign(new Error(`no answer within ${this.config.timeoutMs} ms`), {timeout: true});
          finish({error: classify(e)});
        });
      }, this.config.timeoutMs);
      this.unsent++;
      let written = false;
      const markSent = (): void => {
        if (written) return;
        written = true;
        this.sent();
      };
      req.on('finish', markSent);
      req.on('close', markSent);
      req.on('error', (e) => finish({error: classify(e as NodeJS.ErrnoException)}));
      req.on('response', (res) => {
        const header = (name: string): string | undefined => headerOf(res.headers, name);
        const base = {
          status: res.statusCode ?? 0,
          location: header('location') ?? null,
          retryAfterMs: parseRetryAfter(header('retry-after')),
          cfMitigated: header(BOT_CHALLENGE_HEADER) !== undefined,
          contentType: header('content-type') ?? null,
          quota: parseQuota(res.headers),
        };
        const length = Number(header('content-length') ?? NaN);
        const small = (limit: number): boolean => base.status === 204 || base.status === 304 || (Number.isFinite(length) && length <= limit);
        const isHtml = base.contentType === null || /html|xml/i.test(base.contentType);
        if (base.status < 200 || base.status >= 300 || !isHtml) {
          finish({...base, fragment: null, page: null}, small(16 * 1024) ? res : undefined);
          return;
        }
        // A 2xx page: read its title and main heading (and the #fragment's element) as it streams, then stop.
        const scanner = new PageScanner(fragment);
        const {maxBodyBytes} = this.config;
        const encoding = (header('content-encoding') ?? '').toLowerCase();
        let stream: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = decoding = createGunzip();
        else if (encoding === 'deflate') stream = decoding = createInflate();
        else if (encoding === 'br') stream = decoding = createBrotliDecompress();
        const decoder = new TextDecoder();
        let bytes = 0;
        const done = (ended: boolean, keepConnection = ended || small(64 * 1024)): void => {
          const found = scanner.fragmentFound;
          const fragmentSeen = fragment === null ? null : {id: fragment, found, truncated: !found && !ended};
          finish({...base, fragment: fragmentSeen, page: scanner.signals}, keepConnection ? res : undefined);
        };
        // A body that trickles past the timeout: a fragment not seen yet is "not in the part read", never "not found".
        readSoFar = () => done(false, false);
        if (decoding) {
          // Bytes on the wire count too: a stream that decodes to nothing must not be read forever.
          let wireBytes = 0;
          res.on('data', (chunk: Buffer) => {
            wireBytes += chunk.length;
            if (wireBytes >= maxBodyBytes) done(false);
          });
          res.pipe(decoding);
        }
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          bytes += chunk.length; // decoded bytes: the cap is on what we scan, not on what was sent
          scanner.feed(decoder.decode(chunk, {stream: true}));
          if (scanner.complete || bytes >= maxBodyBytes) done(false);
          else if (scanner.fragmentSettled && bytes >= Math.min(PAGE_SIGNAL_BYTES, maxBodyBytes)) done(false);
        });
        stream.on('end', () => done(true));
        stream.on('error', (e) => finish({error: classify(e as NodeJS.ErrnoException)}));
        res.on('aborted', () => finish({error: {kind: 'reset', message: 'response aborted'}}));
      });
      req.end();
    });
  }
}
