// @ts-check
// ESLint flat config for `npm run lint:code`: TypeScript and React in src/, Node scripts and tests.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which way imports may point (README, "Where things live"): the site never imports the
// tooling in scripts/; browser code never imports Node-only code; src/content/ is pure and is
// the only part of src/ that scripts/ may use. Each file belongs to exactly one group below.
// Browser code and src/content/ are allow-lists: a package not named here is refused, so a
// Node-only package (jsdom, fs-extra…) cannot slip into the browser bundle or the content model.
const SCRIPTS = {regex: '(^|/)scripts(/|$)', message: 'The site never imports from scripts/.'};
const NODE_ONLY = {
  regex: '^node:|(^|/)src/(node|plugins|remark)(/|$)|^(\\.\\./)+(node|plugins|remark)(/|$)',
  message: 'Browser code cannot import Node-only code (node:*, src/node, src/plugins, src/remark).',
};
const BROWSER_PACKAGES = {
  regex:
    '^(?!\\.\\.?/|@site/|react(-dom)?(/|$)|clsx$|prism-react-renderer(/|$)|@mdx-js/react$|@docusaurus/|@theme(-original|-init)?/|@generated/)',
  message:
    'Browser code imports only React, Docusaurus, clsx, prism-react-renderer and @mdx-js/react (the allow-list in eslint.config.mjs), not Node-only packages such as jsdom.',
};
const BROWSER_SITE_PATHS = {
  regex: '^@site/(?!src/(browser|components|theme|pages|clientModules|print|content|css)/|docs(/|$)|static/)',
  message: 'Browser code imports from @site/ only browser code, src/content/, CSS, docs/ and static/.',
};
const BROWSER_ONLY = {
  regex:
    '(^|/)src/(browser|components|theme|pages|clientModules|print)(/|$)|^(\\.\\./)+(browser|components|theme|pages|clientModules|print)(/|$)',
  message: 'Build-time code cannot import browser code.',
};
const CONTENT_IMPORTS = {
  regex:
    '^(?!\\./|github-slugger$|mdast(-util-[a-z-]+)?$|unist(-util-[a-z-]+)?$|unified$|remark-(parse|gfm|mdx|frontmatter|directive)$|yaml$)',
  message:
    'src/content/ is the pure content model: it imports only itself and the Markdown and YAML parsers the allow-list in eslint.config.mjs names (no Node I/O, React, Docusaurus or other part of src/).',
};
const SRC_BUT_CONTENT = {
  regex: '(^|/)src/(?!content/)',
  message: 'scripts/ may import only the pure content model in src/content/.',
};
// The link checker is a library with one entry (scripts/links/README.md): outside its folder, only index.ts.
const LINKS_INTERNALS = {
  regex: '(^\\.{1,2}/|/)links/(?!index(\\.ts)?$)',
  message: 'Outside scripts/links/, import the link checker only through its entry, scripts/links/index.ts.',
};
const restrict = (...patterns) => ({'no-restricted-imports': ['error', {patterns}]});
const BROWSER_DIRS = ['browser', 'components', 'theme', 'pages', 'clientModules', 'print'].map((d) => `src/${d}/**`);

export default tseslint.config(
  {
    ignores: [
      'build/**',
      '.docusaurus/**',
      'coverage/**',
      'static/**',
      'reports/**',
      '.link-cache/**',
      '**/fixtures/**',
    ],
  },
  js.configs.recommended,
  // Syntax-only TypeScript rules: typed linting took about a minute here, and `tsc` already
  // type-checks everything (`npm run typecheck`), so the lint stays fast.
  ...tseslint.configs.recommended,
  {
    linterOptions: {reportUnusedDisableDirectives: 'error'},
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: {...globals.browser},
    },
    settings: {react: {version: 'detect'}},
  },
  {files: ['src/**/*.{ts,tsx}'], ...reactHooks.configs['recommended-latest']},
  {files: ['src/**/*.{ts,tsx}'], ...jsxA11y.flatConfigs.recommended},
  {
    files: [
      'scripts/**',
      'tests/**',
      '*.{ts,mjs,js}',
      'src/**/*.test.ts',
      'src/node/**',
      'src/plugins/**',
      'src/remark/**',
    ],
    languageOptions: {globals: {...globals.node}},
  },
  {files: BROWSER_DIRS, rules: restrict(SCRIPTS, NODE_ONLY, BROWSER_PACKAGES, BROWSER_SITE_PATHS)},
  {
    files: ['src/node/**', 'src/plugins/**', 'src/remark/**', 'docusaurus.config.ts', 'sidebars.ts'],
    rules: restrict(SCRIPTS, BROWSER_ONLY),
  },
  {files: ['src/content/**'], rules: restrict(SCRIPTS, CONTENT_IMPORTS)},
  {files: ['src/**/*.test.{ts,tsx}', 'src/*.{ts,tsx,js}'], rules: restrict(SCRIPTS)},
  {files: ['scripts/**'], rules: restrict(SRC_BUT_CONTENT, LINKS_INTERNALS)},
  {files: ['scripts/links/**'], rules: restrict(SRC_BUT_CONTENT)},
  {files: ['tests/**'], rules: restrict(LINKS_INTERNALS)},
);
