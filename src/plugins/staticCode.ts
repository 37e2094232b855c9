import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {PrismTheme} from 'prism-react-renderer';
import {codeThemeCss} from './codeTheme';

interface PrismThemeConfig {
  theme: PrismTheme;
  darkTheme?: PrismTheme;
}

/**
 * Code blocks are highlighted at build time (src/remark/codeBlocks.ts), so the browser needs
 * their colours but no Prism:
 * - the token colours, generated from `themeConfig.prism`, become a client module: a CSS file,
 *   so they end up in the site's one stylesheet (minified, hashed, cached across pages), not
 *   repeated in every HTML page as an injected <style> would be;
 * - theme-classic always registers the client module lib/prism-include-languages.js, which
 *   imports prism-react-renderer and the prismjs language components into every page's bundle
 *   (about 100 ms of a phone's main thread). Nothing on the client uses Prism any more, so that
 *   module resolves to an empty one.
 */
export default function staticCodePlugin(context: LoadContext): Plugin<unknown> {
  const {theme, darkTheme} = (context.siteConfig.themeConfig as {prism: PrismThemeConfig}).prism;
  const cssFile = path.join(context.generatedFilesDir, 'static-code', 'code-theme.css');
  const clientPrism = require.resolve('@docusaurus/theme-classic/lib/prism-include-languages.js');
  return {
    name: 'static-code',
    async loadContent() {
      await mkdir(path.dirname(cssFile), {recursive: true});
      await writeFile(cssFile, codeThemeCss(theme, darkTheme ?? theme));
    },
    getClientModules: () => [cssFile],
    configureWebpack: () => ({
      resolve: {alias: {[clientPrism]: path.join(context.siteDir, 'src/clientModules/noPrism.ts')}},
    }),
  };
}
