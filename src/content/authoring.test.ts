import {describe, expect, it} from 'vitest';
import {findUnfinishedMarker, isGenericLinkText, isScaffoldPlaceholder, normaliseLinkText} from './authoring';

describe('isGenericLinkText', () => {
  it('matches generic texts whatever their case and punctuation', () => {
    for (const text of [
      'here',
      'Click here!',
      'click  here',
      'LINK',
      'this',
      'Docs',
      'article',
      'video',
      'Read more…',
    ]) {
      expect(isGenericLinkText(text), text).toBe(true);
    }
  });

  it('accepts text that names the destination', () => {
    for (const text of ['Docker Volumes', 'Kubernetes docs on Services', 'Video: etcd internals', 'Here Be Dragons']) {
      expect(isGenericLinkText(text), text).toBe(false);
    }
  });

  it('normalises spacing and punctuation', () => {
    expect(normaliseLinkText('  Read   more… ')).toBe('read more');
  });
});

describe('findUnfinishedMarker', () => {
  it('finds upper-case markers as whole words', () => {
    expect(findUnfinishedMarker('Explain probes. TODO: add diagram')).toEqual({marker: 'TODO', index: 16});
    expect(findUnfinishedMarker('Limits are TBD')?.marker).toBe('TBD');
    expect(findUnfinishedMarker('FIXME')?.marker).toBe('FIXME');
  });

  it('ignores ordinary words that contain them', () => {
    expect(findUnfinishedMarker('A todo list app and TODOS')).toBeUndefined();
    expect(findUnfinishedMarker('Mastodon')).toBeUndefined();
  });
});

describe('isScaffoldPlaceholder', () => {
  it('matches the skeleton tokens', () => {
    for (const text of ['INTRODUCTION', 'TOPIC_PROSE', 'SELF_CHECK', 'DESCRIPTION'])
      expect(isScaffoldPlaceholder(text)).toBe(true);
  });

  it('ignores acronyms in prose and short tokens', () => {
    for (const text of ['YAML', 'OCI', 'HTTPS', 'Use YAML', 'K8S_', 'Topic prose'])
      expect(isScaffoldPlaceholder(text), text).toBe(false);
  });
});
