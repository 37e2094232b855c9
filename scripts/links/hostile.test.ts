/**
 * Hostile sites and inputs: what a cited site, a pull request or a stale file can throw at the
 * checker. Every case ends with a verdict or a clear error, never a crash, a stack trace or a hang.
 * Servers listen on 127.0.0.31–.33 only; no request ever leaves loopback, not even as a redirect target.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CACHE_DIR} from './cache';
import {isPublicAddress, type AddressPolicy} from './addresses';
import {fixFiles} from './fix';
import type {JsonReport} from './report';
import {type Io, runCli} from './cli';
import {workflowCommands} from '../common/workflowCommands';
import {admitLoopback, type SimHost, startHost} from './test-servers';
import type {Citation, LinkResult} from './types';

const CONFIG = {timeoutMs: 1000, retries: 0, retryBaseDelayMs: 10, dnsTimeoutMs: 300};

function workspace(files: Record<string, string>, config: object | string = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), {recursive: true});
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'links.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

/** `isPublicAddress`: loopback is admitted (the test servers) unless a test gives its own policy, or null for the CLI's default. */
async function cli(dir: string, argv: string[], options: {env?: Record<string, string>; isPublicAddress?: AddressPolicy | null} = {}) {
  let out = '';
  let err = '';
  const isPublic = options.isPublicAddress === null ? undefined : (options.isPublicAddress ?? admitLoopback);
  const io: Io = {cwd: dir, env: options.env ?? {}, out: (s) => (out += s), err: (s) => (err += s), isPublicAddress: isPublic};
  const r = await runCli(argv, io);
  return {...r, out, err};
}

/** `npm run check-links` as a child process in `dir` (tsx found from here, not from `dir`), with extra modules preloaded. */
function checkLinksProcess(dir: string, args: string[], preload: string[] = []): {status: number | null; stderr: string; signal: string | null} {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const imports = [tsx, ...preload].flatMap((m) => ['--import', m]);
  try {
    execFileSync(process.execPath, [...imports, join(import.meta.dirname, '../check-links.ts'), ...args], {cwd: dir, encoding: 'utf8', stdio: 'pipe', timeout: 30_000});
    return {status: 0, stderr: '', signal: null};
  } catch (e) {
    const failure = e as {status: number | null; stderr: string; signal: string | null};
    return {status: failure.status, stderr: failure.stderr, signal: failure.signal};
  }
}

const report = (dir: string, file = 'r.json'): JsonReport => JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonReport;

let site: SimHost;
let other: SimHost;
/** Called by /edit-during-run: changes a file of the run while the checker waits for the answer. */
let onEdit: () => void = () => {};

beforeAll(async () => {
  site = await startHost('127.0.0.31', (req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/ok')) res.writeHead(200, {'content-type': 'text/html'}).end('<h1 id="top">ok</h1>');
    else if (path === '/to-other') res.writeHead(301, {location: other.url('/ok/landing')}).end();
    else if (path === '/to-entity') res.writeHead(301, {location: '/ok/a&copy;b'}).end();
    else if (path === '/to-escape') res.writeHead(301, {location: '/ok/q?x=\\*y'}).end();
    else if (path === '/to-quote') res.writeHead(308, {location: `/ok/it's`}).end();
    else if (path === '/edit-during-run') {
      onEdit();
      res.writeHead(301, {location: '/ok/edited'}).end();
    } else res.writeHead(404, {'content-type': 'text/html'}).end('<p>gone</p>');
  });
  other = await startHost('127.0.0.32', (_req, res) => res.writeHead(200, {'content-type': 'text/html'}).end('<p>landing</p>'));
});
afterAll(async () => {
  await Promise.all([site.close(), other.close()]);
});

