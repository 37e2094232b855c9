import http from 'node:http';
import https from 'node:https';
import type {LookupFunction} from 'node:net';
import {createBrotliDecompress, createGunzip, createInflate} from 'node:zlib';
import type {Readable} from 'node:stream';
import {DnsCache} from './dns';
import {Limits, sleep} from './limits';
import type {Config, Hop, NetErrorKind, Observation} from './types';

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
  if (url.hostname === 'github.com' && /^L\d+(C\d+)?(-L\d+(C\d+)?)?$/.test(id)) return null; // line anchors made by script
  return id;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches id="x" / name="x" (any quoting; GitHub's user-content- prefix too) in HTML. */
export function fragmentMatcher(id: string): RegExp {
  const forms = [...new Set([id, id.replace(/&/g, '&amp;')])].map(escapeRegExp).join('|');
  const value = `(?:user-content-)?(?:${forms})`;
  return new RegExp(`[\\s"'](?:id|name)\\s*=\\s*(?:"${value}"|'${value}'|${value}(?=[\\s/>]))`);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Exchange =
  | {status: number; location: string | null; retryAfterMs: number | null; cfMitigated: boolean; contentType: string | null; fragment: Observation['fragment']}
  | {error: {kind: NetErrorKind; message: string}};

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

/** The HTTP side of the checker: per-host queues, timeouts, retries, Retry-After, hop-by-hop redirects, capped bodies. */
export class Prober {
  readonly limits: Limits;
  readonly stats: ProbeStats = {requests: 0};
  private readonly dns: DnsCache;
  private readonly agents = {
    http: new http.Agent({keepAlive: true, maxSockets: Infinity}),
    https: new https.Agent({keepAlive: true, maxSockets: Infinity}),
  };

  constructor(
    private readonly config: Config,
    dnsServers?: readonly string[],
  ) {
    this.limits = new Limits(config.concurrency, config.perHostConcurrency);
    this.dns = new DnsCache(config.dnsTimeoutMs, dnsServers);
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
      return await this.probe(url);
    } finally {
      this.limits.done(host);
    }
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
      fragment: null,
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
    // A fragment needs the HTML, so GET straight away; otherwise HEAD first (no body at all).
    let method: 'HEAD' | 'GET' = fragment ? 'GET' : 'HEAD';
    const seen = new Set<string>([url.href]);
    for (;;) {
      const r = await this.withRetries(url, () => method, (m) => (method = m), fragment, obs);
      if ('error' in r) {
        obs.error = r.error;
        obs.status = null;
        return obs;
      }
      obs.status = r.status;
      obs.finalUrl = url.href;
      obs.headers = {cfMitigated: r.cfMitigated, retryAfterMs: r.retryAfterMs, contentType: r.contentType};
      obs.fragment = r.fragment;
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

  /** One hop: HEAD→GET fallback, backoff on 5xx and network errors, Retry-After (capped) on 429/503. */
  private async withRetries(
    url: URL,
    getMethod: () => 'HEAD' | 'GET',
    setMethod: (m: 'HEAD' | 'GET') => void,
    fragment: string | null,
    obs: Observation,
  ): Promise<Exchange> {
    const {retries, retryBaseDelayMs, retryAfterCapMs} = this.config;
    let failures = 0;
    let rateLimits = 0;
    let attempts = 0;
    for (;;) {
      attempts++;
      let r = await this.exchange(url, getMethod(), fragment);
      // Servers that mishandle HEAD (405, 501, 4xx, 5xx, reset, hang) get a GET before we judge them.
      if (getMethod() === 'HEAD' && shouldFallBack(r)) {
        // After a network error the GET is also the first retry: a dead host costs retries + 1 timeouts, not + 2.
        if ('error' in r) failures++;
        setMethod('GET');
        r = await this.exchange(url, 'GET', fragment);
        if ('error' in r && failures > 0) attempts++;
      }
      obs.attempts = attempts;
      if ('error' in r) {
        if (r.error.kind === 'tls' || failures >= retries) return r;
        failures++;
        await sleep(backoffMs(failures, retryBaseDelayMs));
        continue;
      }
      const limited = r.status === 429 || r.status === 503;
      if (limited && r.retryAfterMs !== null && r.retryAfterMs > retryAfterCapMs) {
        obs.retryAfterExceeded = true;
        return r;
      }
      if (r.status === 429) {
        // exchange() already paused the host (the pause is taken in acquire(), shared by every link to it)
        if (++rateLimits > Math.max(retries, 1) + 3) return r;
        continue;
      }
      if (r.status >= 500) {
        if (failures >= retries) return r;
        failures++;
        await sleep(r.retryAfterMs ?? backoffMs(failures, retryBaseDelayMs));
        continue;
      }
      this.limits.succeeded(url.hostname);
      return r;
    }
  }

  /** One request/response. Reads no body unless a fragment must be found, and then at most maxBodyBytes. */
  private async exchange(url: URL, method: 'HEAD' | 'GET', fragment: string | null): Promise<Exchange> {
    if (this.aborted) return {error: {kind: 'other', message: 'aborted'}};
    const answer = await this.dns.lookup(url.hostname);
    if ('error' in answer) return {error: answer.error};
    const release = await this.limits.acquire(url.hostname);
    this.stats.requests++;
    try {
      const r = await this.request(url, method, fragment, answer);
      if (!('error' in r) && r.status === 429) {
        // Told while this request still holds its slot, so the host's ceiling counts it as one too many.
        const ra = r.retryAfterMs;
        const wait = ra === null ? this.config.retryBaseDelayMs : ra > this.config.retryAfterCapMs ? 0 : ra;
        this.limits.rateLimited(url.hostname, wait);
      }
      return r;
    } finally {
      release();
    }
  }

  private request(url: URL, method: 'HEAD' | 'GET', fragment: string | null, addr: {address: string; family: 4 | 6}): Promise<Exchange> {
    const lookup = ((_host: string, opts: {all?: boolean}, cb: (...args: unknown[]) => void) => {
      if (opts.all) cb(null, [{address: addr.address, family: addr.family}]);
      else cb(null, addr.address, addr.family);
    }) as unknown as LookupFunction;
    const isHttps = url.protocol === 'https:';
    const wantBody = method === 'GET' && fragment !== null;
    return new Promise<Exchange>((resolve) => {
      let settled = false;
      /** `drain`: the response has no body worth a socket (HEAD, or a small one): read it off and keep the connection. */
      const finish = (r: Exchange, drain?: http.IncomingMessage): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (drain) drain.resume();
        else req.destroy(); // never read more than needed: the rest of any body is dropped with the socket
        resolve(r);
      };
      const req = (isHttps ? https : http).request(url, {
        method,
        agent: isHttps ? this.agents.https : this.agents.http,
        lookup,
        headers: {
          'user-agent': this.config.userAgent,
          accept: wantBody ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' : '*/*',
          'accept-encoding': wantBody ? 'gzip, deflate, br' : 'identity',
        },
      });
      const timer = setTimeout(() => {
        const e = Object.assign(new Error(`no answer within ${this.config.timeoutMs} ms`), {timeout: true});
        finish({error: classify(e)});
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
        const header = (name: string): string | undefined => {
          const v = res.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        const base = {
          status: res.statusCode ?? 0,
          location: header('location') ?? null,
          retryAfterMs: parseRetryAfter(header('retry-after')),
          cfMitigated: header('cf-mitigated') !== undefined,
          contentType: header('content-type') ?? null,
        };
        const isHtml = base.contentType === null || /html|xml/i.test(base.contentType);
        if (!wantBody || base.status < 200 || base.status >= 300 || !isHtml || fragment === null) {
          const length = Number(header('content-length') ?? NaN);
          const small = method === 'HEAD' || base.status === 204 || base.status === 304 || (Number.isFinite(length) && length <= 16 * 1024);
          finish({...base, fragment: null}, small ? res : undefined);
          return;
        }
        const matcher = fragmentMatcher(fragment);
        const encoding = (header('content-encoding') ?? '').toLowerCase();
        let stream: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
        else if (encoding === 'deflate') stream = res.pipe(createInflate());
        else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
        const decoder = new TextDecoder();
        let text = '';
        let bytes = 0;
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          bytes += chunk.length;
          const from = Math.max(0, text.length - 1024);
          text += decoder.decode(chunk, {stream: true});
          if (matcher.test(text.slice(from))) finish({...base, fragment: {id: fragment, found: true, truncated: false}});
          else if (bytes >= this.config.maxBodyBytes) finish({...base, fragment: {id: fragment, found: false, truncated: true}});
          else if (text.length > 4096) text = text.slice(-2048); // keep only an overlap: ids are short
        });
        stream.on('end', () => finish({...base, fragment: {id: fragment, found: false, truncated: false}}));
        stream.on('error', (e) => finish({error: classify(e as NodeJS.ErrnoException)}));
        res.on('aborted', () => finish({error: {kind: 'reset', message: 'response aborted'}}));
      });
      req.end();
    });
  }
}

function shouldFallBack(r: Exchange): boolean {
  if ('error' in r) return r.error.kind === 'reset' || r.error.kind === 'timeout' || r.error.kind === 'other';
  if (r.status === 429) return false;
  return r.status >= 400 || r.status === 999;
}
