import allowedMarkup from './allowed-markup';
import descriptiveLinkText from './descriptive-link-text';
import exerciseFiles from './exercise-files';
import exerciseStructure from './exercise-structure';
import fileReferences from './file-references';
import frontmatter from './frontmatter';
import headingIncrement from './heading-increment';
import httpsLinks from './https-links';
import noBareUrls from './no-bare-urls';
import noDuplicateResource from './no-duplicate-resource';
import noPlaceholders from './no-placeholders';
import resourceItem from './resource-item';
import selfCheck from './self-check';
import topicStructure from './topic-structure';

/** Our rules by id; the id is what a message shows after `curriculum:` and the CONTRIBUTING.md anchor. */
export const RULES = {
  'resource-item': resourceItem,
  'https-links': httpsLinks,
  'no-duplicate-resource': noDuplicateResource,
  frontmatter,
  'topic-structure': topicStructure,
  'heading-increment': headingIncrement,
  'exercise-structure': exerciseStructure,
  'exercise-files': exerciseFiles,
  'self-check': selfCheck,
  'no-bare-urls': noBareUrls,
  'descriptive-link-text': descriptiveLinkText,
  'no-placeholders': noPlaceholders,
  'allowed-markup': allowedMarkup,
  'file-references': fileReferences,
} as const;

export type RuleId = keyof typeof RULES;
