/**
 * Navigation, search, colour mode and the mobile drawer on the built site.
 */
import type {Locator} from 'playwright-core';
import {describe, expect, test} from 'vitest';
import {newContext, waitForHydration} from './harness';
import {useSession} from './session';

const session = useSession();

function pathOf(url: string): string {
  return new URL(url).pathname.replace(/\/$/, '');
}

describe('navigation', () => {
  test('the sidebar links lead to every section, and each link marks its page current', async () => {
    const {context, page} = await session.open('docs');
    const sidebar = page.getByRole('navigation', {name: 'Docs sidebar'});
    const links = sidebar.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(12); // overview + 11 sections
    for (const index of [1, 5, count - 1]) {
      const link = links.nth(index);
      const label = (await link.innerText()).trim();
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL((url) => pathOf(url.toString()) === href!.replace(/\/$/, ''));
      await expect.poll(() => sidebar.locator('a[aria-current="page"]').innerText()).toContain(label);
      await expect(page.locator('article h1').first().isVisible()).resolves.toBe(true);
    }
    await context.close();
  });

  test('previous/next links walk the module in order, from the overview to the last section and back', async () => {
    const {context, page} = await session.open('docs');
    const sidebarOrder = await page
      .getByRole('navigation', {name: 'Docs sidebar'})
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.replace(/\/$/, '')));
    const visited = [pathOf(page.url())];
    const pager = page.getByRole('navigation', {name: 'Docs pages'});
    // Client-side routing changes the URL before the new page renders: wait until the pager's
    // "previous" link points back at the page just left, so the next click is on the new page.
    const prevLinkPointsTo = (from: string) =>
      page.waitForFunction(
        (expected) => {
          const prev = document.querySelector<HTMLAnchorElement>('a.pagination-nav__link--prev');
          return prev !== null && new URL(prev.href).pathname.replace(/\/$/, '') === expected;
        },
        from,
      );
    for (let step = 0; step < sidebarOrder.length - 1; step++) {
      const from = visited[visited.length - 1]!;
      await pager.locator('a.pagination-nav__link--next').click();
      await page.waitForURL((url) => pathOf(url.toString()) !== from);
      await prevLinkPointsTo(from);
      visited.push(pathOf(page.url()));
    }
    expect(visited).toEqual(sidebarOrder);
    await expect.poll(() => pager.locator('a.pagination-nav__link--next').count()).toBe(0);
    await pager.locator('a.pagination-nav__link--prev').click();
    await page.waitForURL((url) => pathOf(url.toString()) === sidebarOrder[sidebarOrder.length - 2]);
    await context.close();
  });
});

