import type {Plugin} from '@docusaurus/types';

/**
 * Tells src/pages/print.tsx at compile time which bundle it is in. The server bundle renders all
 * eleven sections into /print's HTML; the browser bundle leaves that HTML as it is, so the page
 * hydrates its frame (navbar, contents, print button) but not 8,000 elements of text, and the
 * sections' code stays out of the page's first visit (docs-internal/performance.md).
 */
export default function printEditionPlugin(): Plugin<unknown> {
  return {
    name: 'print-edition',
    configureWebpack: (_config, isServer, {currentBundler}) => ({
      plugins: [new currentBundler.instance.DefinePlugin({'process.env.PRINT_EDITION_SERVER': JSON.stringify(String(isServer))})],
    }),
  };
}
