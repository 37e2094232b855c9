import {describe, expect, it} from 'vitest';
import {
  EMPTY_PROGRESS,
  MAX_IMPORT_BYTES,
  PROGRESS_VERSION,
  parseProgress,
  mergeProgress,
  parseProgressImport,
  readStoredProgress,
  serializeProgress,
  setTopicLearned,
  topicsLost,
} from './progress';

const DATE = '2025-03-01T10:00:00.000Z';

describe('parseProgress (stored data)', () => {
  it('reads missing data as null', () => {
    expect(parseProgress(null)).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"learned"'],
    ['an unknown version', JSON.stringify({version: 99, learned: {'a/b': DATE}})],
    ['a version without learned', JSON.stringify({version: 1})],
    ['learned as a string', JSON.stringify({version: 1, learned: 'all'})],
  ])('reads %s as null instead of throwing', (_name, raw) => {
    expect(parseProgress(raw)).toBeNull();
  });

  it('keeps valid entries and drops bad dates and bad keys', () => {
    const raw = JSON.stringify({
      version: 1,
      learned: {
        'container-fundamentals/docker-advanced-features': DATE,
        'container-fundamentals/container-technology-concepts': 'yesterday',
        'service-mesh/istio': 12,
        'no-slash': DATE,
        '__proto__': DATE,
        'a/b': '2025-02-30T99:99',
      },
    });
    expect(parseProgress(raw)).toEqual({
      version: PROGRESS_VERSION,
      learned: {'container-fundamentals/docker-advanced-features': DATE},
    });
  });

  it('migrates the version 0 list of topic keys', () => {
    const parsed = parseProgress(JSON.stringify({topics: ['service-mesh/istio', 7, 'bad']}));
    expect(parsed).toEqual({version: 1, learned: {'service-mesh/istio': new Date(0).toISOString()}});
  });

  it('round-trips through serializeProgress', () => {
    const state = setTopicLearned(EMPTY_PROGRESS, 'service-mesh/istio', true, new Date(DATE));
    expect(serializeProgress(state)).toBe(`{"version":1,"learned":{"service-mesh/istio":"${DATE}"}}`);
    expect(parseProgress(serializeProgress(state))).toEqual(state);
  });
});

describe('exercises in stored progress (the same version 1 format)', () => {
  // Stored by the site before exercises existed: topics only.
  const beforeExercises = JSON.stringify({
    version: 1,
    learned: {'container-fundamentals/docker-advanced-features': DATE, 'service-mesh/istio': DATE},
  });

  it('reads progress stored before exercises existed without losing an entry', () => {
    expect(parseProgress(beforeExercises)).toEqual(JSON.parse(beforeExercises));
  });

  it('adds an exercise done next to the topics, and the stored text keeps both', () => {
    const state = setTopicLearned(parseProgress(beforeExercises)!, 'container-fundamentals/hands-on-build-and-run-the-hello-app', true, new Date(DATE));
    const stored = serializeProgress(state);
    expect(JSON.parse(stored)).toEqual({
      version: 1,
      learned: {
        'container-fundamentals/docker-advanced-features': DATE,
        'service-mesh/istio': DATE,
        'container-fundamentals/hands-on-build-and-run-the-hello-app': DATE,
      },
    });
    expect(parseProgress(stored)).toEqual(state);
  });

  it('imports exercises that the module has, with the topics', () => {
    const known = new Set(['service-mesh/istio', 'service-mesh/hands-on-mesh-hello']);
    const text = JSON.stringify({version: 1, learned: {'service-mesh/istio': DATE, 'service-mesh/hands-on-mesh-hello': DATE}});
    expect(parseProgressImport(text, known)).toEqual({ok: true, state: JSON.parse(text), ignored: 0, skipped: ''});
  });
});

describe('setTopicLearned', () => {
  it('adds and removes a topic without mutating the input', () => {
    const on = setTopicLearned(EMPTY_PROGRESS, 'a/b', true, new Date(DATE));
    expect(on.learned).toEqual({'a/b': DATE});
    expect(EMPTY_PROGRESS.learned).toEqual({});
    const off = setTopicLearned(on, 'a/b', false);
    expect(off.learned).toEqual({});
    expect(on.learned).toEqual({'a/b': DATE});
  });
});

