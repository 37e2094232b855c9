import path from 'node:path';
import {defineConfig} from 'vitest/config';

// Three suites, run at different moments of `npm test`:
// unit (no build needed), site (reads the built HTML), browser (Chromium on the built site);
// and the benchmarks' own tests (Chromium on the built site, slowed down), which the Performance
// workflow runs (`npm run test:bench`) instead of every `npm test`.
export default defineConfig({
  // The `@site` alias and the `@docusaurus/useIsBrowser` module Docusaurus gives components, so
  // they can be rendered in unit tests (a test mocks useIsBrowser: its real value needs the app).
  resolve: {
    alias: {
      '@site': path.resolve(__dirname),
      '@docusaurus/useIsBrowser': path.resolve(
        __dirname,
        'node_modules/@docusaurus/core/lib/client/exports/useIsBrowser.js',
      ),
    },
  },
  // tsconfig says `jsx: preserve` (the bundler compiles JSX); tests compile it here, like the site, with the automatic runtime.
  esbuild: {jsx: 'automatic'},
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One static server and one Chromium for the whole run (tests/browser/globalSetup.ts).
          // `npm run test:browser` runs two files at once (--maxWorkers=2): the sitemap sweep keeps the CPU
          // busy while the other files mostly wait on pages; 136 s instead of 175 s for the project here.
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          environment: 'node',
          // Each load runs at a tenth of the CPU's speed.
          testTimeout: 120_000,
        },
      },
    ],
  },
});
