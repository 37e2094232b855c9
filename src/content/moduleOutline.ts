/**
 * The module's sections and topics as the build publishes them to the browser: written by
 * src/plugins/moduleOutline.ts (Node), read by src/browser/useModuleOutline.ts.
 */
export interface OutlineTopicData {
  /** Progress key, `section/topic-anchor`. */
  key: string;
  id: string;
  title: string;
}

export interface OutlineSectionData {
  key: string;
  title: string;
  label: string;
  permalink: string;
  minutes: number;
  topics: OutlineTopicData[];
}

export interface ModuleOutline {
  sections: OutlineSectionData[];
}
