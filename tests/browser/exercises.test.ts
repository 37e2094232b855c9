/**
 * Hands-on exercises in the browser: marking one done, how the section summary, the
 * sidebar badge and the overview count it, export and import, progress stored before exercises
 * existed, the solution on screen and on paper, and search by title.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {Page} from 'playwright-core';
import {PROGRESS_STORAGE_KEY} from '../../src/browser/progress';
import {newContext, waitForHydration, watchProblems} from './harness';
import {useSession} from './session';

const session = useSession();
const SECTION = 'docs/container-fundamentals';
const EXERCISE_KEY = 'container-fundamentals/hands-on-build-and-run-the-hello-app';
const EXERCISE_TITLE = 'Build and run the hello app';
const EXERCISE_CONTROL = /^I have done this exercise/;
/** Progress as the site stored it before exercises existed (format version 1, topics only). */
const OLD_PROGRESS = fs.readFileSync(path.join(__dirname, 'fixtures/progress-before-exercises.json'), 'utf8').trim();

async function stored(page: Page): Promise<{version: number; learned: Record<string, string>}> {
  return JSON.parse((await page.evaluate((key) => window.localStorage.getItem(key), PROGRESS_STORAGE_KEY)) ?? 'null');
}

function sidebarBadge(page: Page) {
  return page.getByRole('navigation', {name: 'Docs sidebar'}).locator(`a[href$="/${SECTION}"]`).getByTestId('sidebar-progress');
}

describe('exercise progress', () => {
  test('an exercise marked done survives a reload and counts in the section summary, the sidebar badge and the overview', async () => {
    const {context, page, problems} = await session.open(SECTION);
    const box = page.getByRole('checkbox', {name: EXERCISE_CONTROL});
    expect(await box.count()).toBe(1);
    // Its name says which exercise (the title is for screen readers; the accessible name has a space before the colon).
    expect(await page.getByRole('checkbox', {name: new RegExp(`^I have done this exercise\\s*: ${EXERCISE_TITLE}$`)}).count()).toBe(1);
    // Keyboard: focus and Space.
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    const data = await stored(page);
    expect(data.version).toBe(1);
    expect(Object.keys(data.learned)).toEqual([EXERCISE_KEY]);

    await page.reload();
    await waitForHydration(page);
    await expect.poll(() => box.isChecked()).toBe(true);
    const summary = page.getByTestId('section-progress');
    await expect.poll(() => summary.innerText().catch(() => '')).toMatch(/0 of 3 topics learned · 1 of 1 exercise done/);
    const badge = sidebarBadge(page);
    await expect.poll(() => badge.innerText().catch(() => '')).toBe('1/4');
    expect(await badge.getAttribute('aria-label')).toBe('0 of 3 topics learned, 1 of 1 exercise done');

    await page.goto(session.url('docs'));
    await waitForHydration(page);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toMatch(/0 of 33 topics learned, 1 of \d+ exercises? done/);
    const listed = page.getByTestId('exercise-list').getByRole('listitem').filter({hasText: EXERCISE_TITLE});
    await expect.poll(() => listed.innerText()).toMatch(/done$/);
    expect(problems.messages).toEqual([]);
    await context.close();
  });

  test('progress stored before exercises existed loads whole, and an exercise is added to it, through export and import', async () => {
    const context = await newContext(session.browser, {acceptDownloads: true});
    // The old data is in storage before the site's first script runs.
    await context.addInitScript(
      ([key, value]) => {
        if (window.localStorage.getItem(key!) === null) window.localStorage.setItem(key!, value!);
      },
      [PROGRESS_STORAGE_KEY, OLD_PROGRESS],
    );
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(session.url(SECTION));
    await waitForHydration(page);
    const topics = page.getByRole('checkbox', {name: /^I have learned this topic/});
    await expect.poll(() => topics.nth(0).isChecked()).toBe(true);
    expect(await topics.nth(1).isChecked()).toBe(true);
    expect(await topics.nth(2).isChecked()).toBe(false);
    await expect.poll(() => sidebarBadge(page).innerText().catch(() => '')).toBe('2/4');

    await page.getByRole('checkbox', {name: EXERCISE_CONTROL}).check();
    const old = JSON.parse(OLD_PROGRESS) as {learned: Record<string, string>};
    const after = await stored(page);
    expect(after.version).toBe(1);
    // Nothing of the old data is lost or changed, and the exercise is one more entry.
    expect(Object.keys(after.learned).sort()).toEqual([...Object.keys(old.learned), EXERCISE_KEY].sort());
    for (const [key, date] of Object.entries(old.learned)) expect(after.learned[key]).toBe(date);
    await expect.poll(() => sidebarBadge(page).innerText().catch(() => '')).toBe('3/4');

    await page.goto(session.url('docs'));
    await waitForHydration(page);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toMatch(/3 of 33 topics learned, 1 of \d+ exercises? done/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', {name: 'Export progress', exact: true}).click(),
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exercise-progress-'));
    const exported = path.join(dir, 'progress.json');
    await download.saveAs(exported);
    expect(JSON.parse(fs.readFileSync(exported, 'utf8'))).toEqual(after);

    await page.getByRole('button', {name: 'Reset progress', exact: true}).click();
    await page.getByRole('button', {name: 'Yes, reset my progress'}).click();
    await expect.poll(() => main.innerText()).toMatch(/0 of 33 topics learned, 0 of \d+ exercises? done/);

    await page.getByLabel('Import progress file').setInputFiles(exported);
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/Progress imported: 3 topics learned, 1 exercise done\./);
    expect(await stored(page)).toEqual(after);
    await expect.poll(() => main.innerText()).toMatch(/3 of 33 topics learned, 1 of \d+ exercises? done/);
    expect(problems.messages).toEqual([]);
    fs.rmSync(dir, {recursive: true, force: true});
    await context.close();
  });
});

