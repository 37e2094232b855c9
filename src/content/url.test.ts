import {describe, expect, it} from 'vitest';
import {isInsecureHttpUrl, normaliseUrl} from './url';

describe('normaliseUrl', () => {
  it('ignores scheme, www., trailing slash, fragment and host case', () => {
    const key = normaliseUrl('https://docs.docker.com/engine/network');
    for (const same of [
      'http://docs.docker.com/engine/network/',
      'https://DOCS.docker.com/engine/network#drivers',
      'https://www.docs.docker.com/engine/network//',
      'https://docs.docker.com:443/engine/network',
    ]) {
      expect(normaliseUrl(same)).toBe(key);
    }
  });

  it('keeps the path case, the query and a non-default port', () => {
    expect(normaliseUrl('https://example.com/A')).not.toBe(normaliseUrl('https://example.com/a'));
    expect(normaliseUrl('https://example.com/p?id=1')).not.toBe(normaliseUrl('https://example.com/p?id=2'));
    expect(normaliseUrl('https://example.com:8443/')).toBe('example.com:8443');
  });

  it('treats a bare host and its root page as one', () => {
    expect(normaliseUrl('https://k3s.io')).toBe(normaliseUrl('https://www.k3s.io/'));
  });

  it('returns text that is not a URL unchanged', () => {
    expect(normaliseUrl(' ./page.md ')).toBe('./page.md');
  });
});

describe('isInsecureHttpUrl', () => {
  it('flags external http links only', () => {
    expect(isInsecureHttpUrl('http://kubernetes.io/docs/')).toBe(true);
    expect(isInsecureHttpUrl('https://kubernetes.io/docs/')).toBe(false);
    expect(isInsecureHttpUrl('./02-orchestration-fundamentals.md')).toBe(false);
    expect(isInsecureHttpUrl('#topic')).toBe(false);
    expect(isInsecureHttpUrl('mailto:team@example.com')).toBe(false);
  });

  it('allows loopback addresses, which have no certificate', () => {
    expect(isInsecureHttpUrl('http://localhost:8080/')).toBe(false);
    expect(isInsecureHttpUrl('http://127.0.0.1:3000')).toBe(false);
  });
});