describe('a very long #fragment', () => {
  it('is judged (not found) instead of crashing the checker, and the report stays readable', async () => {
    const url = `${site.url('/ok/page')}#${'a'.repeat(200_000)}`;
    const dir = workspace({'docs/long.md': `[long](${url})\n`});
    const r = await cli(dir, ['--json', 'r.json']);
    expect(r.code).toBe(1);
    expect(report(dir).links[0]).toMatchObject({verdict: 'broken', status: 200});
    expect(report(dir).links[0]?.reason).toMatch(/^#a+ not found on the page$/);
    expect(Math.max(...r.out.split('\n').map((l) => l.length))).toBeLessThan(400); // values are cut on the console
  });
});

describe('links.config.json that is hostile', () => {
  it.each([
    ['a userAgent with a line break', '{"userAgent": "bot\\r\\nX-Injected: yes"}', /links\.config\.json: "userAgent" must be/],
    ['a __proto__ key', '{"__proto__": {"retries": 0}}', /links\.config\.json: unknown key "__proto__"/],
    ['a constructor key', '{"constructor": 5}', /links\.config\.json: unknown key "constructor"/],
  ])('%s: exit 2 naming the file and the key, before any request', async (_name, config, message) => {
    const dir = workspace({'docs/a.md': `[x](${site.url('/ok/config')})\n`}, config);
    const before = site.count('/ok/config');
    const r = await cli(dir, []);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(site.count('/ok/config')).toBe(before);
  });

  it('a catastrophic regular expression as a skip pattern: refused at once, never run', () => {
    const dir = workspace({'docs/a.md': `[x](http://127.0.0.31:9/${'a'.repeat(40)}!)\n`}, {skip: [{pattern: '^http://[^/]+/(a+)+$', reason: 'slow'}]});
    // A child process, so that a matcher that hangs (as it did) fails this test by its timeout instead of hanging the suite.
    const r = checkLinksProcess(dir, ['--no-cache']);
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^check-links: links\.config\.json: skip\[0\]\.pattern: regular expressions are not accepted/);
  }, 40_000);
});

describe('a cache file that lies or is broken', () => {
  it('ignores entries of the wrong shape with a warning: a cached "ok" 404 is checked again, null breaks nothing', async () => {
    const dead = site.url('/cache/dead');
    const alive = site.url('/ok/cache-alive');
    const dir = workspace({'docs/c.md': `[dead](${dead}) [alive](${alive}) [typed](${site.url('/ok/typed')})\n`});
    const now = new Date().toISOString();
    mkdirSync(join(dir, CACHE_DIR));
    const entries = {
      [dead]: {status: 404, finalUrl: dead, reason: 'HTTP 404', checkedAt: now},
      [alive]: null,
      [site.url('/ok/typed')]: {status: '200', finalUrl: 7, reason: [], checkedAt: now},
      ['__proto__']: {status: 200, finalUrl: null, reason: 'x', checkedAt: now}, // computed: an own key, as JSON.parse makes it
    };
    writeFileSync(join(dir, CACHE_DIR, 'results.json'), JSON.stringify({version: 1, entries}));
    const first = await cli(dir, ['--json', 'r.json']);
    expect(first.code).toBe(1);
    expect(Object.fromEntries(report(dir).links.map((l) => [l.url, l.verdict]))).toEqual({[dead]: 'broken', [alive]: 'ok', [site.url('/ok/typed')]: 'ok'});
    expect(first.err).toContain(`check-links: warning: .link-cache/results.json: ignored the entry for "${dead}": "status" is not a 2xx status`);
    expect(first.err).toContain(`ignored the entry for "${alive}": not an object`);
    expect(first.err).toContain('ignored the entry for "__proto__": the key is not an http(s) URL');
    // The next run reads a clean cache: no warning, the fresh ok results reused, the dead link checked again.
    const second = await cli(dir, ['--json', 'r.json']);
    expect(second.err).toBe('');
    expect(report(dir).summary).toMatchObject({fromCache: 2, broken: 1});
  });

  it('a cache file that is not JSON, or not a cache, is ignored with one warning', async () => {
    const dir = workspace({'docs/c.md': `[x](${site.url('/ok/cache-garbage')})\n`});
    mkdirSync(join(dir, CACHE_DIR));
    for (const garbage of ['{"version": 1, "entries": ', 'null', '[1, 2]', '{"version": 2, "entries": {}}']) {
      writeFileSync(join(dir, CACHE_DIR, 'results.json'), garbage);
      const r = await cli(dir, []);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^check-links: warning: \.link-cache\/results\.json: (not valid JSON|not a version 1 cache); ignored, starting afresh\n$/);
    }
  });
});

