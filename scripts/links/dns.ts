import {promises as dnsPromises} from 'node:dns';
import {isIP} from 'node:net';

export type DnsAnswer =
  | {address: string; family: 4 | 6}
  | {error: {kind: 'dns' | 'dns-timeout'; message: string}};

/** What an IP-literal or loopback name resolves to without asking anyone, or null. */
export function staticAnswer(hostname: string): {address: string; family: 4 | 6} | null {
  const h = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(h);
  if (family === 4 || family === 6) return {address: h, family};
  if (h === 'localhost' || h.endsWith('.localhost')) return {address: '127.0.0.1', family: 4};
  return null;
}

/** What DnsCache asks: c-ares's `dns.promises.Resolver`, or a test's stand-in. */
export interface Resolver {
  resolve4(hostname: string): Promise<string[]>;
  resolve6(hostname: string): Promise<string[]>;
}

export interface DnsOptions {
  /** Per query (c-ares, 2 tries). */
  timeoutMs: number;
  /** Look-ups in flight at once: a resolver that drops bursts answers "timeout" to what is over its limit. */
  concurrency: number;
  /** Name servers to ask instead of the system's (tests point it at a fake server on loopback). */
  servers?: readonly string[] | undefined;
  /** Asked instead of c-ares (tests); `servers` and `timeoutMs` are then its business. */
  resolver?: Resolver | undefined;
}

/**
 * One DNS query per host name, through c-ares (`dns.Resolver`) with a short timeout, at most `concurrency` at once.
 * Node's default `dns.lookup` runs getaddrinfo on the 4-thread libuv pool: offline, a few
 * names that hang for the system resolver's 5 s timeout block every other lookup behind them.
 * c-ares is asynchronous and takes our timeout, so failures are fast and do not block others.
 */
export class DnsCache {
  private readonly resolver: Resolver;
  private readonly memo = new Map<string, Promise<DnsAnswer>>();
  private readonly concurrency: number;
  private inflight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(options: DnsOptions) {
    this.concurrency = Math.max(1, options.concurrency);
    if (options.resolver) this.resolver = options.resolver;
    else {
      const resolver = new dnsPromises.Resolver({timeout: options.timeoutMs, tries: 2});
      if (options.servers) resolver.setServers(options.servers);
      this.resolver = resolver;
    }
  }

  lookup(hostname: string): Promise<DnsAnswer> {
    const fixed = staticAnswer(hostname);
    if (fixed) return Promise.resolve(fixed);
    let answer = this.memo.get(hostname);
    if (!answer) {
      answer = this.bounded(hostname);
      this.memo.set(hostname, answer);
    }
    return answer;
  }

  /** One look-up (its A and any AAAA query) in one of `concurrency` slots. */
  private async bounded(hostname: string): Promise<DnsAnswer> {
    if (this.inflight < this.concurrency) this.inflight++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the finisher hands its slot over
    try {
      return await this.resolve(hostname);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.inflight--;
    }
  }

  private async resolve(hostname: string): Promise<DnsAnswer> {
    try {
      const v4 = await this.resolver.resolve4(hostname);
      if (v4[0]) return {address: v4[0], family: 4};
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENODATA') return {error: describe(hostname, code)};
    }
    try {
      const v6 = await this.resolver.resolve6(hostname);
      if (v6[0]) return {address: v6[0], family: 6};
      return {error: {kind: 'dns', message: `${hostname} has no address`}};
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return {error: code === 'ENODATA' ? {kind: 'dns', message: `${hostname} has no address`} : describe(hostname, code)};
    }
  }
}

function describe(hostname: string, code: string | undefined): {kind: 'dns' | 'dns-timeout'; message: string} {
  switch (code) {
    case 'ENOTFOUND':
      return {kind: 'dns', message: `${hostname} not found (NXDOMAIN)`};
    case 'ETIMEOUT':
      return {kind: 'dns-timeout', message: `no answer for ${hostname}`};
    case 'ECONNREFUSED':
      return {kind: 'dns-timeout', message: `resolver unreachable for ${hostname}`};
    case 'ESERVFAIL':
      return {kind: 'dns', message: `server failure for ${hostname} (SERVFAIL)`};
    case 'EREFUSED':
      return {kind: 'dns', message: `query refused for ${hostname}`};
    default:
      return {kind: 'dns', message: `${hostname}: ${code ?? 'lookup failed'}`};
  }
}
