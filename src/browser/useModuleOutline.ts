import {usePluginData} from '@docusaurus/useGlobalData';
import type {ModuleOutline} from '../content/moduleOutline';

/** The module's sections and topics, read from docs/ at build time (src/plugins/moduleOutline.ts). */
export function useModuleOutline(): ModuleOutline {
  return usePluginData('module-outline') as ModuleOutline;
}
