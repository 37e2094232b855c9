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

/**
 * One DNS query per host name, through c-ares (`dns.Resolver`) with a short timeout.
 * Node's default `dns.lookup` runs getaddrinfo on the 4-thread libuv pool: offline, a few
 * names that hang for the system resolver's 5 s timeout block every other lookup behind them.
 * c-ares is asynchronous and takes our timeout, so failures are fast and do not block others.
 */
export class DnsCache {
  private readonly resolver: dnsPromises.Resolver;
  private readonly memo = new Map<string, Promise<DnsAnswer>>();

  /** `servers` overrides the system's name servers (tests point it at a fake server on loopback). */
  constructor(timeoutMs: number, servers?: readonly string[], tries = 2) {
    this.resolver = new dnsPromises.Resolver({timeout: timeoutMs, tries});
    if (servers) this.resolver.setServers(servers);
  }

  lookup(hostname: string): Promise<DnsAnswer> {
    const fixed = staticAnswer(hostname);
    if (fixed) return Promise.resolve(fixed);
    let answer = this.memo.get(hostname);
    if (!answer) {
      answer = this.resolve(hostname);
      this.memo.set(hostname, answer);
    }
    return answer;
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
