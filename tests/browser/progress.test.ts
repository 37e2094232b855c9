/**
 * Learner progress in the browser: the topic checkboxes, the section and sidebar summaries,
 * the overview's export / import / reset, and corrupt stored data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {BrowserContext, Page} from 'playwright-core';
import {PROGRESS_STORAGE_KEY as PROGRESS_KEY, PROGRESS_VERSION} from '../../src/browser/progress';
import {newContext, waitForHydration, watchProblems} from './harness';
import {useSession} from './session';

const session = useSession();
const SECTION = 'docs/container-fundamentals';
const TOPIC_CONTROL = /^I have learned this topic/;

async function stored(page: Page): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), PROGRESS_KEY);
}

/** Opens a fresh page on the section, marks the topics at these positions learned, and returns what was stored. */
async function pageWithLearned(context: BrowserContext, positions: number[]) {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(session.url(SECTION));
  await waitForHydration(page);
  const boxes = page.getByRole('checkbox', {name: TOPIC_CONTROL});
  for (const position of positions) await boxes.nth(position).check();
  const before = await stored(page);
  expect(Object.keys(JSON.parse(before!).learned)).toHaveLength(positions.length);
  return {page, problems, boxes, before};
}

describe('progress', () => {
  test('a topic marked learned survives a reload, and the section and sidebar summaries count it', async () => {
    const {context, page, problems} = await session.open(SECTION);
    const boxes = page.getByRole('checkbox', {name: TOPIC_CONTROL});
    expect(await boxes.count()).toBe(3);
    const first = boxes.first();
    expect(await first.isChecked()).toBe(false);
    // Keyboard: focus and Space.
    await first.focus();
    await page.keyboard.press('Space');
    expect(await first.isChecked()).toBe(true);

    const data = JSON.parse((await stored(page)) ?? 'null') as {version: number; learned: Record<string, string>};
    expect(data.version).toBe(1);
    const keys = Object.keys(data.learned);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^container-fundamentals\/[a-z0-9-]+$/);
    expect(Number.isNaN(Date.parse(data.learned[keys[0]!]!))).toBe(false);

    await page.reload();
    await waitForHydration(page);
    await expect.poll(() => boxes.first().isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(problems.messages).toEqual([]);

    // Section summary above the content.
    const summary = page.getByTestId('section-progress');
    await expect.poll(() => summary.innerText().catch(() => '')).toMatch(/1 of 3 topics learned/);
    expect(await summary.innerText()).toMatch(/About (\d+ h)?\s*(\d+ min)? of study/);
    // Sidebar badge on this section's link.
    const badge = page
      .getByRole('navigation', {name: 'Docs sidebar'})
      .locator(`a[href$="/${SECTION}"]`)
      .getByTestId('sidebar-progress');
    // Three topics and the section's exercise (tests/browser/exercises.test.ts marks that one).
    await expect.poll(() => badge.innerText().catch(() => '')).toBe('1/4');
    expect(await badge.getAttribute('aria-label')).toBe('1 of 3 topics learned, 0 of 1 exercise done');

    // Unchecking removes it again.
    await boxes.first().uncheck();
    expect(Object.keys(JSON.parse((await stored(page)) ?? '{}').learned ?? {})).toEqual([]);
    await context.close();
  });

  test('export then import gives the same state; reset asks in the page and clears only when confirmed', async () => {
    const context = await newContext(session.browser, {acceptDownloads: true});
    const {page, problems, boxes, before} = await pageWithLearned(context, [0, 2]);

    await page.goto(session.url('docs'));
    await waitForHydration(page);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toMatch(/2 of 33 topics learned/);

    // Export.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', {name: 'Export progress', exact: true}).click(),
    ]);
    expect(download.suggestedFilename()).toBe('containers-module-progress.json');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-'));
    const exported = path.join(dir, 'containers-module-progress.json');
    await download.saveAs(exported);
    expect(JSON.parse(fs.readFileSync(exported, 'utf8'))).toEqual(JSON.parse(before!));

    // Reset asks with buttons in the page; the focus starts on Cancel, which keeps everything.
    const reset = page.getByRole('button', {name: 'Reset progress', exact: true});
    const question = page.getByRole('group', {name: /^Reset your progress\?/});
    await reset.click();
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.innerText()).toMatch(/2 topics learned, 0 exercises done now/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    expect(await question.count()).toBe(0);
    expect(await stored(page)).toBe(before);
    await expect.poll(() => main.innerText()).toMatch(/2 of 33 topics learned/);
    await reset.click();
    await question.getByRole('button', {name: 'Yes, reset my progress'}).click();
    await expect.poll(() => main.innerText()).toMatch(/0 of 33 topics learned/);
    expect(Object.keys(JSON.parse((await stored(page)) ?? '{"learned":{}}').learned ?? {})).toEqual([]);

    // Import through the file picker.
    const fileInput = page.getByLabel('Import progress file');
    expect(await fileInput.getAttribute('type')).toBe('file');
    expect(await fileInput.getAttribute('accept')).toBe('application/json');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', {name: 'Import progress', exact: true}).click(),
    ]);
    await chooser.setFiles(exported);
    await expect.poll(() => main.innerText()).toMatch(/2 of 33 topics learned/);
    expect(JSON.parse((await stored(page))!)).toEqual(JSON.parse(before!));

    // An invalid file shows an alert and changes nothing.
    await fileInput.setInputFiles({name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "learned": ')});
    await expect.poll(() => page.getByRole('alert').filter({hasText: /\S/}).count()).toBeGreaterThan(0);
    expect(JSON.parse((await stored(page))!)).toEqual(JSON.parse(before!));
    await expect.poll(() => main.innerText()).toMatch(/2 of 33 topics learned/);

    // The imported state is what the section page shows.
    await page.goto(session.url(SECTION));
    await waitForHydration(page);
    await expect.poll(() => boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(await boxes.nth(2).isChecked()).toBe(true);
    expect(problems.messages).toEqual([]);
    fs.rmSync(dir, {recursive: true, force: true});
    await context.close();
  });

  test('an import that would unmark learned topics asks first: Escape cancels, Keep both merges, Replace replaces', async () => {
    const context = await newContext(session.browser);
    const {page, problems, before} = await pageWithLearned(context, [0, 1]);
    const [first, second] = Object.keys(JSON.parse(before!).learned as Record<string, string>).sort();
    await page.goto(session.url('docs'));
    await waitForHydration(page);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toMatch(/2 of 33 topics learned/);
    const fileInput = page.getByLabel('Import progress file');
    const question = page.getByRole('group', {name: /^This file marks/});
    const status = page.getByRole('status').filter({hasText: /\S/});

    // Before: an empty export replaced everything at once, "Progress imported: 0 topics learned".
    const empty = {name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"learned":{}}')};
    await fileInput.setInputFiles(empty);
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.innerText()).toMatch(/This file marks 0 topics learned, 0 exercises done\. You have 2 topics marked here that the file does not have/);
    // The focus moves to the first choice, so a keyboard or screen reader user lands on the question.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep both');
    await page.keyboard.press('Escape');
    expect(await question.count()).toBe(0);
    await expect.poll(() => status.innerText()).toMatch(/Import cancelled/);
    expect(await stored(page)).toBe(before);

    // Keep both: the file's topic is added, nothing is unmarked.
    const otherTopic = `${first!.split('/')[0]}/${'x'}`;
    const partial = {version: 1, learned: {[second!]: '2025-01-01T00:00:00.000Z', [otherTopic]: '2025-01-01T00:00:00.000Z'}};
    await fileInput.setInputFiles({name: 'partial.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partial))});
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.innerText()).toMatch(/You have 1 topic marked here that the file does not have.*Skipped: 1 topic is not in this module/s);
    await question.getByRole('button', {name: 'Keep both'}).click();
    await expect.poll(() => status.innerText()).toMatch(/Progress merged: 2 topics learned/);
    const merged = JSON.parse((await stored(page))!) as {learned: Record<string, string>};
    expect(Object.keys(merged.learned).sort()).toEqual([first, second]);
    expect(merged.learned[second!]).toBe('2025-01-01T00:00:00.000Z');

    // Replace: only what the file has.
    await fileInput.setInputFiles(empty);
    await question.getByRole('button', {name: "Replace with the file's progress"}).click();
    await expect.poll(() => main.innerText()).toMatch(/0 of 33 topics learned/);
    await expect.poll(() => status.innerText()).toMatch(/Progress replaced: 0 topics learned, 0 exercises done; 2 topics unmarked/);
    expect(problems.messages).toEqual([]);
    await context.close();
  });

  test('saved progress of a newer format or unknown shape is kept untouched, and the learner is told', async () => {
    const context = await newContext(session.browser, {acceptDownloads: true});
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(session.url('docs'));
    // Before: read as empty, and the next click on a checkbox overwrote it.
    const newer = JSON.stringify({version: PROGRESS_VERSION + 1, learned: {'container-fundamentals/x': '2024-01-01T00:00:00.000Z'}, exercises: {}});
    for (const [raw, says] of [
      [newer, new RegExp(`newer version of this site \\(format ${PROGRESS_VERSION + 1}\\)`)],
      ['{"version": 1, "learned": "everything"}', /in a form this page cannot read/],
    ] as const) {
      await page.evaluate(([key, value]) => window.localStorage.setItem(key!, value!), [PROGRESS_KEY, raw]);
      await page.goto(session.url(SECTION));
      await waitForHydration(page);
      const boxes = page.getByRole('checkbox', {name: TOPIC_CONTROL});
      await expect.poll(() => boxes.first().isDisabled()).toBe(true);
      expect(await stored(page)).toBe(raw);

      await page.goto(session.url('docs'));
      await waitForHydration(page);
      const main = page.locator('main');
      await expect.poll(() => main.innerText()).toMatch(says);
      expect(await main.innerText()).toMatch(/It is kept untouched/);
      expect(await page.getByRole('button', {name: 'Import progress', exact: true}).isDisabled()).toBe(true);
      // Export saves the data as it is.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', {name: 'Export progress', exact: true}).click(),
      ]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-'));
      const saved = path.join(dir, 'copy.json');
      await download.saveAs(saved);
      expect(fs.readFileSync(saved, 'utf8')).toBe(raw);
      fs.rmSync(dir, {recursive: true, force: true});
      expect(await stored(page)).toBe(raw);
    }
    // Only a confirmed reset removes it; then marking topics works again.
    await page.getByRole('button', {name: 'Reset progress', exact: true}).click();
    await page.getByRole('button', {name: 'Yes, reset my progress'}).click();
    await expect.poll(() => stored(page)).toBeNull();
    await page.goto(session.url(SECTION));
    await waitForHydration(page);
    await page.getByRole('checkbox', {name: TOPIC_CONTROL}).first().check();
    expect(JSON.parse((await stored(page))!).version).toBe(PROGRESS_VERSION);
    expect(problems.messages).toEqual([]);
    await context.close();
  });

  test('stored data this page cannot read never breaks the page, and entries with bad dates read as not learned', async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(session.url('docs'));
    const corrupt = [
      'not json{',
      'null',
      '[]',
      '"a string"',
      '{"version": 99, "learned": {"container-fundamentals/x": "2024-01-01T00:00:00.000Z"}}',
      '{"version": 1, "learned": "everything"}',
      '{"version": 1, "learned": {"container-fundamentals/container-technology-concepts": "not a date"}}',
    ];
    for (const value of corrupt) {
      await page.evaluate(([key, raw]) => window.localStorage.setItem(key!, raw!), [PROGRESS_KEY, value]);
      // Every value on the section page; the overview too for the first and the last.
      const overview = value === corrupt[0] || value === corrupt[corrupt.length - 1];
      for (const sitePath of overview ? [SECTION, 'docs'] : [SECTION]) {
        await page.goto(session.url(sitePath));
        await waitForHydration(page);
        expect(await page.locator('article h1').first().isVisible(), `${sitePath} with ${value}`).toBe(true);
        if (sitePath === SECTION) {
          const boxes = page.getByRole('checkbox', {name: TOPIC_CONTROL});
          expect(await boxes.count()).toBe(3);
          for (const box of await boxes.all()) expect(await box.isChecked(), `checkbox with ${value}`).toBe(false);
        } else {
          expect(await page.locator('main').innerText(), `overview with ${value}`).toMatch(/0 of 33 topics learned/);
        }
      }
      // Nothing was written over it.
      expect(await stored(page)).toBe(value);
    }
    // The last value is readable (its entry is dropped): marking a topic works and replaces it.
    await page.goto(session.url(SECTION));
    await waitForHydration(page);
    await page.getByRole('checkbox', {name: TOPIC_CONTROL}).first().check();
    expect(JSON.parse((await stored(page))!).version).toBe(1);
    expect(problems.messages).toEqual([]);
    await context.close();
  });
});
