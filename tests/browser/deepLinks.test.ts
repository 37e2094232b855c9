/**
 * A link to a section or a topic lands with its heading just under the navbar: in the one-page
 * edition and on section pages, on a phone and a desktop, from the first frame after the document
 * is parsed until after hydration, and whatever fonts the reader's machine has. Each case runs
 * under two font settings unlike any machine's defaults, so the result does not depend on this
 * machine's fonts; and with scroll anchoring off, so it does not depend on the browser correcting
 * the scroll position when something above the heading changes size (not every browser does).
 */
import type {BrowserContext, Page} from 'playwright-core';
import {describe, expect, test} from 'vitest';
import {HYDRATED_ATTRIBUTE} from '../../src/content/site';
import {newContext, waitForHydration} from './harness';
import {useSession} from './session';

const session = useSession();

const VIEWPORTS = {phone: {width: 412, height: 823}, desktop: {width: 1280, height: 900}};

interface FontSetting {
  name: string;
  apply(context: BrowserContext, page: Page): Promise<void>;
  /** Checks that the setting took effect on the page, so a setting that silently stopped working fails. */
  check(page: Page): Promise<void>;
}

const FONT_SETTINGS: FontSetting[] = [
  {
    // The browser's own font-size setting ("Very large" in Chrome): every rem on the site grows.
    name: 'a 24 px default font size',
    async apply(context, page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', {fontSizes: {standard: 24, fixed: 20}});
    },
    async check(page) {
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    },
  },
  {
    // Another family on every element from the first layout on: far wider glyphs than any sans-serif.
    name: 'a monospace font forced on every element',
    async apply(context) {
      await context.addInitScript(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('* { font-family: monospace !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
    },
    async check(page) {
      expect(await page.locator('article h2').first().evaluate((h) => getComputedStyle(h).fontFamily)).toBe('monospace');
    },
  },
];

/**
 * Opens `sitePath#id` and records the heading's distance from the top of the viewport at every
 * frame, from the first one after the document is parsed until a second after hydration.
 */
async function headingTopsWhileLoading(page: Page, sitePath: string, id: string): Promise<number[]> {
  await page.goto(`${session.url(sitePath)}#${id}`, {waitUntil: 'domcontentloaded'});
  return page.evaluate(
    async ({id, hydrated}) => {
      const tops: number[] = [];
      const heading = document.getElementById(id);
      if (!heading) throw new Error(`no element with id ${id}`);
      const start = performance.now();
      let hydratedAt: number | undefined;
      while (hydratedAt === undefined || performance.now() - hydratedAt < 1000) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        tops.push(Math.round(heading.getBoundingClientRect().top));
        if (hydratedAt === undefined && document.documentElement.hasAttribute(hydrated)) hydratedAt = performance.now();
        if (performance.now() - start > 40_000) throw new Error('the page did not hydrate within 40 s');
      }
      return tops;
    },
    {id, hydrated: HYDRATED_ATTRIBUTE},
  );
}

async function navbarBottom(page: Page): Promise<number> {
  return page.locator('nav.navbar').evaluate((nav) => nav.getBoundingClientRect().bottom);
}

/** Just under the navbar: not hidden behind it, and no more than a line below it. */
function expectUnderNavbar(tops: number[], navbar: number, what: string): void {
  const off = tops.filter((top) => top < navbar - 1 || top > navbar + 40);
  expect(off, `${what}: heading top per frame ${JSON.stringify(tops)}, navbar ends at ${navbar}`).toEqual([]);
}

/** Ids of headings on a built page, read from the page itself. */
async function headingIds(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((headings) => headings.map((h) => h.id).filter(Boolean));
}

/** A fresh context at this viewport and font setting, with scroll anchoring off. */
async function openContext(viewport: {width: number; height: number}, fonts: FontSetting) {
  const context = await newContext(session.browser, viewport);
  await context.addInitScript(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { overflow-anchor: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const page = await context.newPage();
  await fonts.apply(context, page);
  return {context, page};
}

describe.each(FONT_SETTINGS)('deep links with $name', (fonts) => {
  describe.each(Object.entries(VIEWPORTS))('on a %s', (_, viewport) => {
    test('in the one-page edition: a section, a topic far down, and a section from the contents list', async () => {
      const {context, page} = await openContext(viewport, fonts);
      await page.goto(session.url('print'));
      await waitForHydration(page);
      await fonts.check(page);
      const sections = await headingIds(page, 'main article h2');
      expect(sections).toHaveLength(11);
      const topics = await headingIds(page, 'main article:nth-of-type(8) h3');
      expect(topics.length).toBeGreaterThanOrEqual(3);

      for (const id of [sections[6]!, topics[2]!]) {
        const tops = await headingTopsWhileLoading(page, 'print', id);
        expectUnderNavbar(tops, await navbarBottom(page), `/print#${id}`);
      }

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('navigation', {name: /contents/i}).locator(`a[href$="#${sections[9]}"]`).click();
      await page.waitForFunction((id) => location.hash === `#${id}`, sections[9]);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const top = await page.locator(`[id="${sections[9]}"]`).evaluate((h) => Math.round(h.getBoundingClientRect().top));
      expectUnderNavbar([top], await navbarBottom(page), `contents list → #${sections[9]}`);
      await context.close();
    });

    test('on a section page: its third topic and a heading inside a topic', async () => {
      const {context, page} = await openContext(viewport, fonts);
      const sitePath = 'docs/kubernetes-architecture';
      await page.goto(session.url(sitePath));
      await waitForHydration(page);
      await fonts.check(page);
      const topics = await headingIds(page, 'article .markdown > h2');
      const inside = await headingIds(page, 'article .markdown > h3');
      expect(topics.length).toBeGreaterThanOrEqual(3);
      expect(inside.length).toBeGreaterThanOrEqual(6);

      for (const id of [topics[2]!, inside[3]!]) {
        const tops = await headingTopsWhileLoading(page, sitePath, id);
        expectUnderNavbar(tops, await navbarBottom(page), `/${sitePath}#${id}`);
      }
      await context.close();
    });
  });
});
