/**
 * Code blocks highlighted at build time: coloured in both themes, scrollable and copyable with the keyboard.
 */
import {describe, expect, test} from 'vitest';
import {newContext, waitForHydration, watchProblems} from './harness';
import {useSession} from './session';

const session = useSession();

describe('code blocks', () => {
  test('are highlighted in light and dark mode, and the copy button copies the code with the keyboard', async () => {
    const context = await newContext(session.browser, {width: 390, height: 844});
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(session.baseUrl).origin});
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(session.url('docs/container-fundamentals'));
    await waitForHydration(page);

    const block = page.locator('.theme-code-block.language-bash').first();
    const colours = () =>
      block.evaluate((element) => {
        const colour = (selector: string) => getComputedStyle(element.querySelector(selector)!).color;
        return {plain: colour('pre'), comment: colour('.token.comment'), background: getComputedStyle(element.querySelector('pre')!).backgroundColor};
      });
    const light = await colours();
    expect(light.comment).not.toBe(light.plain);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const dark = await colours();
    expect(dark.comment).not.toBe(dark.plain);
    expect(dark.background).not.toBe(light.background);

    // Long lines scroll inside the block, not the page.
    const pre = block.locator('pre');
    await expect(pre.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);

    // Tab from the <pre> reaches the button; Enter copies the code and the status says so.
    await pre.focus();
    await page.keyboard.press('Tab');
    const button = block.getByRole('button', {name: 'Copy code'});
    await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => block.locator('[aria-live="polite"]').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await pre.textContent());
    expect(copied).toContain('\n');

    expect(problems.messages).toEqual([]);
    await context.close();
  });
});
