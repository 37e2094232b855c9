/** Per-file access to the run's shared browser and server (started once by globalSetup.ts). */
import {afterAll, beforeAll, inject} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {type ContextOptions, connectBrowser, localUrl, newContext, type PageProblems, sitemapPaths, waitForHydration, watchProblems} from './harness';

export interface OpenedPage {
  /** Fresh for this page: the caller closes it. */
  context: BrowserContext;
  page: Page;
  /** Console errors, warnings and uncaught errors since before the page loaded. */
  problems: PageProblems;
}

export interface Session {
  browser: Browser;
  baseUrl: string;
  /** Local URL of a site path ('' home, 'docs', 'docs/<section>'). */
  url(sitePath: string): string;
  /** A fresh context with one page on `sitePath`, hydrated, its problems watched from the start. */
  open(sitePath: string, options?: ContextOptions): Promise<OpenedPage>;
}

/** Connects this test file to the shared Chromium; disconnects after the file. */
export function useSession(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.baseUrl = inject('siteBaseUrl');
    session.browser = await connectBrowser(inject('browserWsEndpoint'));
    session.url = (sitePath: string) => localUrl(session.baseUrl, sitePath);
    session.open = async (sitePath, options) => {
      const context = await newContext(session.browser, options);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(session.url(sitePath));
      await waitForHydration(page);
      return {context, page, problems};
    };
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/** Site paths of the section pages (every sitemap page under docs/ but the overview). */
export function sectionPaths(): string[] {
  const sections = sitemapPaths().filter((p) => p.startsWith('docs/'));
  if (sections.length === 0) throw new Error('build/sitemap.xml lists no section pages under docs/');
  return sections;
}
