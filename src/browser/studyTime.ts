import type {OutlineSectionData} from '../content/moduleOutline';
import type {ProgressState} from './progress';

export interface SectionStatus {
  section: OutlineSectionData;
  learned: number;
  total: number;
  minutesLeft: number;
}

/** A section's time left shrinks in proportion to the topics learned in it. */
export function sectionStatus(section: OutlineSectionData, progress: ProgressState): SectionStatus {
  const total = section.topics.length;
  const learned = section.topics.filter((t) => t.key in progress.learned).length;
  const minutesLeft = total === 0 ? section.minutes : Math.round((section.minutes * (total - learned)) / total);
  return {section, learned, total, minutesLeft};
}

/** The module's size, whatever the learner's progress: its topics and its study time. */
export function moduleTotals(sections: readonly OutlineSectionData[]): {topics: number; minutes: number} {
  return {
    topics: sections.reduce((acc, s) => acc + s.topics.length, 0),
    minutes: sections.reduce((acc, s) => acc + s.minutes, 0),
  };
}

export function moduleStatus(sections: readonly OutlineSectionData[], progress: ProgressState) {
  const perSection = sections.map((s) => sectionStatus(s, progress));
  const sum = (pick: (s: SectionStatus) => number) => perSection.reduce((acc, s) => acc + pick(s), 0);
  const totals = moduleTotals(sections);
  return {
    perSection,
    learned: sum((s) => s.learned),
    total: totals.topics,
    minutes: totals.minutes,
    minutesLeft: sum((s) => s.minutesLeft),
  };
}

/** 150 → "2 h 30 min", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
