import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import http from 'node:http';
import {
  cacheControl,
  chooseEncoding,
  htmlCandidates,
  isCompressible,
  serveStatic,
  type StaticServer,
} from './staticServer';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
  });
  it('compresses text only, caches hashed assets forever', () => {
    expect(isCompressible('text/javascript; charset=utf-8')).toBe(true);
    expect(isCompressible('image/svg+xml')).toBe(true);
    expect(isCompressible('image/png')).toBe(false);
    expect(cacheControl('assets/js/main.123.js')).toContain('immutable');
    expect(cacheControl('docs.html')).not.toContain('immutable');
  });
});

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{status: number; headers: http.IncomingHttpHeaders; body: Buffer}> {
  return new Promise((resolve, reject) => {
    http
      .get(url, {headers}, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks)}));
      })
      .on('error', reject);
  });
}

describe('serveStatic', () => {
  let server: StaticServer;
  const js = 'console.log("hello");\n'.repeat(200);
  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'perf-server-'));
    mkdirSync(path.join(root, 'docs'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'docs.html'), '<h1>overview</h1>');
    writeFileSync(path.join(root, 'docs', 'a.html'), '<h1>a</h1>');
    writeFileSync(path.join(root, 'assets', 'main.js'), js);
    writeFileSync(path.join(root, '404.html'), '<h1>missing</h1>');
    writeFileSync(path.join(os.tmpdir(), 'perf-secret.txt'), 'secret');
    server = await serveStatic({root});
  });
  afterAll(() => server.close());

  it('listens on loopback and maps routes like a trailingSlash:false host', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${server.url}/docs`)).body.toString()).toBe('<h1>overview</h1>');
    expect((await get(`${server.url}/docs/a`)).body.toString()).toBe('<h1>a</h1>');
  });
  it('serves brotli or gzip bodies that decode to the file', async () => {
    const br = await get(`${server.url}/assets/main.js`, {'accept-encoding': 'gzip, br'});
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(js);
    const gz = await get(`${server.url}/assets/main.js`, {'accept-encoding': 'gzip'});
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    const plain = await get(`${server.url}/assets/main.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
  });
  it('answers unknown paths and traversal attempts with the 404 page', async () => {
    const missing = await get(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('<h1>missing</h1>');
    expect((await get(`${server.url}/..%2fperf-secret.txt`)).status).toBe(404);
    expect((await get(`${server.url}/assets/../../perf-secret.txt`)).body.toString()).not.toContain('secret');
  });
});

describe('htmlCandidates', () => {
  it('maps trailingSlash:false routes to .html first, then index.html', () => {
    expect(htmlCandidates('/')).toEqual(['index.html']);
    expect(htmlCandidates('/docs')).toEqual(['docs.html', 'docs/index.html']);
    expect(htmlCandidates('/docs/a/')).toEqual(['docs/a.html', 'docs/a/index.html']);
    expect(htmlCandidates('/404.html')).toEqual(['404.html']);
  });
});
