/**
 * A small static server for build/, compressing the way a real host does (brotli, else gzip),
 * so Lighthouse and the browser cross-check measure realistic transfer sizes. `docusaurus serve`
 * does not compress. Loopback only; read-only; no directory listings.
 *
 * Routing follows what GitHub Pages does for a `trailingSlash: false` Docusaurus build:
 * `/docs/x` → `docs/x.html`, then `docs/x/index.html`; unknown paths get `404.html` with status 404.
 */
import http from 'node:http';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {
  gzipSync,
  brotliCompressSync,
  constants as zlibConstants,
  gzip as gzipCallback,
  brotliCompress,
} from 'node:zlib';
import {promisify} from 'node:util';

/**
 * Maps a site path (below baseUrl) to the candidate HTML files in the build, in the order a
 * static host tries them (trailingSlash: false writes `docs/x.html`; index routes `docs/index.html`).
 */
export function htmlCandidates(pathname: string): string[] {
  const clean = decodeURIComponent(pathname).replace(/^\/+/, '').replace(/\/+$/, '');
  if (clean === '') return ['index.html'];
  if (/\.html?$/.test(clean)) return [clean];
  return [`${clean}.html`, `${clean}/index.html`];
}

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/** Whether a content type is worth compressing (text formats only; images and fonts already are). */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|xml|manifest\+json|javascript))|image\/svg\+xml/.test(contentType);
}

/** The encoding to send for an Accept-Encoding header: brotli preferred, then gzip, else identity. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** Cache policy: hashed assets are immutable, everything else revalidates (as on GitHub Pages: 10 min). */
export function cacheControl(relativePath: string): string {
  return relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600';
}

export interface StaticServer {
  /** Origin plus base path, without a trailing slash, e.g. `http://127.0.0.1:41234/base`. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  /** Path prefix the site is built for (docusaurus baseUrl). */
  baseUrl?: string;
  port?: number;
  /** false serves identity only (to measure what compression is worth). */
  compress?: boolean;
  /**
   * 'host' sends a real host's cache headers; 'none' makes every response revalidate, so a
   * test that blocks the network proves the service worker, not the HTTP cache, served the page.
   */
  httpCache?: 'host' | 'none';
  /**
   * Compress every text file before listening, as a host that stores compressed copies does.
   * Otherwise the first request for a file pays for brotli 11 (about 0.8 s for main.js on this
   * machine), which a measured page load would count as server time.
   */
  precompress?: boolean;
}

const BROTLI_OPTIONS = {params: {[zlibConstants.BROTLI_PARAM_QUALITY]: 11}};
const GZIP_OPTIONS = {level: 9};

/** Fills the cache with both encodings of every compressible file under root (zlib's thread pool). */
async function precompressAll(root: string, load: (file: string) => Promise<Entry>): Promise<void> {
  const files = (await fs.readdir(root, {recursive: true, withFileTypes: true}))
    .filter((d) => d.isFile() && isCompressible(TYPES[path.extname(d.name).toLowerCase()] ?? ''))
    .map((d) => path.join(d.parentPath, d.name));
  await Promise.all(
    files.map(async (file) => {
      const entry = await load(file);
      [entry.br, entry.gzip] = await Promise.all([brotli(entry.body, BROTLI_OPTIONS), gzip(entry.body, GZIP_OPTIONS)]);
    }),
  );
}

interface Entry {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/** Starts the server on 127.0.0.1 (a free port unless given). Compressed bodies are cached in memory. */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = (options.baseUrl ?? '/').replace(/\/?$/, '/');
  const compress = options.compress ?? true;
  const cache = new Map<string, Entry>();

  async function resolveFile(pathname: string): Promise<{file: string; status: number} | null> {
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return null;
    const rel = pathname.slice(base.length - 1);
    const candidates =
      path.extname(rel) && !/\.html?$/.test(rel) ? [decodeURIComponent(rel).replace(/^\/+/, '')] : htmlCandidates(rel);
    for (const candidate of candidates) {
      const file = path.resolve(root, candidate);
      if (file !== root && !file.startsWith(root + path.sep)) continue; // path traversal
      const stat = await fs.stat(file).catch(() => null);
      if (stat?.isFile()) return {file, status: 200};
    }
    return null;
  }

  async function load(file: string): Promise<Entry> {
    let entry = cache.get(file);
    if (!entry) {
      entry = {body: await fs.readFile(file)};
      cache.set(file, entry);
    }
    return entry;
  }

  if (compress && options.precompress) await precompressAll(root, load);

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, {allow: 'GET, HEAD'}).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURI(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      let found = await resolveFile(pathname);
      if (!found) {
        const notFound = path.join(root, '404.html');
        found = (await fs.stat(notFound).catch(() => null)) ? {file: notFound, status: 404} : null;
      }
      if (!found) {
        res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end('Not found');
        return;
      }
      const type = TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
      const entry = await load(found.file);
      const headers: Record<string, string> = {
        'content-type': type,
        'cache-control':
          options.httpCache === 'none'
            ? 'no-cache'
            : cacheControl(path.relative(root, found.file).split(path.sep).join('/')),
        'x-content-type-options': 'nosniff',
      };
      let body = entry.body;
      if (compress && isCompressible(type)) {
        headers.vary = 'Accept-Encoding';
        const encoding = chooseEncoding(req.headers['accept-encoding']);
        if (encoding === 'br') {
          entry.br ??= brotliCompressSync(entry.body, BROTLI_OPTIONS);
          body = entry.br;
        } else if (encoding === 'gzip') {
          entry.gzip ??= gzipSync(entry.body, GZIP_OPTIONS);
          body = entry.gzip;
        }
        if (encoding) headers['content-encoding'] = encoding;
      }
      headers['content-length'] = String(body.length);
      res.writeHead(found.status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, {'content-type': 'text/plain'});
      res.end(String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}${base.replace(/\/$/, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
