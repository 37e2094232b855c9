// @ts-check
// ESLint flat config for `npm run lint:code`: TypeScript and React in src/, Node scripts and tests.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    files: ['scripts/**', 'tests/**', '*.{ts,mjs,js}', 'src/**/*.test.ts', 'src/plugins/**', 'src/remark/**'],
    languageOptions: {globals: {...globals.node}},
  },
);
