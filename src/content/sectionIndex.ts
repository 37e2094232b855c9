/**
 * The section index: the module's sections, topics and exercises as the build publishes them to
 * the browser, written by src/plugins/sectionIndex.ts (Node), read by src/browser/useSectionIndex.ts.
 * Not the curriculum outline (src/content/outline.ts), which is the source the pages are held to.
 */
export interface IndexedTopic {
  /** Progress key, `section/topic-anchor`. */
  key: string;
  id: string;
  title: string;
}

export interface IndexedExercise {
  /** Progress key, `section/exercise-anchor`. */
  key: string;
  id: string;
  /** Without the "Hands-on:" prefix. */
  title: string;
  /** "Time: about N minutes"; part of the section's `minutes`. */
  minutes: number;
}

export interface IndexedSection {
  key: string;
  title: string;
  label: string;
  permalink: string;
  /** The section's whole study time (frontmatter `study_minutes`), its exercise included. */
  minutes: number;
  topics: IndexedTopic[];
  exercises: IndexedExercise[];
}

export interface SectionIndex {
  sections: IndexedSection[];
}
