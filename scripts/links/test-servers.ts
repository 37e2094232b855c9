/**
 * Loopback servers for the tests and the benchmark: each 127.0.0.N address is a separate "host".
 * Nothing here ever contacts a non-loopback address.
 */
import dgram from 'node:dgram';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {isPublicAddress} from './addresses';

/** The tests' address policy: the public addresses, and loopback, where every test server listens. */
export function admitLoopback(address: string): boolean {
  return address.startsWith('127.') || isPublicAddress(address);
}

export interface HostOptions {
  /** Delay before each answer, ms. */
  latencyMs?: number;
  /** Random spread of the delay, as a fraction (0.1: ±10 %), from a fixed seed so runs repeat. */
  jitter?: number;
  /** More concurrent requests than this get 429 + Retry-After. */
  maxConcurrent?: number;
  retryAfter?: string;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, host: SimHost) => unknown;

export interface SimHost {
  ip: string;
  port: number;
  origin: string;
  url: (path: string) => string;
  /** Every request, in arrival order. */
  log: Array<{method: string; path: string; at: number}>;
  count: (path: string, method?: string) => number;
  inflight: number;
  maxInflight: number;
  tooMany: number;
  bytesSent: number;
  /** TCP connections accepted (fewer than requests when clients keep connections alive). */
  connections: number;
  /** Per-path state the handlers can use (e.g. a flaky counter). */
  state: Map<string, number>;
  close: () => Promise<void>;
}

let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

export async function startHost(ip: string, handler: Handler, options: HostOptions = {}): Promise<SimHost> {
  const server = http.createServer();
  const host: SimHost = {
    ip,
    port: 0,
    origin: '',
    url: (path) => `${host.origin}${path}`,
    log: [],
    count: (path, method) => host.log.filter((r) => r.path === path && (method === undefined || r.method === method)).length,
    inflight: 0,
    maxInflight: 0,
    tooMany: 0,
    bytesSent: 0,
    connections: 0,
    state: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => host.connections++);
  server.on('request', (req, res) => {
    host.log.push({method: req.method ?? '', path: req.url ?? '', at: Date.now()});
    host.inflight++;
    host.maxInflight = Math.max(host.maxInflight, host.inflight);
    let done = false;
    const end = (): void => {
      if (!done) {
        done = true;
        host.inflight--;
      }
    };
    res.on('close', end);
    res.on('finish', end);
    const write = res.write.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) host.bytesSent += Buffer.byteLength(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    const go = (): void => {
      if (res.destroyed) return;
      if (options.maxConcurrent !== undefined && host.inflight > options.maxConcurrent) {
        host.tooMany++;
        res.writeHead(429, {'retry-after': options.retryAfter ?? '1', 'content-type': 'text/plain'});
        res.end('slow down');
        return;
      }
      void Promise.resolve(handler(req, res, host)).catch(() => res.destroy());
    };
    if (options.latencyMs) setTimeout(go, options.latencyMs * (1 + (options.jitter ?? 0) * (2 * rand() - 1)));
    else go();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, ip, () => resolve());
  });
  host.port = (server.address() as AddressInfo).port;
  host.origin = `http://${ip}:${host.port}`;
  return host;
}

/** A port on `ip` with nothing listening (connection refused). */
export async function closedPort(ip: string): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, ip, () => resolve()));
  const {port} = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Stream `total` bytes of HTML with `marker` near the start (never all sent if the client stops reading). */
export function streamHuge(res: http.ServerResponse, total: number, marker = ''): void {
  res.writeHead(200, {'content-type': 'text/html', 'content-length': String(total)});
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const head = Buffer.from(`<html><body>${marker}<p>`);
  res.write(head);
  sent += head.length;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += part.length;
      if (!res.write(part)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** A fake DNS server on loopback: answers NXDOMAIN to everything, or never answers (a hanging resolver). */
export async function startFakeDns(ip: string, mode: 'nxdomain' | 'silent'): Promise<{server: string; queries: number; close: () => Promise<void>}> {
  const socket = dgram.createSocket('udp4');
  const state = {server: '', queries: 0, close: () => new Promise<void>((resolve) => socket.close(() => resolve()))};
  socket.on('message', (msg, rinfo) => {
    state.queries++;
    if (mode === 'silent' || msg.length < 12) return;
    const reply = Buffer.from(msg);
    reply[2] = 0x81; // QR=1, RD=1
    reply[3] = 0x83; // RA=1, RCODE=3 (NXDOMAIN)
    reply.writeUInt16BE(0, 6); // ANCOUNT
    reply.writeUInt16BE(0, 8); // NSCOUNT
    reply.writeUInt16BE(0, 10); // ARCOUNT
    // Keep the header and the question only (drop any EDNS record from the query).
    const questionEnd = endOfQuestion(msg);
    socket.send(reply.subarray(0, questionEnd), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, ip, () => resolve()));
  state.server = `${ip}:${socket.address().port}`;
  return state;
}

function endOfQuestion(msg: Buffer): number {
  let i = 12;
  while (i < msg.length && msg[i] !== 0) i += (msg[i] ?? 0) + 1;
  return Math.min(msg.length, i + 1 + 4);
}
