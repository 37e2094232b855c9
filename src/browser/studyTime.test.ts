import {describe, expect, it} from 'vitest';
import type {OutlineSectionData} from '../content/moduleOutline';
import {EMPTY_PROGRESS, type ProgressState} from './progress';
import {formatMinutes, moduleStatus, sectionStatus} from './studyTime';

function section(key: string, minutes: number, topics: string[]): OutlineSectionData {
  return {
    key,
    title: key,
    label: key,
    permalink: `/docs/${key}`,
    minutes,
    topics: topics.map((id) => ({key: `${key}/${id}`, id, title: id})),
  };
}

const DATE = '2025-03-01T10:00:00.000Z';
const a = section('a', 120, ['one', 'two', 'three']);
const b = section('b', 90, ['four', 'five', 'six']);
const progress = (keys: string[]): ProgressState => ({version: 1, learned: Object.fromEntries(keys.map((k) => [k, DATE]))});

describe('sectionStatus', () => {
  it('counts learned topics and shrinks the time left in proportion', () => {
    expect(sectionStatus(a, progress(['a/one']))).toMatchObject({learned: 1, total: 3, minutesLeft: 80});
    expect(sectionStatus(a, progress(['a/one', 'a/two', 'a/three']))).toMatchObject({learned: 3, minutesLeft: 0});
    expect(sectionStatus(a, EMPTY_PROGRESS)).toMatchObject({learned: 0, minutesLeft: 120});
  });

  it('ignores topics of other sections and unknown keys', () => {
    expect(sectionStatus(a, progress(['b/four', 'a/zzz']))).toMatchObject({learned: 0, minutesLeft: 120});
  });
});

describe('moduleStatus', () => {
  it('sums sections', () => {
    const status = moduleStatus([a, b], progress(['a/one', 'b/four', 'b/five']));
    expect(status).toMatchObject({learned: 3, total: 6, minutes: 210, minutesLeft: 80 + 30});
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [150, '2 h 30 min'],
  ])('%i → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