describe('--fix against hostile redirects', () => {
  it('does not follow a redirect into a private network, so neither asks it nor writes it (the default policy, for the target)', async () => {
    const dir = workspace({'docs/p.md': `[x](${site.url('/to-other')})\n`});
    // The cited site is admitted as a public one would be; its redirect target, 127.0.0.32, is judged by the default.
    const admitSiteOnly = (address: string): boolean => address === '127.0.0.31' || isPublicAddress(address);
    const asked = other.count('/ok/landing');
    const r = await cli(dir, ['--fix', '--no-cache', '--json', 'r.json'], {isPublicAddress: admitSiteOnly});
    expect(other.count('/ok/landing')).toBe(asked);
    expect(report(dir).links.map((l) => [l.verdict, l.reason])).toEqual([['broken', 'redirected into a private network (301 to 127.0.0.32): not followed']]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'docs/p.md'), 'utf8')).toBe(`[x](${site.url('/to-other')})\n`);
  });

  it('with the default policy, sends nothing to a cited address inside a private network', async () => {
    const dir = workspace({'docs/p.md': `[x](${site.url('/ok/cited')}) and [y](http://localhost:${new URL(site.url('/')).port}/ok/cited)\n`});
    const asked = site.count('/ok/cited');
    const r = await cli(dir, ['--no-cache', '--json', 'r.json'], {isPublicAddress: null});
    expect(site.count('/ok/cited')).toBe(asked);
    expect(report(dir).links.map((l) => [l.verdict, l.reason])).toEqual([
      ['broken', '127.0.0.31 is inside a private network: not requested'],
      ['broken', 'localhost (127.0.0.1) is inside a private network: not requested'],
    ]);
    expect(r.code).toBe(1);
  });

  it('judges every kind of private or reserved target without a request to it', async () => {
    const result = (url: string, finalUrl: string): LinkResult => ({url, finalUrl, fixable: true, fix: {rewrite: true}, verdict: 'redirected', status: 200, reason: 'moved', locations: [], checkedAt: '', fromCache: false});
    // [target, the address its host had during the check ('' for names refused before any lookup)]
    const cases: Array<[string, string]> = [
      ['http://10.1.2.3/x', '10.1.2.3'],
      ['http://172.20.0.1/x', '172.20.0.1'],
      ['http://192.168.1.1/x', '192.168.1.1'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
      ['http://100.64.0.1/x', '100.64.0.1'],
      ['http://[::1]/x', '::1'],
      ['http://[fd00::1]/x', 'fd00::1'],
      ['http://[fe80::1]/x', 'fe80::1'],
      ['http://[::ffff:10.0.0.1]/x', '::ffff:a00:1'],
      ['http://intranet/x', ''],
      ['http://printer.local/x', ''],
      ['http://wiki.corp.internal/x', ''],
      ['http://router.home.arpa/x', ''],
      ['http://docs.example.net/x', '10.9.8.7'], // a public-looking name that resolved to a private address
    ];
    const source = cases.map(([to], i) => `- [x${i}](https://old.example.org/${i}) → ${to}`).join('\n') + '\n';
    const citations: Citation[] = cases.map((_c, i) => {
      const url = `https://old.example.org/${i}`;
      return {file: 'docs/p.md', url, offset: source.indexOf(url), raw: url, kind: 'link', line: i + 1, column: 7};
    });
    const asked: string[] = [];
    const lookup = (host: string) => {
      asked.push(host);
      const found = cases.find(([to]) => new URL(to).hostname.replace(/^\[|\]$/g, '') === host);
      return Promise.resolve({address: found?.[1] ?? host});
    };
    const dir = workspace({'docs/p.md': source});
    const fixed = await fixFiles(
      citations,
      cases.map(([to], i) => result(`https://old.example.org/${i}`, to)),
      {cwd: dir, sources: new Map([['docs/p.md', source]]), lookup},
    );
    expect(fixed.rewritten).toEqual([]);
    expect(fixed.notFixed.map((n) => n.why)).toEqual(cases.map(() => expect.stringMatching(/private network|private or reserved name/)));
    expect(readFileSync(join(dir, 'docs/p.md'), 'utf8')).toBe(source);
    expect(asked).not.toContain('intranet'); // names that are private by definition are refused before any lookup
    expect([isPublicAddress('93.184.215.14'), isPublicAddress('2606:4700::1111')]).toEqual([true, true]);
  });

  it('writes a URL so that the Markdown around it reads it back exactly: entities, backslash escapes, quotes', async () => {
    const source = [
      `- [Entity](${site.url('/to-entity')}) - keep`,
      `- [Escape](${site.url('/to-escape')}) - keep`,
      `<Card href="${site.url('/to-quote')}" title='x' />`,
      `<Card href='${site.url('/to-quote')}' />`,
      '',
    ].join('\n');
    const dir = workspace({'docs/m.mdx': source});
    const r = await cli(dir, ['--fix', '--no-cache']);
    expect(r.out).not.toMatch(/^not fixed/m);
    const after = readFileSync(join(dir, 'docs/m.mdx'), 'utf8');
    expect(after).toBe(
      source
        .replace(site.url('/to-entity'), site.url('/ok/a&amp;copy;b'))
        .replace(site.url('/to-escape'), site.url('/ok/q?x=%5C*y'))
        .replace(`"${site.url('/to-quote')}"`, `"${site.url('/ok/it%27s')}"`)
        .replace(`'${site.url('/to-quote')}'`, `'${site.url('/ok/it%27s')}'`),
    );
    // Read back by the checker itself: the URLs now cited are the targets, nothing else changed.
    const again = await cli(dir, ['--json', 'r.json', '--no-cache']);
    expect(report(dir).links.map((l) => [l.url, l.verdict])).toEqual([
      [site.url('/ok/a&copy;b'), 'ok'],
      [site.url('/ok/q?x=%5C*y'), 'ok'],
      [site.url('/ok/it%27s'), 'ok'],
    ]);
    expect(again.code).toBe(0);
  });

  it('replaces a file in one step (a new file renamed over the old one), keeping its mode, leaving no temporary file', async () => {
    const dir = workspace({'docs/a.md': `[a](${site.url('/to-escape')})\n`});
    const path = join(dir, 'docs/a.md');
    execFileSync('chmod', ['640', path]);
    const inode = statSync(path).ino;
    const r = await cli(dir, ['--fix', '--no-cache']);
    expect(r.out).toMatch(/^fixed docs\/a\.md:1:5: /m);
    expect(statSync(path).ino).not.toBe(inode);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['a.md']);
  });

  it('reports a file that changed during the run by name, and still fixes the others', async () => {
    const files = {'docs/a.md': `[a](${site.url('/edit-during-run')})\n`, 'docs/b.md': `[b](${site.url('/edit-during-run')})\n`};
    const dir = workspace(files);
    onEdit = () => writeFileSync(join(dir, 'docs/a.md'), `New first line, typed while the check ran.\n${files['docs/a.md']}`);
    try {
      const r = await cli(dir, ['--fix', '--no-cache']);
      expect(r.out).toContain('not fixed docs/a.md: it changed since it was checked; run again');
      expect(r.out).toMatch(/^fixed docs\/b\.md:1:5: /m);
    } finally {
      onEdit = () => {};
    }
    expect(readFileSync(join(dir, 'docs/a.md'), 'utf8')).toBe(`New first line, typed while the check ran.\n${files['docs/a.md']}`);
    expect(readFileSync(join(dir, 'docs/b.md'), 'utf8')).toBe(`[b](${site.url('/ok/edited')})\n`);
  });
});

