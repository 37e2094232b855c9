import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readOutline} from '../../src/content/outline';
import {parseMarkdown} from '../../src/content/parse';
import {readSectionPage} from '../../src/content/page';
import {readFrontMatter} from '../../src/content/frontMatter';
import {OUTLINE_FILE, expectedResource, readOutlineChanges} from '../../src/node/moduleSource';
import {sectionFiles} from '../../src/plugins/sectionIndex';

const DOCS = path.resolve(__dirname, '../../docs');
const outline = readOutline(readFileSync(OUTLINE_FILE, 'utf8'));
const changes = readOutlineChanges();
const pages = sectionFiles(DOCS).map((file) => {
  const tree = parseMarkdown(readFileSync(file, 'utf8'));
  const frontMatter = readFrontMatter(tree);
  return {file: path.relative(DOCS, file), title: frontMatter.ok ? String(frontMatter.data.title) : '', page: readSectionPage(tree)};
});

describe('the curriculum outline', () => {
  it('is read whole: 11 sections × 3 topics, each with 3 points and 3 resources', () => {
    expect(outline).toHaveLength(11);
    for (const section of outline) {
      expect(section.topics, section.title).toHaveLength(3);
      for (const topic of section.topics) {
        expect(topic.points, topic.title).toHaveLength(3);
        expect(topic.resources, topic.title).toHaveLength(3);
      }
    }
  });
});

describe('docs/ holds every section, topic, point and resource of the outline', () => {
  it('has one section page per outline section, in the outline order', () => {
    expect(pages.map((p) => p.title)).toEqual(outline.map((s) => s.title));
  });

  outline.forEach((section, index) => {
    describe(section.title, () => {
      const page = pages[index];
      it('has the outline topics, in order, without structure problems', () => {
        expect(page?.page.structureIssues).toEqual([]);
        expect(page?.page.resourceIssues).toEqual([]);
        expect(page?.page.topics.map((t) => t.title)).toEqual(section.topics.map((t) => t.title));
      });
      section.topics.forEach((topic) => {
        it(`"${topic.title}": every point and resource (or its recorded replacement)`, () => {
          const ours = page?.page.topics.find((t) => t.title === topic.title);
          expect(ours?.points).toEqual(topic.points);
          expect(ours?.resources.map((r) => ({title: r.title, url: r.url, description: r.description}))).toEqual(
            topic.resources.map((r) => expectedResource(r, changes)),
          );
        });
      });
    });
  });
});

describe('the change record (src/data/outline-changes.json)', () => {
  const outlineUrls = new Set(outline.flatMap((s) => s.topics.flatMap((t) => t.resources.map((r) => r.url))));

  it('names only URLs that are in the outline, each once', () => {
    const urls = changes.map((c) => c.url);
    expect(urls.filter((u) => !outlineUrls.has(u))).toEqual([]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('gives every change a reason and an https target', () => {
    for (const change of changes) {
      expect(change.reason.length, change.url).toBeGreaterThan(20);
      expect(new URL(change.newUrl).protocol, change.url).toBe('https:');
    }
  });
});
