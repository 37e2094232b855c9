/**
 * The one Chromium that scripts and tests drive: Debian's `/usr/bin/chromium` unless CHROMIUM_PATH
 * names another, with the flags every run uses (no sandbox in CI containers; no GPU, background
 * traffic, updates or sync, so nothing but the page under test uses the network or the CPU).
 */
import {existsSync} from 'node:fs';
import {chromium, type Browser, type BrowserServer} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What to do when there is no Chromium at CHROMIUM_PATH, or undefined when there is one. */
export function missingChromium(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return `no Chromium at ${CHROMIUM_PATH}: \`apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium or Chrome binary`;
}

/** A headless Chromium for this process (playwright-core). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
}

/** A headless Chromium that other processes connect to (the browser tests' one browser). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
}
