import {usePluginData} from '@docusaurus/useGlobalData';
import type {SectionIndex} from '../content/sectionIndex';

/** The module's sections and topics, read from docs/ at build time (src/plugins/sectionIndex.ts). */
export function useSectionIndex(): SectionIndex {
  return usePluginData('section-index') as SectionIndex;
}