describe('--changed-since with file names git would quote', () => {
  it('finds every changed file whatever characters its name holds', async () => {
    const names = ['plain.md', 'naïve café.md', 'tab\there.md', 'new\nline.md', 'quote"s.md', 'back\\slash.md', '*star?.md', ':(glob)x.md', '-dash.md'];
    const files = Object.fromEntries(names.map((n) => [`docs/${n}`, `# T\n\n[old](${site.url('/ok/old')})\n`]));
    const dir = workspace(files);
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'pipe'});
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
    names.forEach((n, i) => writeFileSync(join(dir, 'docs', n), `${files[`docs/${n}`]}\n[new](${site.url(`/ok/new-${i}`)})\n`));
    const r = await cli(dir, ['--changed-since', 'HEAD', '--json', 'r.json']);
    expect(r.err).toBe('');
    expect(report(dir).links.map((l) => l.url).sort()).toEqual(names.map((_n, i) => site.url(`/ok/new-${i}`)).sort());
    expect(report(dir).links.flatMap((l) => l.locations.map((x) => x.file)).sort()).toEqual(names.map((n) => `docs/${n}`).sort());
  });

  it('refuses a revision that git would read as an option', async () => {
    const dir = workspace({'docs/a.md': 'x\n'});
    const r = await cli(dir, ['--changed-since=--output=/tmp/x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--changed-since needs a git revision/);
  });
});

