import {describe, expect, it} from 'vitest';
import {
  chunkNamesOf,
  filesForChunks,
  matchRouteChain,
  parseRoutesModule,
  routeFiles,
  type ClientManifest,
} from './routeGraph';

// Shaped like the .docusaurus/routes.js Docusaurus 3.10 generates.
const ROUTES = `import React from 'react';
import ComponentCreator from '@docusaurus/ComponentCreator';

export default [
  {path: '/search', component: ComponentCreator('/search', '822'), exact: true},
  {
    path: '/docs',
    component: ComponentCreator('/docs', '982'),
    routes: [
      {
        path: '/docs',
        component: ComponentCreator('/docs', '06f'),
        routes: [
          {path: '/docs', component: ComponentCreator('/docs', '73b'), exact: true, sidebar: "module"},
          {path: '/docs/intro', component: ComponentCreator('/docs/intro', '510'), exact: true, sidebar: "module"}
        ]
      }
    ]
  },
  {path: '/', component: ComponentCreator('/', 'e5f'), exact: true},
  {path: '*', component: ComponentCreator('*')},
];
`;

const CHUNK_NAMES = {
  '/docs-982': {__comp: '5e95c892', __context: {plugin: 'aba21aa0'}},
  '/docs-06f': {__comp: 'a7bd4aaa', __props: '0058b4c6'},
  '/docs-73b': {__comp: '17896441', content: 'c377a04b'},
  '/docs/intro-510': {__comp: '17896441', content: '37377c1a'},
};

const MANIFEST: ClientManifest = {
  entrypoints: ['main'],
  origins: {
    '5e95c892': ['668'],
    aba21aa0: ['747'],
    a7bd4aaa: ['575'],
    '0058b4c6': ['266'],
    '17896441': ['14', '656', '106'],
    c377a04b: ['275'],
    '37377c1a': ['196'],
  },
  assets: {
    '14': {css: [{file: 'assets/css/styles.css'}]},
    '106': {js: [{file: 'assets/js/17896441.js'}]},
    '196': {js: [{file: 'assets/js/37377c1a.js'}]},
    '266': {js: [{file: 'assets/js/0058b4c6.js'}]},
    '275': {js: [{file: 'assets/js/c377a04b.js'}]},
    '575': {js: [{file: 'assets/js/a7bd4aaa.js'}]},
    '656': {js: [{file: 'assets/js/656.js'}]},
    '668': {js: [{file: 'assets/js/5e95c892.js'}]},
    '747': {js: [{file: 'assets/js/aba21aa0.js'}]},
  },
};

describe('parseRoutesModule', () => {
  it('reads the nested route tree with keys path-hash', () => {
    const routes = parseRoutesModule(ROUTES);
    expect(routes.map((r) => r.key)).toEqual(['/search-822', '/docs-982', '/-e5f', '*']);
    expect(routes[1]!.routes[0]!.routes.map((r) => [r.key, r.exact])).toEqual([
      ['/docs-73b', true],
      ['/docs/intro-510', true],
    ]);
  });
});

describe('matchRouteChain', () => {
  const routes = parseRoutesModule(ROUTES);
  it('follows wrappers down to the exact leaf, first match wins', () => {
    expect(matchRouteChain(routes, '/docs/intro').map((r) => r.key)).toEqual([
      '/docs-982',
      '/docs-06f',
      '/docs/intro-510',
    ]);
    expect(matchRouteChain(routes, '/docs/').map((r) => r.key)).toEqual(['/docs-982', '/docs-06f', '/docs-73b']);
    expect(matchRouteChain(routes, '/').map((r) => r.key)).toEqual(['/-e5f']);
  });
  it('does not treat /docsx as below /docs, and falls back to the catch-all', () => {
    expect(matchRouteChain(routes, '/docsx').map((r) => r.key)).toEqual(['*']);
  });
});

describe('chunk files', () => {
  it('collects nested chunk names', () => {
    expect(chunkNamesOf({__comp: 'a', __context: {plugin: 'b'}, x: 1})).toEqual(['a', 'b']);
  });
  it('maps chunk names through origins to files, de-duplicated', () => {
    expect(filesForChunks(MANIFEST, ['17896441', '17896441', 'c377a04b'])).toEqual({
      js: ['assets/js/656.js', 'assets/js/17896441.js', 'assets/js/c377a04b.js'],
      css: ['assets/css/styles.css'],
    });
  });
  it('gives every chunk of the matched route chain', () => {
    const result = routeFiles(parseRoutesModule(ROUTES), CHUNK_NAMES, MANIFEST, '/docs/intro');
    expect(result.chain).toEqual(['/docs-982', '/docs-06f', '/docs/intro-510']);
    expect(result.js).toEqual([
      'assets/js/5e95c892.js',
      'assets/js/aba21aa0.js',
      'assets/js/a7bd4aaa.js',
      'assets/js/0058b4c6.js',
      'assets/js/656.js',
      'assets/js/17896441.js',
      'assets/js/37377c1a.js',
    ]);
  });
});
