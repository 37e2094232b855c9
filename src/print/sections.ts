import type {ComponentType} from 'react';
import {sectionKeyFromPath} from '@site/src/content/sectionKey';

export type MdxComponents = Record<string, ComponentType<Record<string, unknown>>>;
export type MdxContent = ComponentType<{components?: MdxComponents}>;

// Every section page, compiled by the docs plugin with the same remark plugins as the docs.
// Only the one-page edition imports this module: on the server for its HTML, in the browser only
// when a reader arrives there by client-side navigation (src/pages/print.tsx).
const sectionContext = require.context('@site/docs', false, /^\.\/\d+[-_.][^/]*\.mdx?$/);

export const sectionContent: ReadonlyMap<string, MdxContent> = new Map(
  sectionContext.keys().map((id) => [sectionKeyFromPath(id), (sectionContext(id) as {default: MdxContent}).default]),
);