describe('exercise solution', () => {
  test('is hidden on screen until its summary is opened, and printed open in the one-page edition', async () => {
    const {context, page} = await session.open(SECTION);
    const solution = page.locator('details').filter({has: page.locator('summary', {hasText: 'Show the solution'})});
    const dockerfile = solution.locator('pre').filter({hasText: 'FROM gcr.io/distroless/static-debian13:nonroot'});
    expect(await dockerfile.isVisible()).toBe(false);
    await solution.locator('summary').click();
    await expect.poll(() => dockerfile.isVisible()).toBe(true);

    await page.goto(session.url('print'));
    await waitForHydration(page);
    await page.emulateMedia({media: 'print'});
    const printed = page.locator(`main article [id="hands-on-build-and-run-the-hello-app"] ~ details`).filter({hasText: 'Show the solution'});
    expect(await printed.count()).toBe(1);
    await printed.locator('pre').first().scrollIntoViewIfNeeded();
    await expect.poll(() => printed.locator('pre').filter({hasText: 'ENTRYPOINT ["/hello"]'}).isVisible()).toBe(true);
    // Links print their full address (src/css/print.css).
    const link = page.locator('main article .markdown a[href^="https://docs.docker.com/build/building/multi-stage/"]').first();
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toContain('https://docs.docker.com/build/building/multi-stage/');
    await context.close();
  });
});

describe('exercise search', () => {
  test('finds an exercise by its title and opens its section at the exercise', async () => {
    const {context, page} = await session.open('docs');
    const box = page.locator('input.navbar__search-input');
    await box.click();
    await box.pressSequentially(EXERCISE_TITLE, {delay: 20});
    const hit = page.getByRole('option').filter({hasText: `Hands-on: ${EXERCISE_TITLE}`}).first();
    await hit.waitFor({state: 'visible', timeout: 10_000});
    await hit.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${SECTION}`) && url.hash === '#hands-on-build-and-run-the-hello-app');
    await context.close();
  });
});
