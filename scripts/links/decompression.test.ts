/**
 * Decompression bombs: a few KB of brotli or gzip that decode to gigabytes. The probe must stop
 * decoding the moment the verdict is known, and the timeout must hold while it decodes.
 * The decompressors are wrapped (not replaced) to count the bytes they produce after the verdict.
 */
import type * as Zlib from 'node:zlib';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import type {Transform} from 'node:stream';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {parseConfig} from './config';
import {judge} from './judge';
import {Prober} from './probe';
import {admitLoopback, type SimHost, startHost} from './test-servers';

const decompressors: Array<Transform & {decodedBytes: number}> = [];

vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof Zlib>();
  const counted =
    <A extends unknown[]>(make: (...args: A) => Transform) =>
    (...args: A): Transform => {
      const stream = Object.assign(make(...args), {decodedBytes: 0});
      const push = stream.push.bind(stream);
      stream.push = (chunk: unknown, encoding?: BufferEncoding) => {
        if (Buffer.isBuffer(chunk)) stream.decodedBytes += chunk.length;
        return push(chunk, encoding);
      };
      decompressors.push(stream);
      return stream;
    };
  return {
    ...zlib,
    createBrotliDecompress: counted(zlib.createBrotliDecompress),
    createGunzip: counted(zlib.createGunzip),
    createInflate: counted(zlib.createInflate),
  };
});

const MiB = 1024 * 1024;
let bomb: SimHost;
/** 64 MiB of one letter as brotli: about 50 bytes on the wire. */
let brotli: Buffer;
/** 1 GiB as 64 concatenated gzip members of 16 MiB each: about 1 MB on the wire. */
let gzip: Buffer;

beforeAll(async () => {
  brotli = brotliCompressSync(Buffer.alloc(64 * MiB, 'a'), {params: {[constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 24}});
  const member = gzipSync(Buffer.alloc(16 * MiB, 'a'), {level: 9});
  gzip = Buffer.concat(Array.from({length: 64}, () => member));
  bomb = await startHost('127.0.0.34', (req, res) => {
    const body = req.url?.startsWith('/br') ? brotli : gzip;
    res.writeHead(200, {'content-type': 'text/html', 'content-encoding': req.url?.startsWith('/br') ? 'br' : 'gzip', 'content-length': String(body.length)});
    res.end(body);
  });
});
afterAll(async () => {
  for (const d of decompressors) d.destroy();
  await bomb.close();
});

/** Probe `url`; then give any decompressor still running the time to show it: count what it decodes after the verdict. */
async function probeBomb(url: string, config: object) {
  decompressors.length = 0;
  const prober = new Prober(parseConfig({retries: 0, dnsTimeoutMs: 300, ...config}), {isPublicAddress: admitLoopback});
  const started = Date.now();
  const observation = await prober.probe(url);
  const elapsedMs = Date.now() - started;
  const atVerdict = decompressors.reduce((n, d) => n + d.decodedBytes, 0);
  // Until every decompressor is closed (stopped, or through its whole input), or 3 s: enough for any to show.
  await Promise.race([
    Promise.all(decompressors.map((d) => (d.closed ? undefined : new Promise((resolve) => d.once('close', resolve))))),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
  const afterVerdict = decompressors.reduce((n, d) => n + d.decodedBytes, 0) - atVerdict;
  prober.close();
  return {observation, judgement: judge(observation), elapsedMs, atVerdict, afterVerdict};
}

describe('decompression bombs', () => {
  it('brotli: stops decoding at the body cap, counting decoded bytes, and decodes nothing after the verdict', async () => {
    const r = await probeBomb(bomb.url('/br#missing'), {timeoutMs: 5000, maxBodyBytes: MiB});
    expect(r.judgement).toMatchObject({verdict: 'unverified', reason: '#missing not in the first part of a large page'});
    expect(r.atVerdict).toBeGreaterThanOrEqual(MiB);
    expect(r.atVerdict).toBeLessThan(2 * MiB);
    expect(r.afterVerdict).toBeLessThan(MiB); // before: the other 63 MiB, decoded for nobody
  });

  it('gzip: the timeout holds while decoding, and decoding stops with it', async () => {
    const r = await probeBomb(bomb.url('/gz#missing'), {timeoutMs: 300, maxBodyBytes: 512 * MiB});
    // Whichever comes first on this machine, the timeout or the cap, ends the decoding.
    expect(['timed out', '#missing not in the first part of a large page']).toContain(r.judgement.reason);
    expect(r.elapsedMs).toBeLessThan(300 + 3000); // the timeout's own margin for a loaded machine
    expect(r.afterVerdict).toBeLessThan(MiB);
  });
});
