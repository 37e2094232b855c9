/** Per-file access to the run's shared browser and server (started once by globalSetup.ts). */
import {afterAll, beforeAll, inject} from 'vitest';
import type {Browser} from 'playwright-core';
import {connectBrowser, localUrl, sitemapPaths} from './harness';

export interface Session {
  browser: Browser;
  baseUrl: string;
  /** Local URL of a site path ('' home, 'docs', 'docs/<section>'). */
  url(sitePath: string): string;
}

/** Connects this test file to the shared Chromium; disconnects after the file. */
export function useSession(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.baseUrl = inject('siteBaseUrl');
    session.browser = await connectBrowser(inject('browserWsEndpoint'));
    session.url = (sitePath: string) => localUrl(session.baseUrl, sitePath);
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
