/**
 * Offline: after a first visit of the production build, the service worker serves pages and
 * the search index with the network blocked.
 */
import {describe, expect, test} from 'vitest';
import {OFFLINE_COPY_DELAY_MS} from '../../src/content/site';
import {newContext, waitForHydration} from './harness';
import {useSession} from './session';

const session = useSession();

describe('offline', () => {
  test('the second load works with the network blocked, including another page and search', async () => {
    const context = await newContext(session.browser, {serviceWorkers: 'allow'});
    // When the page registers its worker, in ms after its load event (registerServiceWorkerLater.ts).
    await context.addInitScript(() => {
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const loadEnded = navigation?.loadEventEnd ?? 0;
        // -1: registered before the load event was over.
        (window as unknown as {__registeredAfterLoad: number}).__registeredAfterLoad = loadEnded > 0 ? performance.now() - loadEnded : -1;
        return register.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(session.url('docs/container-fundamentals'));
    await waitForHydration(page);

    // The service worker must install (precaching the site) and activate.
    const ready = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return 'no serviceWorker API';
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 30_000));
      const activated = navigator.serviceWorker.ready.then(async (registration) => {
        const worker = registration.active;
        if (worker && worker.state !== 'activated') {
          await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
        }
        return `ready: ${registration.active?.scriptURL ?? '?'}`;
      });
      return Promise.race([activated, timeout]);
    });
    expect(ready, 'no service worker became ready within 30 s: is @docusaurus/plugin-pwa configured (offlineModeActivationStrategies: always)?').toMatch(/^ready: .*sw\.js/);
    // Registered late, so that copying the site does not compete with the page's start-up.
    const registeredAfterLoad = await page.evaluate(() => (window as unknown as {__registeredAfterLoad?: number}).__registeredAfterLoad);
    expect(registeredAfterLoad, 'ms from the load event to the service worker registration').toBeGreaterThanOrEqual(OFFLINE_COPY_DELAY_MS);

    await context.setOffline(true);
    try {
      // Reload the visited page.
      await page.reload();
      await waitForHydration(page);
      expect(await page.locator('article h1').first().innerText()).toMatch(/\S/);
      expect(await page.getByRole('checkbox', {name: /^I have learned this topic/}).count()).toBe(3);

      // A page not visited yet (precached).
      await page.goto(session.url('docs/service-mesh'));
      await waitForHydration(page);
      expect(await page.locator('article h1').first().innerText()).toMatch(/mesh/i);

      // Search, which needs the search index.
      const box = page.locator('input.navbar__search-input');
      await box.click();
      await box.pressSequentially('kubernetes', {delay: 20});
      await page.getByRole('option').first().waitFor({state: 'visible'});
      expect(await page.getByRole('option').count()).toBeGreaterThan(0);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });

  test('without the service worker, the network block really does break loading (the offline test can fail)', async () => {
    const context = await newContext(session.browser, {serviceWorkers: 'block'});
    const page = await context.newPage();
    await page.goto(session.url('docs/container-fundamentals'));
    await context.setOffline(true);
    try {
      const error = await page.reload().then(
        () => null,
        (e: Error) => e.message,
      );
      expect(error).toMatch(/ERR_INTERNET_DISCONNECTED|net::/);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });
});
