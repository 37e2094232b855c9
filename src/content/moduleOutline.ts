/**
 * The module's sections, topics and exercises as the build publishes them to the browser: written
 * by src/plugins/moduleOutline.ts (Node), read by src/browser/useModuleOutline.ts.
 */
export interface OutlineTopicData {
  /** Progress key, `section/topic-anchor`. */
  key: string;
  id: string;
  title: string;
}

export interface OutlineExerciseData {
  /** Progress key, `section/exercise-anchor`. */
  key: string;
  id: string;
  /** Without the "Hands-on:" prefix. */
  title: string;
  /** "Time: about N minutes"; part of the section's `minutes`. */
  minutes: number;
}

export interface OutlineSectionData {
  key: string;
  title: string;
  label: string;
  permalink: string;
  /** The section's whole study time (frontmatter `study_minutes`), its exercise included. */
  minutes: number;
  topics: OutlineTopicData[];
  exercises: OutlineExerciseData[];
}

export interface ModuleOutline {
  sections: OutlineSectionData[];
}
