/**
 * Waiting for a page of the built site to hydrate, for the browser tests and the budget's
 * cross-check alike. The site marks `<html>` itself (src/theme/Layout), so no caller depends on
 * how the theme renders its controls.
 */
import type {Page} from 'playwright-core';
import {HYDRATED_ATTRIBUTE} from '../../src/content/site';

export async function waitForHydration(page: Page, options: {timeout?: number} = {}): Promise<void> {
  await page.waitForFunction(
    (attribute) => document.documentElement.hasAttribute(attribute),
    HYDRATED_ATTRIBUTE,
    options,
  );
}
