import path from 'node:path';
import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkSectionPage from './src/remark/sectionPage';
import remarkDiagrams from './src/remark/diagrams';
import remarkAllowedMarkup from './src/remark/allowedMarkup';
import remarkFileReferences from './src/remark/fileReferences';
import remarkCodeBlocks from './src/remark/codeBlocks';
import sectionIndexPlugin from './src/plugins/sectionIndex';
import staticCodePlugin from './src/plugins/staticCode';
import compileHintsPlugin from './src/plugins/compileHints';
import printEditionPlugin from './src/plugins/printEdition';
import pageDependenciesPlugin from './src/plugins/pageDependencies';
import {withAccessibleContrast} from './src/node/prismContrast';
import {loadLinkHealth} from './src/node/linkHealth';
import {EDIT_URL, REPOSITORY_URL, BROKEN_LINK_REPORT_URL} from './src/content/site';
import {BASE_URL, SITE_URL} from './src/node/deployment';
import {ssrTemplate} from './src/node/ssrTemplate';
import {parseFrontMatter} from './src/node/markdownHooks';

const linkHealth = loadLinkHealth(path.join(__dirname, 'src/data/link-health.json'));

// Code is highlighted at build time (src/remark/codeBlocks.ts) with these themes and languages;
// staticCodePlugin turns the themes into CSS and keeps Prism out of the browser.
const prism = {
  // The stock themes fail WCAG AA contrast for comments and variables (Lighthouse a11y 96).
  theme: withAccessibleContrast(prismThemes.github),
  darkTheme: withAccessibleContrast(prismThemes.dracula),
  // prismjs components beyond the languages prism-react-renderer bundles.
  additionalLanguages: ['bash', 'docker', 'yaml', 'hcl', 'promql'],
};

// What an author may write, checked before any other plugin sees the page, for every plugin that
// compiles Markdown (docs and pages): the markup allow-list, and images and file links that stay
// inside docs/ and static/ (Docusaurus would publish the file they name).
const pageSafetyPlugins = [remarkAllowedMarkup, [remarkFileReferences, {siteDir: __dirname}]] as const;

const config: Config = {
  title: 'Containerization and Orchestration',
  tagline: 'Module 4 of the DevOps engineering curriculum: containers, Kubernetes and the cloud-native platform around them.',
  favicon: 'img/favicon.svg',
  url: SITE_URL,
  baseUrl: BASE_URL,
  trailingSlash: false,

  future: {
    v4: true,
    // Rspack-based Faster build. DOCUSAURUS_FASTER=false switches it off (webpack), which
    // `npm run bench:build` uses to compare build times (docs-internal/performance.md).
    faster: process.env.DOCUSAURUS_FASTER !== 'false',
  },

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    parseFrontMatter,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  ssrTemplate,
  // Its inline check runs at DOMContentLoaded and takes "no window.docusaurus yet" for a wrong
  // baseUrl; with the scripts loading after the first paint that is always the case.
  baseUrlIssueBanner: false,

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          editUrl: EDIT_URL,
          showLastUpdateTime: true,
          // The safety checks first, so they see only what the author wrote.
          beforeDefaultRemarkPlugins: [...pageSafetyPlugins, remarkDiagrams],
          remarkPlugins: [[remarkSectionPage, {linkHealth}], [remarkCodeBlocks, {languages: prism.additionalLanguages, themes: [prism.theme, prism.darkTheme]}]],
        },
        // Markdown in src/pages/ is compiled too: the same checks apply to it.
        pages: {beforeDefaultRemarkPlugins: [...pageSafetyPlugins]},
        blog: false,
        theme: {customCss: ['./src/css/custom.css', './src/css/diagrams.css', './src/css/print.css']},
        // /search is noindex: keep it out of the sitemap (the browser tests sweep it explicitly).
        sitemap: {lastmod: 'date', changefreq: null, priority: null, ignorePatterns: ['/search']},
      } satisfies Preset.Options,
    ],
  ],


  plugins: [
    // Diagrams (and any file a remark plugin reads) are dependencies of the pages that inline them.
    pageDependenciesPlugin,
    sectionIndexPlugin,
    staticCodePlugin,
    // Before the PWA plugin: it rewrites the HTML that the PWA precache then hashes.
    printEditionPlugin,
    compileHintsPlugin,
    [
      '@docusaurus/plugin-pwa',
      {
        // Every visit of the production build caches the whole site, search index included,
        // so the next visit works with the network off (production builds only).
        offlineModeActivationStrategies: ['always'],
        swCustom: path.join(__dirname, 'src/sw.js'),
        // Registers (and so starts the precache) a few seconds after the page loaded, when idle.
        swRegister: path.join(__dirname, 'src/clientModules/registerServiceWorkerLater.ts'),
        injectManifestConfig: {maximumFileSizeToCacheInBytes: 5 * 1024 * 1024},
        pwaHead: [
          {tagName: 'link', rel: 'manifest', href: `${BASE_URL}manifest.json`},
          {tagName: 'link', rel: 'apple-touch-icon', href: `${BASE_URL}img/icon-192.png`},
        ],
      },
    ],
  ],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/docs',
        // Off for performance: it bundles mark.js into main.js for every page, to highlight
        // the search words after following a search result (docs-internal/performance.md).
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchBarShortcutHint: false,
      },
    ],
  ],

  themeConfig: {
    image: 'img/social-card.png',
    metadata: [{name: 'theme-color', content: '#0b5cad'}],
    colorMode: {respectPrefersColorScheme: true},
    docs: {sidebar: {hideable: true}},
    tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 2},
    navbar: {
      title: 'Containers & Orchestration',
      logo: {alt: 'Module 4 logo', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'module', position: 'left', label: 'Module'},
        {to: '/print', label: 'One-page edition', position: 'left'},
        {href: REPOSITORY_URL, label: 'GitHub', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Module',
          items: [
            {label: 'Overview', to: '/docs'},
            {label: 'One-page edition', to: '/print'},
          ],
        },
        {
          title: 'Contribute',
          items: [
            {label: 'Source on GitHub', href: REPOSITORY_URL},
            {label: 'Report a broken link', href: BROKEN_LINK_REPORT_URL},
          ],
        },
      ],
      copyright: `Module 4 of the DevOps engineering curriculum. Resources link to their owners' sites.`,
    },
    prism,
  } satisfies Preset.ThemeConfig,
};

export default config;
