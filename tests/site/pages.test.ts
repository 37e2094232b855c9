/**
 * The built homepage, one-page edition and search page: what their shared component renders, and
 * the internals the register (docs-internal/performance.md) says they rely on.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {load, type CheerioAPI} from 'cheerio';
import {describe, expect, it} from 'vitest';
import {sectionFiles} from '../../src/plugins/sectionIndex';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');
const sectionCount = sectionFiles(path.join(ROOT, 'docs')).length;

function page(route: string): CheerioAPI {
  const file = path.join(BUILD, `${route}.html`);
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  return load(readFileSync(file, 'utf8'));
}
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the built pages', () => {
  it('open the homepage and the one-page edition with the module summary and its figures', () => {
    for (const route of ['index', 'print']) {
      const $ = page(route);
      expect($('h1').first().text(), route).toBe('Containerization and Orchestration');
      expect(text($('h1').first().next('p').text()), route).toMatch(
        new RegExp(`${sectionCount} sections, \\d+ topics, ${sectionCount} hands-on exercises, about .+ of study\\.`),
      );
    }
    expect(text(page('print')('h1').first().prev('p').text())).toContain('One-page edition');
  });

  // src/print/sections.ts finds the section pages with the bundler's require.context: if it finds
  // fewer (or the bundler drops the API), the server renders fewer sections.
  it('render every section page into the one-page edition through require.context', () => {
    const $ = page('print');
    expect($('main article').length).toBe(sectionCount);
    $('main article').each((_, article) => {
      expect($(article).find('li.card').length, $(article).find('h2').text()).toBeGreaterThanOrEqual(3);
    });
  });

  // The SearchPage wrapper asks the Layout wrapper for the landmark search-local leaves out.
  it('give the search page exactly one main landmark (the SearchPage and Layout wrappers)', () => {
    const $ = page('search');
    expect($('main').length).toBe(1);
    expect($('main input[type="search"]').length).toBe(1);
  });
});
