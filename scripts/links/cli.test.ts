import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {JsonReport} from './report';
import type {LinkHealthFile} from '../../src/content/linkHealth';
import {type Io, runCli} from './cli';
import {admitLoopback, type SimHost, startHost} from './test-servers';

const CONFIG = {timeoutMs: 500, retries: 1, retryBaseDelayMs: 20, retryAfterCapMs: 2000, perHostConcurrency: 4, concurrency: 16};

function workspace(files: Record<string, string>, config: object = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), {recursive: true});
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'links.config.json'), JSON.stringify(config));
  return dir;
}

async function cli(dir: string, argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: Io = {cwd: dir, env, out: (s) => (out += s), err: (s) => (err += s), isPublicAddress: admitLoopback}; // the test servers are on loopback (hostile.test.ts checks the default)
  const r = await runCli(argv, io);
  return {...r, out, err};
}

let a: SimHost;
let b: SimHost;
let c: SimHost;

beforeAll(async () => {
  a = await startHost(
    '127.0.0.7',
    (req, res) => {
      const u = req.url ?? '/';
      const page = (title: string) => res.writeHead(200, {'content-type': 'text/html'}).end(`<title>${title}</title><main><h1>${title}</h1></main>`);
      if (u === '/') page('Home');
      else if (u === '/gone-home') res.writeHead(301, {location: '/'}).end();
      else if (u === '/section/child') res.writeHead(301, {location: '/section/'}).end();
      else if (u === '/section/') page('Section');
      else if (u === '/members') res.writeHead(302, {location: '/login?next=/members'}).end();
      else if (u.startsWith('/login')) page('Sign in');
      else if (u === '/retired') page('Page not found');
      else if (u.startsWith('/ok')) res.writeHead(200, {'content-type': 'text/html'}).end('<h2 id="intro">x</h2>');
      else if (u === '/moved') res.writeHead(301, {location: '/moved2'}).end();
      else if (u === '/moved2') res.writeHead(308, {location: '/ok/new'}).end();
      else if (u === '/temp') res.writeHead(302, {location: '/ok/elsewhere'}).end();
      else res.writeHead(404).end();
    },
    {latencyMs: 40},
  );
  b = await startHost('127.0.0.8', (_req, res) => res.writeHead(200).end(), {latencyMs: 40});
  c = await startHost('127.0.0.9', (_req, res) => res.writeHead(200).end(), {latencyMs: 30, maxConcurrent: 2, retryAfter: '0'});
});
afterAll(async () => {
  await Promise.all([a.close(), b.close(), c.close()]);
});