describe('console output on GitHub Actions', () => {
  it('has no workflow command but our own annotations, whatever URLs, fragments, file names and servers say', async () => {
    const dir = workspace({
      // A JSX string may hold a line break; a fragment may hold the old command syntax; a file name may hold anything.
      'docs/jsx.mdx': `<Card href="${site.url('/gone')}\n::error file=x.md,line=1::fake error" />\n`,
      'docs/frag.md': `[f](${site.url('/ok/f')}##[warning]fake%20warning)\n`,
      'docs/::warning::name.md': `[n](${site.url('/gone/name')})\n`,
    });
    const summary = join(dir, 'summary.md');
    const r = await cli(dir, ['--no-cache'], {env: {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary}});
    expect(r.code).toBe(1);
    const commands = workflowCommands(r.out + r.err);
    expect(commands.length).toBe(3);
    for (const c of commands) expect(c).toMatch(/^::(error|warning) file=docs\/(jsx\.mdx|frag\.md|%3A%3Awarning%3A%3Aname\.md),line=\d+,col=\d+,title=[A-Za-z ]+::/);
    expect(r.out).toContain('fake error'); // still shown, as text
  });

  it('a page that does not parse, with a hostile name, is one error line that is not a command', async () => {
    const dir = workspace({'docs/x\n::error::pwned.mdx': '# T\n\n<b c={ \n'});
    const r = await cli(dir, [], {env: {GITHUB_ACTIONS: 'true'}});
    expect(r.code).toBe(2);
    expect(workflowCommands(r.out + r.err)).toEqual([]);
    expect(r.err).toMatch(/^docs\/x\\u\{a\}::error::pwned\.mdx:\d+:\d+: error: /);
  });
});

describe('the last guard', () => {
  it('an unexpected failure inside the command is one line and exit 2, never a thrown error', async () => {
    const dir = workspace({'docs/a.md': `[x](${site.url('/ok/guard')})\n`});
    let err = '';
    const io: Io = {
      cwd: dir,
      env: {},
      out: () => {
        throw new Error('EIO: i/o error, write\n    at fake (stack.js:1:1)');
      },
      err: (s) => (err += s),
    };
    const r = await runCli(['--no-cache'], io);
    expect(r.code).toBe(2);
    expect(err).toBe('check-links: internal error: EIO: i/o error, write (please report it)\n');
  });

  it('an error thrown in a callback ends the process with one line and exit 2, no stack trace', () => {
    const dir = workspace({'docs/a.md': 'no links\n'});
    // Preloaded: the first console write schedules a throw from a callback, as a failing socket handler would.
    const thrower = join(dir, 'throw-later.mjs');
    writeFileSync(
      thrower,
      "const write = process.stdout.write.bind(process.stdout);\n" +
        "process.stdout.write = (...args) => { setImmediate(() => { throw new Error('boom from a socket callback'); }); return write(...args); };\n",
    );
    const failure = checkLinksProcess(dir, ['--no-cache'], [pathToFileURL(thrower).href]);
    expect(failure.status).toBe(2);
    expect(failure.stderr).toBe('check-links: internal error: boom from a socket callback (please report it)\n');
  }, 40_000);
});
