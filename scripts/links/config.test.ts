import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, DEFAULT_CONFIG, loadConfig, parseConfig, skipRuleFor} from './config';

describe('config', () => {
  it('fills absent keys with defaults', () => {
    const c = parseConfig({timeoutMs: 500, skip: [{pattern: '^https://x\\.test/', reason: 'private'}]});
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
    [{skip: [{pattern: '(', reason: 'x'}]}, /skip\[0\]\.pattern is not a valid regular expression/],
    [{skip: [{pattern: 'x'}]}, /skip\[0\]\.reason/],
    [{skip: [{pattern: 'x', reason: 'y', why: 1}]}, /unknown key "why"/],
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

  it('the repository config is valid', () => {
    expect(() => loadConfig(join(import.meta.dirname, '../../links.config.json'), '.')).not.toThrow();
  });
});
