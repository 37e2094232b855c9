/**
 * Starts the run's one static server (build/ on 127.0.0.1) and one Chromium, and hands both
 * to the test files through vitest's `provide`/`inject`. Fails, never skips, when the
 * browser or the build is missing.
 */
import type {TestProject} from 'vitest/node';
import {assertPrerequisites, launchBrowserServer, startStaticServer} from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    siteBaseUrl: string;
    browserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertPrerequisites();
  const server = await startStaticServer();
  const browser = await launchBrowserServer();
  project.provide('siteBaseUrl', `${server.url}/`);
  project.provide('browserWsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
