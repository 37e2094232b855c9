import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {load, type CheerioAPI} from 'cheerio';
import {beforeAll, describe, expect, it} from 'vitest';
import {readOutline} from '../../src/content/outline';
import {OUTLINE_FILE, expectedResource, readOutlineChanges} from '../../src/node/moduleSource';
import {sectionFiles} from '../../src/plugins/sectionIndex';
import {sectionKeyFromPath} from '../../src/content/sectionKey';
import {COMPILE_HINT} from '../../src/plugins/compileHints';
import {formatDate} from '../../src/browser/date';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');
const outline = readOutline(readFileSync(OUTLINE_FILE, 'utf8'));
const changes = readOutlineChanges();
const sectionKeys = sectionFiles(path.join(ROOT, 'docs')).map(sectionKeyFromPath);

function page(route: string): CheerioAPI {
  const file = path.join(BUILD, `${route}.html`);
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  return load(readFileSync(file, 'utf8'));
}

/** Text as a reader sees it: whitespace folded. */
const text = (s: string) => s.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();

beforeAll(() => {
  if (!existsSync(path.join(BUILD, 'index.html'))) throw new Error('No build/ found: run `npm run build` before the site tests');
});

describe('the built site', () => {
  it('has the homepage, the overview and the 11 section pages', () => {
    expect(page('index')('h1').text()).toContain('Containerization and Orchestration');
    expect(page('docs')('article h1').text()).toBe('Containerization and Orchestration');
    expect(sectionKeys).toHaveLength(11);
    for (const key of sectionKeys) expect(page(`docs/${key}`)('article h1').length, key).toBe(1);
  });

  it('links the overview to every section', () => {
    const $ = page('docs');
    const hrefs = new Set($('article a').map((_, a) => $(a).attr('href')).get());
    for (const key of sectionKeys) expect(hrefs.has(`/docs/${key}`), key).toBe(true);
  });

  outline.forEach((section, index) => {
    it(`renders "${section.title}" whole: topics, points, and every resource as a card`, () => {
      const $ = page(`docs/${sectionKeys[index]}`);
      expect(text($('article h1').text())).toBe(section.title);
      const body = text($('article .markdown').text());
      for (const topic of section.topics) {
        expect($('article h2').map((_, h) => text($(h).text())).get(), section.title).toContain(topic.title);
        for (const point of topic.points) expect(body, topic.title).toContain(point);
        for (const resource of topic.resources.map((r) => expectedResource(r, changes))) {
          const link = $('li.card a[href]').filter((_, a) => $(a).attr('href') === resource.url);
          expect(link.length, resource.url).toBe(1);
          expect(link.attr('rel')).toBe('noopener noreferrer');
          expect(text(link.text())).toBe(`${resource.title} (external site, opens in a new tab)`);
          expect(text(link.closest('li.card').text())).toContain(resource.description);
        }
      }
      // No resource is left as a plain Markdown list link.
      const plainExternal = $('article .markdown li:not(.card) > a[href^="http"]').filter((_, a) => $(a).closest('li.card').length === 0);
      expect(plainExternal.map((_, a) => $(a).attr('href')).get()).toEqual([]);
    });
  });

  it('ends the module with a "What\'s next" that has no dead link when no URL is configured', () => {
    const $ = page('docs');
    const next = $('aside[aria-label="What\'s next"]');
    expect(next.text()).toContain('Module 5');
    expect(next.find('a').length).toBe(0);
  });

  it('requests the app scripts only after the first paint, the webpack runtime last, and they exist', () => {
    for (const route of ['index', 'docs', `docs/${sectionKeys[0]}`, 'print', 'search', '404']) {
      const $ = page(route);
      // No render-path <script src>: the loader in src/node/ssrTemplate.ts adds them after the paint.
      expect($('script[src]').length, route).toBe(0);
      const loader = $('script[data-load-after-paint]');
      expect(loader.length, route).toBe(1);
      const scripts = loader.attr('data-load-after-paint')!.split(' ');
      const names = scripts.map((s) => path.basename(s).replace(/\.[0-9a-f]+\.js$/, ''));
      // The stock template's scripts with the runtime moved last (src/node/ssrTemplate.ts): the
      // app's code is queued, then the runtime starts it in a task of its own.
      expect(names, route).toEqual(['main', 'runtime~main']);
      expect(new Set(scripts).size, route).toBe(scripts.length);
      for (const s of scripts) expect(existsSync(path.join(BUILD, s)), s).toBe(true);
      expect($.html(), route).not.toContain('base-url-issue-banner');
    }
  });

  it('precaches every page with the hash of its final HTML (the offline copy is never stale)', () => {
    const sw = readFileSync(path.join(BUILD, 'sw.js'), 'utf8');
    const entries = [...sw.matchAll(/\{"revision":"([0-9a-f]{32})","url":"([^"]+\.html)"\}/g)];
    expect(entries.length).toBeGreaterThan(12);
    for (const [, revision, url] of entries) {
      const md5 = createHash('md5').update(readFileSync(path.join(BUILD, url!))).digest('hex');
      expect(md5, url).toBe(revision);
    }
  });

  it('inlines diagrams as themeable SVG with a text alternative', () => {
    const $ = page('docs/container-fundamentals');
    const figure = $('figure.diagram').first();
    expect(figure.find('svg').length).toBe(1);
    expect(figure.find('[role="img"]').attr('aria-label')?.length).toBeGreaterThan(40);
  });

  it('highlights code at build time and ships no Prism to the browser', () => {
    for (const key of sectionKeys) {
      const $ = page(`docs/${key}`);
      // Every <pre> is a build-time CodeBlock; the highlighted ones carry Prism's token spans.
      // Every YAML block has keys, so each must carry tokens; a short shell command may have none,
      // and `text` (command output) is never highlighted.
      expect($('article pre').length, key).toBe($('article .theme-code-block > pre[tabindex="0"] > code').length);
      $('article .theme-code-block.language-yaml').each((_, block) => {
        expect($(block).find('.token').length, key).toBeGreaterThan(0);
      });
      const highlighted = $('article .theme-code-block[class*="language-"]:not(.language-text)');
      if (highlighted.length > 0) expect(highlighted.find('.token').length, key).toBeGreaterThan(0);
      expect($('article .theme-code-block.language-text .token').length, key).toBe(0);
      // Tokens that look like plain text in both themes are bare text at the top level
      // (src/remark/highlight.ts): YAML's `:` after a key has no span of its own.
      $('article .theme-code-block.language-yaml code').each((_, code) => {
        expect($(code).children('.token.punctuation').length, key).toBe(0);
      });
    }
    const js = path.join(BUILD, 'assets/js');
    const withPrism = readdirSync(js).filter((f) => /languages\.javascript|insertBefore:function/.test(readFileSync(path.join(js, f), 'utf8')));
    expect(withPrism).toEqual([]);
  });

  // src/plugins/compileHints.ts; the hint must survive minification and stay on the first line.
  it("starts main.js, and no other script, with V8's compile hint", () => {
    const js = path.join(BUILD, 'assets/js');
    const hinted = readdirSync(js).filter((f) => f.endsWith('.js') && readFileSync(path.join(js, f), 'utf8').startsWith(COMPILE_HINT));
    expect(hinted).toHaveLength(1);
    expect(hinted[0]).toMatch(/^main\.[0-9a-f]+\.js$/);
    // The page loads that same file.
    expect(page('docs/container-fundamentals').html()).toContain(`/assets/js/${hinted[0]}`);
  });

  // src/theme/LastUpdated formats the date without Intl; if the theme stopped passing it the
  // timestamp (a renamed prop), the line would still say "Last updated" and show no date.
  it('says when each section page was last updated, with a date', () => {
    for (const key of sectionKeys) {
      const $ = page(`docs/${key}`);
      const time = $('article footer .theme-last-updated time');
      expect(text($('article footer .theme-last-updated').text()), key).toMatch(/^Last updated on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
      expect(time.text(), key).toBe(formatDate(time.attr('datetime') ?? ''));
    }
  });

  it('ships a sitemap, a 404 page, a search index, a favicon and a social card', () => {
    for (const file of ['sitemap.xml', '404.html', 'search-index.json', 'img/favicon.svg', 'img/social-card.png']) {
      expect(existsSync(path.join(BUILD, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(BUILD, 'sitemap.xml'), 'utf8')).toContain('/docs/service-mesh');
    // Our 404 content (src/theme/NotFound/Content), not the theme's.
    const notFound = page('404');
    expect(notFound('main h1').text()).toBe('This page is not in the module');
    expect(notFound('main a[href="/docs"]').length).toBe(1);
  });
});
