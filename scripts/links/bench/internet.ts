/**
 * The benchmark's simulated internet, run in a worker thread so that the servers do not share an event loop
 * (or a core) with the checker being measured. Every host is a 127.0.0.N address; nothing leaves loopback.
 */
import type http from 'node:http';
import {isMainThread, parentPort, workerData} from 'node:worker_threads';
import {closedPort, type SimHost, startHost, streamHuge} from '../test-servers';

export const SLOW_MS = 5000; // "slow" servers answer after this long: far past our timeout, so linkinator (no timeout) finishes
export const HUGE = 100 * 1024 * 1024;

function kindOf(req: http.IncomingMessage): {kind: string; rest: string} {
  const [, kind = '', ...rest] = (req.url ?? '/').split('?')[0]!.split('/');
  return {kind, rest: rest.join('/')};
}

const page = (id = 'sec'): string => `<!doctype html><html><body><h1>Title</h1><h2 id="${id}">Section</h2><p>text</p></body></html>`;
const titled = (title: string, heading: string, text = 'text'): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><header><h1>Rotten</h1></header><main><h1>${heading}</h1><p>${text}</p></main></body></html>`;

/** The quota host's announced limit: QUOTA requests per QUOTA_WINDOW_MS, in fixed windows; past it, 429. */
export const QUOTA = 8;
export const QUOTA_WINDOW_MS = 1000;

/** One handler serves every behaviour; the first path segment names it. */
export function handler(req: http.IncomingMessage, res: http.ServerResponse, host: SimHost): void {
  const {kind, rest} = kindOf(req);
  const html = {'content-type': 'text/html; charset=utf-8'};
  /** Every answer says how long it is, as real servers do (it also lets clients keep the connection). */
  const send = (status: number, headers: http.OutgoingHttpHeaders = {}, body = ''): void => {
    res.writeHead(status, {'content-length': String(Buffer.byteLength(body)), ...headers}).end(req.method === 'HEAD' ? undefined : body);
  };
  const bump = (): number => {
    const n = (host.state.get(req.url ?? '') ?? 0) + 1;
    host.state.set(req.url ?? '', n);
    return n;
  };
  switch (kind) {
    case 'ok':
      send(200, html, page());
      return;
    case 'p301':
      send(301, {location: `/ok/${rest}`});
      return;
    case 'p301x':
      send(301, {location: `/p308/${rest}`});
      return;
    case 'p308':
      send(308, {location: `/ok/${rest}`});
      return;
    case 't302':
      send(302, {location: `/ok/${rest}`});
      return;
    case 't307':
      send(307, {location: `/ok/${rest}`});
      return;
    case 'mixed':
      send(301, {location: `/t302/${rest}`});
      return;
    case 'loopa':
      send(301, {location: `/loopb/${rest}`});
      return;
    case 'loopb':
      send(302, {location: `/loopa/${rest}`});
      return;
    case 'gone':
      send(410);
      return;
    case 'down':
      send(503, html, 'down');
      return;
    case 'flaky':
      send(bump() === 1 ? 500 : 200, html);
      return;
    case 'head405':
      send(req.method === 'HEAD' ? 405 : 200, html, req.method === 'HEAD' ? '' : page());
      return;
    case 'head404':
      send(req.method === 'HEAD' ? 404 : 200, html, req.method === 'HEAD' ? '' : page());
      return;
    case 'headhang':
      if (req.method === 'HEAD') setTimeout(() => req.socket.destroy(), SLOW_MS);
      else send(200, html, page());
      return;
    case 'frag':
      send(200, html, page('sec'));
      return;
    case 'huge':
      if (req.method === 'HEAD') send(200, {...html, 'content-length': String(HUGE)});
      else streamHuge(res, HUGE, '<h2 id="sec">early</h2>');
      return;
    case 'slow':
      setTimeout(() => {
        if (!res.destroyed) send(200, html, page());
      }, SLOW_MS);
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'b999':
      send(999, html, 'no robots');
      return;
    case 'cf':
      send(403, {...html, 'cf-mitigated': 'challenge'}, '<html>Just a moment…</html>');
      return;
    case 'ra3600':
      send(429, {'retry-after': '3600'});
      return;
    case 'radate':
      if (bump() === 1) send(429, {'retry-after': new Date(Date.now() + 1000).toUTCString()});
      else send(200, html);
      return;
    // Rot that still answers 2xx (soft-dead), and the look-alikes that are fine.
    case '':
      if (req.url === '/') send(301, {location: '/en/'});
      else send(404, html, 'not found');
      return;
    case 'en':
      send(200, html, titled('Rotten', 'Welcome'));
      return;
    case 'soft404':
      send(200, html, titled('Page not found | Rotten', 'Page not found'));
      return;
    case 'softh1':
      send(200, html, titled('Rotten Docs', 'Sorry, we couldn’t find that page'));
      return;
    case 'tohome':
      send(301, {location: '/'});
      return;
    case 'tologin':
      send(302, {location: `/login?next=${encodeURIComponent(req.url ?? '/')}`});
      return;
    case 'login':
      send(200, html, titled('Sign in | Rotten', 'Sign in'));
      return;
    case 'to404':
      send(302, {location: '/404.html'});
      return;
    case '404.html':
      send(200, html, titled('Rotten', 'Lost?'));
      return;
    case 'catchall':
      send(301, {location: '/products/overview'}); // every old address, made-up ones too
      return;
    case 'products':
      send(200, html, titled('Products | Rotten', 'Products'));
      return;
    case 'about404':
      send(200, html, titled('404 Not Found - HTTP | Rotten', '404 Not Found', 'The 404 status code means the page does not exist. Here is how to handle it.'));
      return;
    case 'docsdir':
      if (rest.endsWith('/latest/')) send(200, html, titled('Docs | Rotten', 'Documentation'));
      else send(301, {location: `/docsdir/${rest}/latest/`});
      return;
    case 'parent':
      if (rest.endsWith('/child')) send(301, {location: `/parent/${rest.slice(0, -'child'.length)}`});
      else send(200, html, titled('Section | Rotten', 'Section'));
      return;
    case 'quota': {
      const now = Date.now();
      const start = host.state.get('quota start') ?? now;
      host.state.set('quota start', start);
      const window = Math.floor((now - start) / QUOTA_WINDOW_MS);
      const used = (host.state.get(`quota ${window}`) ?? 0) + 1;
      host.state.set(`quota ${window}`, used);
      const endsAt = start + (window + 1) * QUOTA_WINDOW_MS;
      const quota = {'ratelimit-limit': String(QUOTA), 'ratelimit-remaining': String(Math.max(0, QUOTA - used)), 'ratelimit-reset': String(Math.ceil((endsAt - now) / 1000))};
      if (used > QUOTA) {
        host.tooMany++;
        send(429, quota);
      } else send(200, {...html, ...quota}, page());
      return;
    }
    default:
      send(404, html, 'not found');
  }
}

export interface HostPlan {
  name: string;
  ip: string;
  latencyMs: number;
  maxConcurrent?: number;
}

export const HOSTS: HostPlan[] = [
  {name: 'docs', ip: '127.0.0.20', latencyMs: 100},
  {name: 'moved', ip: '127.0.0.21', latencyMs: 80},
  {name: 'gone', ip: '127.0.0.22', latencyMs: 80},
  {name: 'flaky', ip: '127.0.0.23', latencyMs: 120},
  {name: 'headhate', ip: '127.0.0.24', latencyMs: 100},
  {name: 'frag', ip: '127.0.0.25', latencyMs: 100},
  {name: 'slow', ip: '127.0.0.26', latencyMs: 150},
  {name: 'bots', ip: '127.0.0.27', latencyMs: 80},
  {name: 'limited', ip: '127.0.0.28', latencyMs: 80, maxConcurrent: 2},
  {name: 'net', ip: '127.0.0.29', latencyMs: 60},
  {name: 'rotten', ip: '127.0.0.30', latencyMs: 90},
  {name: 'quota', ip: '127.0.0.31', latencyMs: 60},
];

export interface HostStats {
  log: SimHost['log'];
  maxInflight: number;
  tooMany: number;
  bytesSent: number;
  connections: number;
}

export type Request = {id: number; type: 'start' | 'reset' | 'stats' | 'close'};
export type Reply =
  | {id: number; type: 'started'; origins: Record<string, string>; refusedPort: number}
  | {id: number; type: 'stats'; hosts: Record<string, HostStats>}
  | {id: number; type: 'ok'};

async function serve(): Promise<void> {
  const hosts = new Map<string, SimHost>();
  parentPort?.on('message', (m: Request) => {
    void (async (): Promise<Reply> => {
      switch (m.type) {
        case 'start': {
          for (const h of HOSTS) hosts.set(h.name, await startHost(h.ip, handler, {latencyMs: h.latencyMs, jitter: 0.1, maxConcurrent: h.maxConcurrent, retryAfter: '1'}));
          const refusedPort = await closedPort('127.0.0.29');
          return {id: m.id, type: 'started', origins: Object.fromEntries([...hosts].map(([n, h]) => [n, h.origin])), refusedPort};
        }
        case 'reset':
          for (const h of hosts.values()) {
            h.log.length = 0;
            h.state.clear();
            h.maxInflight = 0;
            h.tooMany = 0;
            h.bytesSent = 0;
            h.connections = 0;
          }
          return {id: m.id, type: 'ok'};
        case 'stats':
          return {
            id: m.id,
            type: 'stats',
            hosts: Object.fromEntries([...hosts].map(([n, h]) => [n, {log: h.log, maxInflight: h.maxInflight, tooMany: h.tooMany, bytesSent: h.bytesSent, connections: h.connections}])),
          };
        case 'close':
          await Promise.all([...hosts.values()].map((h) => h.close()));
          return {id: m.id, type: 'ok'};
      }
    })().then((reply) => parentPort?.postMessage(reply));
  });
}

if (!isMainThread && (workerData as {benchInternet?: boolean} | null)?.benchInternet) void serve();
