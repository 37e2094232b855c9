import {usePluginData} from '@docusaurus/useGlobalData';

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

/** The module's sections and topics, read from docs/ at build time (src/plugins/moduleOutline.ts). */
export function useModuleOutline(): ModuleOutline {
  return usePluginData('module-outline') as ModuleOutline;
}
