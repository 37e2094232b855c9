import path from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {pageDependencies} from '../remark/pageDependencies';

/**
 * Makes the files that remark plugins read (diagrams, through src/remark/pageDependencies.ts)
 * dependencies of the pages that read them, so an edited diagram shows up in the next build and
 * under `npm start` without clearing a cache. A `post` loader runs after the MDX loader, once the
 * page's remark plugins have run, in the client and the server compilation alike.
 */
export default function pageDependenciesPlugin(): Plugin<unknown> {
  return {
    name: 'page-dependencies',
    configureWebpack: () => ({
      module: {
        rules: [
          {
            // `resource`, not `test`: Docusaurus takes a rule whose `test` matches .mdx for a content
            // plugin's, and keeps its `include` away from the fallback MDX loader.
            resource: /\.mdx?$/i,
            enforce: 'post',
            use: [{loader: path.join(__dirname, 'pageDependenciesLoader.js'), options: {dependenciesOf: pageDependencies}}],
          },
        ],
      },
    }),
  };
}