describe('parseProgressImport', () => {
  const known = new Set(['service-mesh/istio', 'service-mesh/linkerd']);

  it('accepts an export file and returns its state', () => {
    const text = JSON.stringify({version: 1, learned: {'service-mesh/istio': DATE}});
    expect(parseProgressImport(text, known)).toEqual({ok: true, state: {version: 1, learned: {'service-mesh/istio': DATE}}, ignored: 0, skipped: ''});
  });

  it('accepts an export of empty progress', () => {
    expect(parseProgressImport('{"version":1,"learned":{}}', known)).toEqual({ok: true, state: {version: 1, learned: {}}, ignored: 0, skipped: ''});
  });

  it('drops and counts topics this module does not have', () => {
    const text = JSON.stringify({version: 1, learned: {'service-mesh/istio': DATE, 'other/topic': DATE}});
    expect(parseProgressImport(text, known)).toEqual({
      ok: true,
      state: {version: 1, learned: {'service-mesh/istio': DATE}},
      ignored: 1,
      skipped: '1 topic is not in this module',
    });
  });

  // Before: "not valid JSON" / "does not hold progress data" for most of these, and "None of the topics
  // belong to this module" for a file whose topics were fine but whose dates were not.
  it.each([
    ['an empty file', '', /This file is empty/],
    ['text that is not JSON', 'hello', /not valid JSON/],
    ['a JSON list', '[1,2]', /holds a JSON list, not progress data/],
    ['a JSON string', '"progress"', /holds a JSON string/],
    ['an object of another shape', '{"name":"x"}', /has no "version" and "learned"/],
    ['a newer format version', '{"version":2,"learned":{}}', /exported by a newer version of this site \(progress format 2; this page reads format 1\)\. Reload the page/],
    ['an unknown format version', '{"version":"1.0","learned":{}}', /unknown progress format version \("1\.0"\)/],
    ['a version without learned', '{"version":1}', /no "learned" list of topics/],
    ['only unknown topics', JSON.stringify({version: 1, learned: {'x/y': DATE, 'x/z': DATE}}), /None of the 2 entries in this file can be used: 2 topics are not in this module/],
    ['only invalid entries', JSON.stringify({version: 1, learned: {'service-mesh/istio': 'soon'}}), /None of the 1 entry .* 1 entry has no valid topic name or date/],
  ])('rejects %s with a message that says what is wrong', (_name, text, message) => {
    const result = parseProgressImport(text, known);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('reads an export saved with a byte order mark', () => {
    expect(parseProgressImport(`\uFEFF{"version":1,"learned":{"service-mesh/istio":"${DATE}"}}`, known)).toMatchObject({ok: true});
  });

  it('rejects a file larger than any real export', () => {
    const result = parseProgressImport(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(result).toEqual({ok: false, error: expect.stringMatching(/far larger than any progress export/)});
  });
});

describe('readStoredProgress', () => {
  it('reads missing data as empty progress', () => {
    expect(readStoredProgress(null)).toEqual({readable: true, state: EMPTY_PROGRESS});
  });

  it('reads its own format and migrates version 0', () => {
    expect(readStoredProgress(JSON.stringify({version: 1, learned: {'a/b': DATE}}))).toEqual({readable: true, state: {version: 1, learned: {'a/b': DATE}}});
    expect(readStoredProgress('{"topics":["a/b"]}')).toMatchObject({readable: true});
  });

  // Before: read as empty, and the next click overwrote it.
  it.each([
    ['a newer version', JSON.stringify({version: PROGRESS_VERSION + 1, learned: {'a/b': DATE}, exercises: {}}), PROGRESS_VERSION + 1],
    ['a much newer version', JSON.stringify({version: 40}), 40],
    ['not JSON', '{oops', undefined],
    ['an unknown shape', JSON.stringify({version: 1, learned: 'all'}), undefined],
  ])('keeps %s as unreadable, with its raw text', (_name, raw, newerVersion) => {
    expect(readStoredProgress(raw)).toEqual({readable: false, raw, newerVersion});
  });
});

describe('mergeProgress and topicsLost', () => {
  const earlier = '2025-01-01T00:00:00.000Z';
  const mine = {version: 1, learned: {'a/b': DATE, 'a/c': DATE}} as const;
  const file = {version: 1, learned: {'a/b': earlier, 'a/d': DATE}} as const;

  it('keeps every topic of both, with the earlier date', () => {
    expect(mergeProgress(mine, file)).toEqual({version: 1, learned: {'a/b': earlier, 'a/c': DATE, 'a/d': DATE}});
  });

  it('names the learned topics a replacement would unmark', () => {
    expect(topicsLost(mine, file)).toEqual(['a/c']);
    expect(topicsLost(mine, EMPTY_PROGRESS)).toEqual(['a/b', 'a/c']);
    expect(topicsLost(mine, mergeProgress(mine, file))).toEqual([]);
  });
});
