import {describe, expect, it} from 'vitest';
import type {IndexedSection} from '../content/sectionIndex';
import {EMPTY_PROGRESS, type ProgressState} from './progress';
import {countText, formatMinutes, moduleStatus, sectionStatus} from './studyTime';

function section(key: string, minutes: number, topics: string[], exercises: [id: string, minutes: number][] = []): IndexedSection {
  return {
    key,
    title: key,
    label: key,
    permalink: `/docs/${key}`,
    minutes,
    topics: topics.map((id) => ({key: `${key}/${id}`, id, title: id})),
    exercises: exercises.map(([id, exerciseMinutes]) => ({key: `${key}/${id}`, id, title: id, minutes: exerciseMinutes})),
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

describe('sectionStatus with an exercise', () => {
  // 150 minutes: a 60-minute exercise and 90 minutes of reading, 30 per topic.
  const c = section('c', 150, ['one', 'two', 'three'], [['hands-on-x', 60]]);

  it('counts the exercise apart from the topics', () => {
    expect(sectionStatus(c, EMPTY_PROGRESS)).toMatchObject({learned: 0, total: 3, exercisesDone: 0, exercises: 1, minutesLeft: 150});
    expect(sectionStatus(c, progress(['c/hands-on-x']))).toMatchObject({learned: 0, exercisesDone: 1, minutesLeft: 90});
  });

  it("takes a topic's share of the reading time, not of the whole, off the time left", () => {
    expect(sectionStatus(c, progress(['c/one']))).toMatchObject({learned: 1, exercisesDone: 0, minutesLeft: 60 + 60});
    expect(sectionStatus(c, progress(['c/one', 'c/two', 'c/three', 'c/hands-on-x']))).toMatchObject({minutesLeft: 0});
  });

  it('never gives a topic negative time when the exercise takes the whole study time', () => {
    const all = section('d', 30, ['one'], [['hands-on-y', 30]]);
    expect(sectionStatus(all, progress(['d/one']))).toMatchObject({minutesLeft: 30});
  });
});

describe('moduleStatus', () => {
  it('sums sections', () => {
    const status = moduleStatus([a, b], progress(['a/one', 'b/four', 'b/five']));
    expect(status).toMatchObject({learned: 3, total: 6, exercisesDone: 0, exercises: 0, minutes: 210, minutesLeft: 80 + 30});
  });

  it('sums exercises and their time', () => {
    const c = section('c', 150, ['one'], [['hands-on-x', 60]]);
    const status = moduleStatus([a, c], progress(['c/hands-on-x']));
    expect(status).toMatchObject({learned: 0, total: 4, exercisesDone: 1, exercises: 1, minutes: 270, minutesLeft: 120 + 90});
  });
});

describe('countText', () => {
  it.each([
    [1, 3, 'topic', '1 of 3 topics learned'],
    [0, 1, 'exercise', '0 of 1 exercise done'],
    [2, 11, 'exercise', '2 of 11 exercises done'],
  ] as const)('%i of %i %s', (done, total, noun, text) => {
    expect(countText(done, total, noun)).toBe(text);
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
