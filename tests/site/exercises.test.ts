/**
 * Hands-on exercises in the built site: on their section page with the progress control and a
 * hidden solution, listed on the overview, in the one-page edition with their anchors, and in
 * the search index.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {load, type CheerioAPI} from 'cheerio';
import {describe, expect, it} from 'vitest';
import {parseMarkdown} from '../../src/content/parse';
import {readSectionPage} from '../../src/content/page';
import {sectionKeyFromPath} from '../../src/content/sectionKey';
import {formatMinutes} from '../../src/browser/studyTime';
import {sectionFiles} from '../../src/plugins/sectionIndex';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');

function page(route: string): CheerioAPI {
  const file = path.join(BUILD, `${route}.html`);
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  return load(readFileSync(file, 'utf8'));
}

const text = (s: string) => s.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();

/** Every section page's exercise as docs/ has it. */
const sections = sectionFiles(path.join(ROOT, 'docs')).map((file) => ({
  file: path.basename(file),
  key: sectionKeyFromPath(file),
  exercises: readSectionPage(parseMarkdown(readFileSync(file, 'utf8'))).exercises,
}));
const withExercise = sections.filter((s) => s.exercises.length > 0);

describe('hands-on exercises in the built site', () => {
  it('has exactly one on every section page', () => {
    expect(sections.length).toBe(11);
    expect(sections.map((s) => [s.file, s.exercises.length])).toEqual(sections.map((s) => [s.file, 1]));
  });

  withExercise.forEach(({key, exercises: [exercise]}) => {
    it(`${key}: "${exercise!.title}" has its heading, its progress control and a solution hidden until asked for`, () => {
      const $ = page(`docs/${key}`);
      const heading = $(`article h2#${exercise!.id}`);
      expect(text(heading.text())).toBe(`Hands-on: ${exercise!.title}`);
      // The control right under the heading, labelled for screen readers with the exercise's title.
      const control = heading.next();
      const box = control.find('input[type="checkbox"]');
      expect(box.length).toBe(1);
      expect(text(control.find(`label[for="${box.attr('id')}"]`).text())).toBe(`I have done this exercise: ${exercise!.title}`);

      // The parts, in order, between this heading and the next h2.
      const parts = heading.nextUntil('h2').filter('h3').map((_, h) => text($(h).text())).get();
      expect(parts).toEqual(['Goal', 'What you need', 'Steps', 'Check your work', 'Hints', 'Solution', 'Clean up']);
      const solutionHeading = heading.nextUntil('h2').filter('h3').filter((_, h) => text($(h).text()) === 'Solution');
      const solution = solutionHeading.nextUntil('h3', 'details');
      expect(solution.length).toBe(1);
      // Closed in the HTML (no JavaScript needed to open it natively), with code inside.
      expect(solution.attr('open')).toBeUndefined();
      expect(solution.find('pre code').length).toBeGreaterThan(0);
    });
  });

  it('lists every exercise on the overview, linked to its heading, with its time', () => {
    const $ = page('docs');
    const items = $('[data-testid="exercise-list"] li');
    expect(items.length).toBe(withExercise.length);
    withExercise.forEach(({key, exercises: [exercise]}, index) => {
      const item = items.eq(index);
      expect(item.find('a').attr('href')).toBe(`/docs/${key}#${exercise!.id}`);
      expect(text(item.find('a').text())).toBe(exercise!.title);
      expect(text(item.text())).toContain(`about ${formatMinutes(exercise!.minutes!)}`);
    });
    expect(text($('main').text())).toContain(`0 of ${withExercise.length} exercise${withExercise.length === 1 ? '' : 's'} done`);
  });

  it('prints every exercise in the one-page edition, keeping its anchor, with hints and solution in the page', () => {
    const $ = page('print');
    for (const {exercises: [exercise]} of withExercise) {
      const heading = $(`main article [id="${exercise!.id}"]`);
      expect(heading.length, exercise!.id).toBe(1);
      expect(heading.prop('tagName')).toBe('H3');
      const details = heading.nextUntil('h3').filter('details');
      expect(details.length, exercise!.id).toBeGreaterThan(1);
      expect(details.last().find('pre code').length, exercise!.id).toBeGreaterThan(0);
    }
    // No progress checkbox in the edition: it is for reading and printing.
    expect($('main article input[type="checkbox"]').length).toBe(0);
  });

  it('puts every exercise title in the search index', () => {
    const index = readFileSync(path.join(BUILD, 'search-index.json'), 'utf8');
    for (const {exercises: [exercise]} of withExercise) expect(index).toContain(`Hands-on: ${exercise!.title}`);
  });
});
