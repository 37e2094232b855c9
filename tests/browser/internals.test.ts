/**
 * The performance tweaks that lean on Docusaurus internals (docs-internal/performance.md), each
 * checked where it would silently stop working after an upgrade: the page would still render, but
 * the work the tweak moved out of the page's start-up would be back in it.
 */
import {describe, expect, test} from 'vitest';
import {newContext, waitForHydration} from './harness';
import {useSession} from './session';

const session = useSession();

declare global {
  interface Window {
    /** Recorded by the init scripts below. */
    __localeWork?: string[];
  }
}

describe('Docusaurus internals the site relies on', () => {
  // src/theme/LastUpdated, src/components/ResourceCard (formatDate) and src/theme/DocSidebar/Mobile:
  // the first Intl date formatter or collation loads ICU data, tens of ms of a phone's main thread.
  test('a section page loads and hydrates on a phone without formatting a date or comparing strings through Intl', async () => {
    const context = await newContext(session.browser, {width: 412, height: 823});
    await context.addInitScript(() => {
      const work: string[] = (window.__localeWork = []);
      const count = <T extends object>(name: string, target: T): T =>
        new Proxy(target, {
          apply: (fn, self, args) => (work.push(name), Reflect.apply(fn as (...a: unknown[]) => unknown, self, args)),
          construct: (fn, args, newTarget) => (work.push(name), Reflect.construct(fn as new (...a: unknown[]) => object, args, newTarget)),
        });
      Intl.DateTimeFormat = count('Intl.DateTimeFormat', Intl.DateTimeFormat);
      Intl.Collator = count('Intl.Collator', Intl.Collator);
      String.prototype.localeCompare = count('localeCompare', String.prototype.localeCompare);
      Date.prototype.toLocaleDateString = count('toLocaleDateString', Date.prototype.toLocaleDateString);
      Date.prototype.toLocaleString = count('toLocaleString', Date.prototype.toLocaleString);
    });
    const page = await context.newPage();
    await page.goto(session.url('docs/container-fundamentals'));
    await waitForHydration(page);
    await page.waitForLoadState('networkidle');
    // The page does show dates: "Last updated" and the resources' link checks.
    expect(await page.locator('article footer time').first().innerText()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(await page.evaluate(() => window.__localeWork)).toEqual([]);
    await context.close();
  });
});