describe('one-page edition', () => {
  const PHONE = {width: 412, height: 823};

  /** A fresh context on /print, hydrated. */
  const openEdition = (viewport?: typeof PHONE) => session.open('print', viewport);

  // Its sections are server-rendered and not hydrated (src/pages/print.tsx); after a client-side
  // navigation there is no server HTML, so they must load and render in the browser.
  test('shows all eleven sections on a page load and after a client-side navigation from the home page', async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(session.url('print'));
    await waitForHydration(page);
    expect(await page.locator('main article h2').count()).toBe(11);
    const cardsOnLoad = await page.locator('main article li.card').count();
    expect(cardsOnLoad).toBe(99);

    await page.goto(session.url(''));
    await waitForHydration(page);
    await page.getByRole('link', {name: /one-page/i}).first().click();
    await page.waitForURL((url) => pathOf(url.toString()) === '/print');
    await expect.poll(() => page.locator('main article h2').count(), {timeout: 15_000}).toBe(11);
    expect(await page.locator('main article li.card').count()).toBe(cardsOnLoad);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Links into the edition, and their landing whatever the fonts: deepLinks.test.ts.

  // Laying out all eleven sections was most of a phone's main-thread time on this page
  // (docs-internal/performance.md): off-screen sections wait until the reader comes near them.
  test('on a phone, sections far below are not laid out at load, and are once scrolled to', async () => {
    const {context, page} = await openEdition(PHONE);
    // False when an ancestor of the element is skipped for now by `content-visibility: auto`.
    const rendered = (locator: Locator) => locator.evaluate((element) => element.checkVisibility({contentVisibilityAuto: true}));
    const renderedAtLoad = await Promise.all((await page.locator('main article h2').all()).map(rendered));
    expect(renderedAtLoad).toHaveLength(11);
    expect(renderedAtLoad[0]).toBe(true);
    expect(renderedAtLoad.slice(2, 10)).toEqual(Array(8).fill(false));

    const fifth = page.locator('main article h2').nth(4);
    // Scroll to the section itself: its box exists while its content is skipped, so this always
    // brings it on screen (scrolling to a heading inside skipped content sometimes did not).
    await page.locator('main article').nth(4).evaluate((section) => section.scrollIntoView());
    // vitest polls for 1 s by default; laying out a long section on a busy machine can take longer.
    await expect.poll(() => rendered(fifth), {timeout: 15_000}).toBe(true);
    await context.close();
  });

  // A tool that reads a skipped section's layout (Lighthouse's target-size audit) lays its content
  // out inside the placeholder; content taller than that spills onto the next section there.
  test.each([
    ['a phone', {width: 360, height: 740}],
    ['a desktop', {width: 1280, height: 800}],
  ])('on %s, no section is taller than the placeholder it has while skipped', async (_, viewport) => {
    const {context, page} = await openEdition(viewport);
    const sections = page.locator('main article');
    const placeholders = await sections.evaluateAll((articles) =>
      articles.map((article) => {
        const style = getComputedStyle(article);
        // "auto 18000px": the remembered size once seen, else the length.
        return style.contentVisibility === 'auto' ? Number.parseFloat(style.containIntrinsicBlockSize.replace(/^auto\s+/, '')) : null;
      }),
    );
    expect(placeholders).toHaveLength(11);
    expect(placeholders.filter((size) => size !== null)).toHaveLength(10);
    await page.addStyleTag({content: 'main article { content-visibility: visible !important; }'});
    const heights = await sections.evaluateAll((articles) =>
      articles.map((article) => ({title: article.querySelector('h2')!.textContent!.replace(/\u200b/g, '').trim(), height: Math.ceil(article.getBoundingClientRect().height)})),
    );
    const outgrown = heights
      .map(({title, height}, index) => ({title, height, placeholder: placeholders[index] ?? null}))
      .filter(({height, placeholder}) => placeholder !== null && height > placeholder)
      .map(
        ({title, height, placeholder}) =>
          `"${title}" is ${height} px tall at ${viewport.width} px wide, more than its ${placeholder} px placeholder: raise contain-intrinsic-block-size in src/pages/print.module.css`,
      );
    expect(outgrown).toEqual([]);
    expect(placeholders.every((size) => size === null || size > 0)).toBe(true);
    await context.close();
  });

  test('printed, each section starts a sheet and is laid out in full, and the contents list is left out', async () => {
    const {context, page} = await openEdition();
    await page.emulateMedia({media: 'print'});
    const sections = await page.locator('main article').evaluateAll((articles) =>
      articles.map((article) => {
        const content = article.querySelector('.markdown')!;
        const last = content.lastElementChild!;
        return {
          breakBefore: getComputedStyle(article).breakBefore,
          contentVisibility: getComputedStyle(article).contentVisibility,
          // The section's box holds its content (nothing is clipped or skipped on paper).
          overflow: last.getBoundingClientRect().bottom - article.getBoundingClientRect().bottom,
        };
      }),
    );
    expect(sections).toHaveLength(11);
    expect(await page.getByRole('navigation', {name: /contents/i}).isVisible()).toBe(false);
    for (const section of sections) {
      expect(section.breakBefore).toBe('page');
      expect(section.contentVisibility).toBe('visible');
      expect(section.overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});

describe('search', () => {
  test('finds a topic by a word from its points and opens its section', async () => {
    const {context, page} = await session.open('docs');
    // Take a point of the last section's second topic, so the word comes from the built content.
    const sections = await page
      .getByRole('navigation', {name: 'Docs sidebar'})
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const target = sections[sections.length - 1]!;
    await page.goto(target);
    await waitForHydration(page);
    const sectionTitle = (await page.locator('article h1').first().innerText()).trim();
    const point = await page.evaluate(() => {
      const headings = Array.from(document.querySelectorAll('article h3')).filter((h) => /what you need to know/i.test(h.textContent ?? ''));
      const list = headings[1]?.nextElementSibling;
      return list?.querySelector('li')?.textContent ?? '';
    });
    // Several words of the point, longest first: the test passes on the first that finds the section.
    const words = Array.from(new Set<string>(point.split(/[^A-Za-z]+/).filter((w: string) => w.length >= 5))).sort((a, b) => b.length - a.length).slice(0, 4);
    expect(words.length, `no searchable word in the point "${point}"`).toBeGreaterThan(0);

    await page.goto(session.url('docs'));
    await waitForHydration(page);
    const box = page.locator('input.navbar__search-input');
    const tried: string[] = [];
    let found = false;
    for (const word of words) {
      await box.fill('');
      await box.click();
      await box.pressSequentially(word, {delay: 20});
      const hit = page.getByRole('option').filter({hasText: sectionTitle}).first();
      try {
        await hit.waitFor({state: 'visible', timeout: 6_000});
      } catch {
        tried.push(`${word}: ${JSON.stringify(await page.getByRole('option').allInnerTexts())}`);
        continue;
      }
      await hit.click();
      found = true;
      break;
    }
    expect(found, `no search hit in "${sectionTitle}" for any word of "${point}":\n${tried.join('\n')}`).toBe(true);
    await page.waitForURL((url) => url.toString().startsWith(target));
    expect(pathOf(page.url())).toBe(pathOf(target));
    await context.close();
  });
});

describe('colour mode', () => {
  test('the dark-mode toggle persists across reloads', async () => {
    const {context, page} = await session.open('docs', {colorScheme: 'light'});
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    const toggle = page.getByRole('button', {name: /Switch between dark and light mode/});
    for (let clicks = 0; clicks < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; clicks++) {
      await toggle.click();
    }
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect(toggle.getAttribute('aria-label')).resolves.toMatch(/currently dark mode/);
    await page.reload();
    await waitForHydration(page);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.goto(session.url('docs/container-fundamentals'));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await context.close();
  });
});

describe('mobile drawer at 390 px', () => {
  test('the navbar toggle opens the sidebar drawer; Escape closes it and returns focus to the toggle', async () => {
    const {context, page} = await session.open('docs/container-fundamentals', {width: 390, height: 844});
    const toggle = page.getByRole('button', {name: 'Toggle navigation bar'});
    await expect(toggle.isVisible()).resolves.toBe(true);
    expect(await page.getByRole('navigation', {name: 'Docs sidebar'}).isVisible()).toBe(false);
    await toggle.click();
    const drawer = page.locator('.navbar-sidebar');
    await expect.poll(() => page.locator('nav.navbar').getAttribute('class')).toContain('navbar-sidebar--show');
    await expect.poll(() => drawer.getByRole('link', {name: /Orchestration fundamentals/i}).first().isVisible()).toBe(true);
    // No horizontal scrolling at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('nav.navbar').getAttribute('class')).not.toContain('navbar-sidebar--show');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName))
      .toBe('Toggle navigation bar');

    // The drawer still navigates.
    await toggle.click();
    await drawer.getByRole('link', {name: /Orchestration fundamentals/i}).first().click();
    await page.waitForURL(/orchestration-fundamentals/);
    await context.close();
  });
});
