import {describe, expect, it} from 'vitest';
import {applyEdits, escapeFor} from './fix';
import {formatAnnotations, formatConsole, formatTrackingIssue, summarize, toLinkHealth} from './report';
import {runContextFrom} from '../common/githubRun';
import type {LinkResult} from './types';

const r = (url: string, verdict: LinkResult['verdict'], extra: Partial<LinkResult> = {}): LinkResult => ({
  url,
  verdict,
  status: 200,
  finalUrl: url,
  reason: 'HTTP 200',
  locations: [{file: 'docs/a.md', line: 3, column: 7}],
  fix: null,
  fixable: false,
  checkedAt: '2025-03-01T10:00:00.000Z',
  fromCache: false,
  ...extra,
});

describe('link health data', () => {
  it('maps every result to url → {verdict, status, finalUrl, checkedAt}, sorted, with generatedAt', () => {
    const results = [
      r('https://z.test/', 'broken', {status: 404, reason: 'HTTP 404'}),
      r('https://a.test/old#x', 'redirected', {finalUrl: 'https://a.test/new#x', checkedAt: '2025-02-28T00:00:00.000Z'}),
      r('https://s.test/', 'skipped', {status: null, finalUrl: null}),
    ];
    expect(toLinkHealth(results, '2025-03-01T12:00:00.000Z')).toEqual({
      generatedAt: '2025-03-01T12:00:00.000Z',
      links: {
        'https://a.test/old#x': {verdict: 'redirected', status: 200, finalUrl: 'https://a.test/new#x', checkedAt: '2025-02-28T00:00:00.000Z'},
        'https://s.test/': {verdict: 'skipped', status: null, finalUrl: null, checkedAt: '2025-03-01T10:00:00.000Z'},
        'https://z.test/': {verdict: 'broken', status: 404, finalUrl: 'https://z.test/', checkedAt: '2025-03-01T10:00:00.000Z'},
      },
    });
    expect(Object.keys(toLinkHealth(results, 'x').links)).toEqual(['https://a.test/old#x', 'https://s.test/', 'https://z.test/']);
  });
});

describe('console and annotations', () => {
  it('escapes workflow-command properties and data', () => {
    const out = formatAnnotations([r('https://a.test/%20x', 'broken', {reason: 'line1\nline2', locations: [{file: 'docs/a,b:c.md', line: 2, column: 1}]})]);
    expect(out).toBe('::error file=docs/a%2Cb%3Ac.md,line=2,col=1,title=Broken link::https://a.test/%2520x: line1%0Aline2\n');
    expect(formatAnnotations([r('https://ok.test/', 'ok'), r('https://s.test/', 'skipped')])).toBe('');
  });

  it('groups by verdict with every citation, ok hidden unless verbose', () => {
    const results = [r('https://ok.test/', 'ok'), r('https://bad.test/', 'broken', {reason: 'HTTP 404'}), r('https://u.test/', 'unverified', {reason: 'refuses automated checks (999)'})];
    const s = summarize(results, {citations: 3, files: 1, requests: 3, durationMs: 1234});
    const text = formatConsole(results, s, false);
    expect(text.indexOf('Broken: 1')).toBeLessThan(text.indexOf('Unverified'));
    expect(text).toContain('  https://bad.test/\n    HTTP 404\n    at docs/a.md:3:7\n');
    expect(text).not.toContain('https://ok.test/');
    expect(formatConsole(results, s, true)).toContain('https://ok.test/');
    expect(text).toMatch(/3 URLs \(3 citations in 1 files\): 1 ok, 0 redirected, 1 broken, 0 soft-dead, 1 unverified, 0 skipped/);
  });
});

describe('fix helpers', () => {
  it('applies edits from the end and refuses stale offsets', () => {
    expect(applyEdits('ab http://x cd http://y', [{offset: 3, raw: 'http://x', replacement: 'https://x2'}, {offset: 15, raw: 'http://y', replacement: 'Y'}])).toBe('ab https://x2 cd Y');
    expect(() => applyEdits('abc', [{offset: 0, raw: 'zz', replacement: ''}])).toThrow(/source changed/);
  });

  it('escapes what would break the Markdown or JSX around the URL', () => {
    expect(escapeFor('link', 'https://a.test/a b(c)<d>')).toBe('https://a.test/a%20b%28c%29%3Cd%3E');
    expect(escapeFor('jsx', `https://a.test/"q'`)).toBe('https://a.test/%22q%27');
  });
});

describe('the tracking issue body', () => {
  it('stops at whole rows under GitHub\'s size limit and says how many are left', () => {
    const results = Array.from({length: 400}, (_, i) => r(`https://bad.test/${i}`, 'broken', {reason: `HTTP 404 ${'`'.repeat(3)}${'x'.repeat(250)}`}));
    const body = formatTrackingIssue(results, summarize(results, {citations: 400, files: 1, requests: 400, durationMs: 1}), null);
    expect(body.length).toBeLessThanOrEqual(60_000);
    const shown = body.split('\n').filter((l) => l.startsWith('| `'));
    expect(body).toContain(`… and ${400 - shown.length} more rows: see the \`link-report\` artifact of the run.`);
    for (const row of shown) expect(row).toMatch(/ \|$/); // every row whole
  });

  it('links only to GitHub values of the expected shape; without them, plain code', () => {
    expect(runContextFrom({GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '9'})).not.toBeNull();
    expect(runContextFrom({GITHUB_SERVER_URL: 'javascript:alert(1)//', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '9'})).toBeNull();
    const results = [r('https://bad.test/', 'broken', {reason: 'HTTP 404'})];
    const body = formatTrackingIssue(results, summarize(results, {citations: 1, files: 1, requests: 1, durationMs: 1}), null);
    expect(body).toContain('| ` https://bad.test/ ` | ` HTTP 404 ` | ` docs/a.md:3 ` |');
  });
});
