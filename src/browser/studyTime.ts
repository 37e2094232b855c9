import type {IndexedSection} from '../content/sectionIndex';
import type {ProgressState} from './progress';

export interface SectionStatus {
  section: IndexedSection;
  /** Topics learned, of `total`. */
  learned: number;
  total: number;
  /** Exercises done, of `exercises`. */
  exercisesDone: number;
  exercises: number;
  minutesLeft: number;
}

/**
 * A section's study time is its exercise's stated time plus reading time shared equally by its
 * topics: a topic learned takes its share off the time left, an exercise done takes its own time.
 */
export function sectionStatus(section: IndexedSection, progress: ProgressState): SectionStatus {
  const total = section.topics.length;
  const learned = section.topics.filter((t) => t.key in progress.learned).length;
  const exerciseMinutes = section.exercises.reduce((acc, e) => acc + e.minutes, 0);
  const done = section.exercises.filter((e) => e.key in progress.learned);
  const reading = Math.max(0, section.minutes - exerciseMinutes);
  const readingLeft = total === 0 ? reading : Math.round((reading * (total - learned)) / total);
  const exerciseLeft = exerciseMinutes - done.reduce((acc, e) => acc + e.minutes, 0);
  return {section, learned, total, exercisesDone: done.length, exercises: section.exercises.length, minutesLeft: readingLeft + exerciseLeft};
}

/** The module's size, whatever the learner's progress: its topics, exercises and study time. */
export function moduleTotals(sections: readonly IndexedSection[]): {topics: number; exercises: number; minutes: number} {
  return {
    topics: sections.reduce((acc, s) => acc + s.topics.length, 0),
    exercises: sections.reduce((acc, s) => acc + s.exercises.length, 0),
    minutes: sections.reduce((acc, s) => acc + s.minutes, 0),
  };
}

export function moduleStatus(sections: readonly IndexedSection[], progress: ProgressState) {
  const perSection = sections.map((s) => sectionStatus(s, progress));
  const sum = (pick: (s: SectionStatus) => number) => perSection.reduce((acc, s) => acc + pick(s), 0);
  const totals = moduleTotals(sections);
  return {
    perSection,
    learned: sum((s) => s.learned),
    total: totals.topics,
    exercisesDone: sum((s) => s.exercisesDone),
    exercises: totals.exercises,
    minutes: totals.minutes,
    minutesLeft: sum((s) => s.minutesLeft),
  };
}

/** "1 of 3 topics learned", "0 of 1 exercise done". */
export function countText(done: number, total: number, noun: 'topic' | 'exercise'): string {
  return `${done} of ${total} ${noun}${total === 1 ? '' : 's'} ${noun === 'topic' ? 'learned' : 'done'}`;
}

/** 150 → "2 h 30 min", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