describe('check-links end to end (loopback)', () => {
  it('fetches each unique URL once and reports every citation, JSON as specified', async () => {
    const url = a.url('/ok/once');
    const dir = workspace({
      'docs/one.md': `# One\n\n[x](${url}) and [again](${url})\n`,
      'docs/sub/two.mdx': `Text\n\n- [y](${url}) - item\n- [bad](${a.url('/nope')}) - item\n- [mail](mailto:x@y.z)\n`,
    });
    const r = await cli(dir, ['--json', 'out/report.json']);
    expect(r.code).toBe(1);
    expect(a.count('/ok/once')).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as JsonReport;
    expect(report.links).toEqual([
      {
        url,
        verdict: 'ok',
        status: 200,
        finalUrl: url,
        reason: 'HTTP 200',
        notFixable: null,
        locations: [
          {file: 'docs/one.md', line: 3, column: 5},
          {file: 'docs/one.md', line: 3, column: 5 + url.length + 14},
          {file: 'docs/sub/two.mdx', line: 3, column: 7},
        ],
      },
      {url: a.url('/nope'), verdict: 'broken', status: 404, finalUrl: a.url('/nope'), reason: 'HTTP 404', notFixable: null, locations: [{file: 'docs/sub/two.mdx', line: 4, column: 9}]},
    ]);
    expect(report.summary).toMatchObject({urls: 2, ok: 1, broken: 1, redirected: 0, unverified: 0, skipped: 0, files: 2, citations: 4});
    expect(r.out).toMatch(/Broken: 1\n {2}http:\/\/127\.0\.0\.7:\d+\/nope\n {4}HTTP 404\n {4}at docs\/sub\/two\.mdx:4:9/);
  });

  it('keeps every host within perHostConcurrency while hosts progress in parallel', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 12; i++) lines.push(`- [a${i}](${a.url(`/ok/p${i}`)})`, `- [b${i}](${b.url(`/p${i}`)})`);
    const dir = workspace({'docs/many.md': lines.join('\n') + '\n'}, {...CONFIG, perHostConcurrency: 2});
    a.maxInflight = 0;
    b.maxInflight = 0;
    const r = await cli(dir, []);
    expect(r.code).toBe(0);
    expect(a.maxInflight).toBe(2);
    expect(b.maxInflight).toBe(2);
    const aTimes = a.log.filter((x) => x.path.startsWith('/ok/p')).map((x) => x.at);
    const bTimes = b.log.filter((x) => x.path.startsWith('/p')).map((x) => x.at);
    expect(Math.min(...bTimes)).toBeLessThan(Math.max(...aTimes)); // b did not wait for a to finish
  });

  it('backs off a host that answers bursts with 429: few of them, and every link ends ok', async () => {
    const lines = Array.from({length: 24}, (_, i) => `- [c${i}](${c.url(`/c${i}`)})`);
    const dir = workspace({'docs/burst.md': lines.join('\n') + '\n'});
    const r = await cli(dir, ['--json', 'r.json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
    expect(report.summary.ok).toBe(24);
    expect(c.tooMany).toBeGreaterThan(0);
    expect(c.tooMany).toBeLessThanOrEqual(4);
  });

  it('reruns from the cache for fresh ok results, never for failures; TTL 0 refetches', async () => {
    const dir = workspace({'docs/c.md': `[ok](${a.url('/ok/cached')}) [bad](${a.url('/cache-404')})\n`});
    await cli(dir, []);
    const second = await cli(dir, ['--json', 'r.json']);
    expect(a.count('/ok/cached')).toBe(1);
    expect(a.count('/cache-404')).toBe(2);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
    expect(report.summary.fromCache).toBe(1);
    expect(second.code).toBe(1);
    writeFileSync(join(dir, 'ttl0.json'), JSON.stringify({...CONFIG, cacheTtlHours: 0}));
    await cli(dir, ['--config', 'ttl0.json']);
    expect(a.count('/ok/cached')).toBe(2);
    await cli(dir, ['--no-cache']);
    expect(a.count('/ok/cached')).toBe(3);
  });

  it('skips by rule, with the reason kept', async () => {
    const dir = workspace({'docs/s.md': `[x](${b.url('/private')})\n`}, {...CONFIG, skip: [{match: 'http://*/private', reason: 'needs a login'}]});
    const r = await cli(dir, ['--json', 'r.json']);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
    expect(report.links[0]).toMatchObject({verdict: 'skipped', reason: 'needs a login', status: null});
    expect(b.count('/private')).toBe(0);
    expect(r.code).toBe(0);
  });

  it('annotates source lines under GitHub Actions and appends the full table to the step summary', async () => {
    const dir = workspace({'docs/g.md': `A [moved](${a.url('/moved')})\n\nB [bad](${a.url('/gh-404')})\n`});
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await cli(dir, [], {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary});
    expect(r.out).toContain(`::error file=docs/g.md,line=3,col=9,title=Broken link::${a.url('/gh-404')}%3A HTTP 404`.replace('%3A', ':'));
    expect(r.out).toMatch(/::warning file=docs\/g\.md,line=1,col=11,title=Moved link::.*\/moved → .*\/ok\/new/);
    const table = readFileSync(summary, 'utf8');
    expect(table.startsWith('# earlier step\n## External links')).toBe(true);
    expect(table).toContain(`| broken | \` ${a.url('/gh-404')} \` | \` HTTP 404 \` |  | \` docs/g.md:3:9 \` |`);
    expect(table).toContain(`| redirected | \` ${a.url('/moved')} \` | \` moved permanently (301 → 308 → 200) \` | \` ${a.url('/ok/new')} \` | \` docs/g.md:1:11 \` |`);
  });

  it('--fix rewrites only all-permanent chains to a 2xx, keeps the fragment, and nothing else changes', async () => {
    const moved = a.url('/moved');
    const source =
      `---\ntitle: Fix me\n---\r\n\r\n` +
      `- [Moved](${moved}#intro) - keep  trailing  spaces   \r\n` +
      `- [Temp](${a.url('/temp')}) - unchanged\n` +
      `- [Broken](${a.url('/gone-fix')}) - unchanged\n\n` +
      `Use [the ref][m] here.\n\n[m]: ${moved}\n\n<Card href="${moved}" />\n`;
    const dir = workspace({'docs/fix.md': source});
    const r = await cli(dir, ['--fix']);
    expect(r.code).toBe(1);
    const target = a.url('/ok/new');
    const expected = source
      .replace(`(${moved}#intro)`, `(${target}#intro)`)
      .replace(`[m]: ${moved}`, `[m]: ${target}`)
      .replace(`href="${moved}"`, `href="${target}"`);
    expect(readFileSync(join(dir, 'docs/fix.md'), 'utf8')).toBe(expected);
    expect(r.out).toMatch(/fixed docs\/fix\.md:5:11: .*\/moved#intro → .*\/ok\/new#intro/);
    // nothing to fix the second time
    const again = await cli(dir, ['--fix', '--no-cache']);
    expect(again.out).not.toMatch(/^fixed/m);
  });

  it('--fix never points at a home, sign-in or parent page, and says why it left each redirect alone', async () => {
    const source =
      `- [Home](${a.url('/gone-home')})\n- [Parent](${a.url('/section/child')})\n- [Login](${a.url('/members')})\n` +
      `- [Temp](${a.url('/temp')})\n- [Moved](${a.url('/moved')})\n- [Retired](${a.url('/retired')})\n`;
    const dir = workspace({'docs/f.md': source});
    const r = await cli(dir, ['--fix', '--no-cache', '--json', 'r.json'], {GITHUB_ACTIONS: 'true'});
    expect(r.code).toBe(1); // soft-dead links fail the check, as broken ones do
    expect(readFileSync(join(dir, 'docs/f.md'), 'utf8')).toBe(source.replace(a.url('/moved'), a.url('/ok/new')));
    const notFixed = r.out.split('\n').filter((l) => l.startsWith('not fixed'));
    expect(notFixed).toEqual([
      `not fixed docs/f.md:1:10: ${a.url('/gone-home')}: deep link redirected to the site's home page (${a.url('/')})`,
      `not fixed docs/f.md:2:12: ${a.url('/section/child')}: it now leads up to a parent page; check that what was cited is there, then edit by hand`,
      `not fixed docs/f.md:3:11: ${a.url('/members')}: redirected to a sign-in page (${a.url('/login')})`,
      `not fixed docs/f.md:4:10: ${a.url('/temp')}: a temporary redirect (302): the cited URL stays the one to use`,
    ]);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
    expect(report.summary).toMatchObject({'soft-dead': 3, redirected: 2, ok: 1, broken: 0});
    const byUrl = new Map(report.links.map((l) => [l.url, l]));
    expect(byUrl.get(a.url('/retired'))).toMatchObject({verdict: 'soft-dead', notFixable: null, reason: 'soft 404: the page\'s title says "Page not found"'});
    expect(byUrl.get(a.url('/section/child'))).toMatchObject({verdict: 'redirected', notFixable: expect.stringMatching(/parent page/)});
    expect(byUrl.get(a.url('/moved'))).toMatchObject({verdict: 'redirected', notFixable: null});
    expect(r.out).toMatch(/Soft-dead \(the site answers, but with a not-found, home or sign-in page instead\): 3\n/);
    expect(r.out).toContain(`::error file=docs/f.md,line=6,col=13,title=Dead link (soft 404%2C home or sign-in page)::${a.url('/retired')}: soft 404`);
    expect(r.out).toMatch(/moved permanently \(301 → 200\), up to a parent page \(not for --fix: it now leads up to a parent page/);
  });

  it('writes the link-health data the site reads', async () => {
    const dir = workspace({'docs/h.md': `[a](${a.url('/ok/h')}) [b](${a.url('/moved')}) [c](${a.url('/h-404')})\n`});
    await cli(dir, ['--health', 'src/data/link-health.json', '--no-cache']);
    const health = JSON.parse(readFileSync(join(dir, 'src/data/link-health.json'), 'utf8')) as LinkHealthFile;
    expect(Date.parse(health.generatedAt ?? '')).not.toBeNaN();
    expect(Object.keys(health.links).sort()).toEqual([a.url('/h-404'), a.url('/moved'), a.url('/ok/h')].sort());
    expect(health.links[a.url('/moved')]).toMatchObject({verdict: 'redirected', status: 200, finalUrl: a.url('/ok/new')});
    expect(health.links[a.url('/h-404')]).toMatchObject({verdict: 'broken', status: 404});
    for (const v of Object.values(health.links)) expect(Object.keys(v).sort()).toEqual(['checkedAt', 'finalUrl', 'status', 'verdict']);
  });

  it('--changed-since checks only URLs on added or changed lines', async () => {
    const dir = workspace({'docs/pr.md': `# PR\n\n[old](${b.url('/old')})\n`});
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'pipe'});
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'docs/pr.md'), `# PR\n\n[old](${b.url('/old')})\n\n[new](${b.url('/new-in-pr')})\n`);
    const r = await cli(dir, ['--changed-since', 'HEAD', '--json', 'r.json']);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
    expect(report.links.map((l) => l.url)).toEqual([b.url('/new-in-pr')]);
    expect(b.count('/old')).toBe(0);
    expect(r.code).toBe(0);
    expect((await cli(dir, ['--changed-since', 'no-such-ref'])).code).toBe(2);
  });

  it('exits 2 on usage, config and parse errors, with a clear message and no stack trace', async () => {
    const dir = workspace({'docs/bad.mdx': '# T\n\nText <b c={ \n', 'docs/ok.md': 'x\n'});
    const parse = await cli(dir, []);
    expect(parse.code).toBe(2);
    expect(parse.err).toMatch(/^docs\/bad\.mdx:\d+:\d+: error: /);
    expect(parse.err).not.toMatch(/\n\s+at /);
    expect((await cli(dir, ['--bogus'])).code).toBe(2);
    expect((await cli(dir, ['missing-folder'])).err).toMatch(/no such file or folder: missing-folder/);
    writeFileSync(join(dir, 'links.config.json'), '{"timeoutMs": -5}');
    const cfg = await cli(dir, ['docs/ok.md']);
    expect(cfg.code).toBe(2);
    expect(cfg.err).toMatch(/"timeoutMs" must be/);
    // a page that does not parse after requests for earlier pages went out: still exit 2, nothing left running
    const late = workspace({'docs/a.md': `[x](${a.url('/ok/before-error')})\n`, 'docs/z.mdx': '# Z\n\n<b c={ \n'});
    const lateRun = await cli(late, []);
    expect(lateRun.code).toBe(2);
    expect(lateRun.err).toMatch(/^docs\/z\.mdx:\d+:\d+: error: /);
    const help = await cli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: npm run check-links/);
  });
});
