// @vitest-environment jsdom
import {act} from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {PROGRESS_STORAGE_KEY, PROGRESS_VERSION, useProgress} from '@site/src/browser/progress';
import ProgressFile from './ProgressFile';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;
// Docusaurus provides this module to the site's bundle; in the tests the page has hydrated.
vi.mock('@docusaurus/useIsBrowser', () => ({default: () => true}));

const [A, B, C] = ['pods/a', 'pods/b', 'pods/c'];
const DATE = '2025-03-01T10:00:00.000Z';
const KNOWN = new Set([A, B, C]);
const progress = (...topics: string[]) =>
  JSON.stringify({version: PROGRESS_VERSION, learned: Object.fromEntries(topics.map((t) => [t, DATE]))});
const learned = () => Object.keys(JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? '{}').learned ?? {}).sort();

function Overview() {
  const {stored} = useProgress();
  return <ProgressFile stored={stored} knownKeys={KNOWN} exerciseKeys={new Set()} />;
}

let root: Root;
let container: HTMLDivElement;
beforeEach(async () => {
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<Overview />));
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  localStorage.clear();
});

async function chooseFile(text: string) {
  const input = container.querySelector<HTMLInputElement>('#import-progress-file')!;
  Object.defineProperty(input, 'files', {configurable: true, value: [new File([text], 'progress.json')]});
  await act(async () => {
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;
/** Another tab of the site writes progress, as the browser tells this tab. */
async function anotherTabStores(raw: string) {
  await act(async () => {
    localStorage.setItem(PROGRESS_STORAGE_KEY, raw);
    window.dispatchEvent(new StorageEvent('storage', {key: PROGRESS_STORAGE_KEY}));
  });
}

describe('importing progress while another tab marks a topic', () => {
  beforeEach(async () => {
    await anotherTabStores(progress(A));
    // The file lacks A, so the learner is asked first.
    await chooseFile(progress(B));
    expect(container.querySelector('#progress-question')?.textContent).toContain('You have 1 topic marked here');
    await anotherTabStores(progress(A, C));
  });

  it('"Keep both" keeps the topic the other tab marked after the question', async () => {
    await act(async () => button('Keep both').click());
    expect(learned()).toEqual([A, B, C]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Progress merged: 3 topics learned, 0 exercises done.');
  });

  it('"Replace" says every topic it unmarks, the other tab\'s too', async () => {
    await act(async () => button("Replace with the file's progress").click());
    expect(learned()).toEqual([B]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Progress replaced: 1 topic learned, 0 exercises done; 2 topics unmarked.',
    );
  });

  it('the question is a group of real buttons, with focus on the first, and focus goes back to Import', async () => {
    const group = container.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).toBe('progress-question');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Keep both',
      "Replace with the file's progress",
      'Cancel',
    ]);
    expect(document.activeElement).toBe(button('Keep both'));
    await act(async () => button('Cancel').click());
    expect(document.activeElement).toBe(button('Import progress'));
    expect(learned()).toEqual([A, C]);
  });
});
