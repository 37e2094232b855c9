import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, DEFAULT_CONFIG, globMatches, loadConfig, parseConfig, skipRuleFor} from './config';

describe('config', () => {
  it('fills absent keys with defaults', () => {
    const c = parseConfig({timeoutMs: 500, skip: [{match: 'https://x.test/*', reason: 'private'}]});
    expect(c.timeoutMs).toBe(500);
    expect(c.retries).toBe(DEFAULT_CONFIG.retries);
    expect(c.perHostConcurrency).toBe(DEFAULT_CONFIG.perHostConcurrency);
    expect(skipRuleFor('https://x.test/a', c.skip)?.reason).toBe('private');
    expect(skipRuleFor('https://y.test/a', c.skip)).toBeUndefined();
  });

  it.each([
    [[], /must be a JSON object/],
    [{timeoutMs: 0}, /"timeoutMs" must be an integer from 1/],
    [{timeoutMs: '10s'}, /"timeoutMs"/],
    [{retries: 1.5}, /"retries"/],
    [{concurrency: -1}, /"concurrency"/],
    [{perHostConcurency: 2}, /unknown key "perHostConcurency"/],
    [{skip: {}}, /"skip" must be an array/],
    [{skip: [{match: 'https://x.test/*'}]}, /skip\[0\]\.reason/],
    [{skip: [{match: 'https://x.test/*', reason: 'y', why: 1}]}, /unknown key "why"/],
    [{skip: [{match: [], reason: 'y'}]}, /skip\[0\]\.match is missing or empty/],
    [{skip: [{match: ['https://a.test/', 7], reason: 'y'}]}, /skip\[0\]\.match\[1\] must be a non-empty string/],
    [{skip: [{match: '*', reason: 'y'}]}, /skip\[0\]\.match must start with http/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(ConfigError);
    expect(() => parseConfig(raw)).toThrow(message);
  });

  it('reads links.config.json when present, an explicit file always, and names bad JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-config-'));
    expect(loadConfig(undefined, dir).source).toBeNull();
    expect(() => loadConfig(join(dir, 'missing.json'), dir)).toThrow(/cannot read config/);
    writeFileSync(join(dir, 'links.config.json'), '{"retries": 0}');
    expect(loadConfig(undefined, dir).config.retries).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"retries": ');
    expect(() => loadConfig(join(dir, 'bad.json'), dir)).toThrow(/bad\.json: invalid JSON/);
  });

  // Hostile configs: each was an internal error or a hang before, now a clear error naming file and key.
  it.each([
    ['{"__proto__": {"timeoutMs": 1}}', /links\.config\.json: unknown key "__proto__"/],
    ['{"constructor": 1}', /links\.config\.json: unknown key "constructor"/],
    ['{"toString": [1, 2]}', /links\.config\.json: unknown key "toString"/],
    ['{"skip": [{"match": "https://a.test/*", "reason": "r", "__proto__": 1}]}', /skip\[0\] has unknown key "__proto__"/],
    ['{"userAgent": "bot/1.0\\r\\nX-Injected: 1"}', /links\.config\.json: "userAgent" must be .*printable ASCII.*got "bot\/1\.0\\r\\nX-Injected: 1"/],
    ['{"userAgent": "bot\\u0000"}', /"userAgent" must be/],
    ['{"skip": [{"pattern": "^(a+)+$", "reason": "slow"}]}', /skip\[0\]\.pattern: regular expressions are not accepted.*"match"/],
  ])('names the file and the key for %s', (json, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'links-config-'));
    writeFileSync(join(dir, 'links.config.json'), json);
    expect(() => loadConfig(undefined, dir)).toThrow(ConfigError);
    expect(() => loadConfig(undefined, dir)).toThrow(message);
  });

  it('matches skip globs: whole URL, * for any characters, any case', () => {
    expect(globMatches('https://*.linkedin.com/*', 'https://www.LinkedIn.com/in/x')).toBe(true);
    expect(globMatches('https://*.linkedin.com/*', 'https://linkedin.com/in/x')).toBe(false);
    expect(globMatches('http*://example.com', 'https://example.com')).toBe(true);
    expect(globMatches('http*://example.com', 'https://example.com/')).toBe(false);
    expect(globMatches('https://a.test/*/b*c', 'https://a.test/x/y/bzzc')).toBe(true);
    expect(globMatches('https://a.test/*/b*c', 'https://a.test/x/y/bzzcd')).toBe(false);
    expect(globMatches('https://a.test/a*a', 'https://a.test/a')).toBe(false); // pieces may not overlap
    expect(globMatches('https://a.test/(a+)+$', 'https://a.test/(a+)+$')).toBe(true); // no regex syntax: all literal
    expect(globMatches('https://a.test/a.c', 'https://a.test/abc')).toBe(false);
  });

  it('matches in linear time: a glob built to make a backtracking matcher explode answers at once', () => {
    // A backtracking matcher needs about (length / stars)^stars steps here; ours one pass per star.
    const url = `https://a.test/${'a'.repeat(200_000)}`;
    const glob = `https://a.test/${'*a'.repeat(60)}*b`;
    expect(globMatches(glob, url)).toBe(false);
    expect(skipRuleFor(url, parseConfig({skip: [{match: [glob, 'https://a.test/*'], reason: 'r'}]}).skip)?.reason).toBe('r');
  });

  it('the repository config is valid', () => {
    expect(() => loadConfig(join(import.meta.dirname, '../../links.config.json'), '.')).not.toThrow();
  });
});
