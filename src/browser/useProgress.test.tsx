// @vitest-environment jsdom
import {act} from 'react';
import {hydrateRoot} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type * as Progress from './progress';

// React warns unless it knows updates are wrapped in act().
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Server-renders a progress reader, then hydrates it as a page would, and returns what each
 * client render showed (the learned topics, comma-separated). A fresh module per test: the
 * store caches what it last read from localStorage.
 */
async function hydrateProgressReader(): Promise<{renders: string[]; text: string}> {
  const {useProgress}: typeof Progress = await import('./progress');
  function ProgressReader({renders}: {renders: string[]}) {
    const topics = Object.keys(useProgress().progress.learned).join(',');
    renders.push(topics);
    return <span>{topics || 'none'}</span>;
  }
  const container = document.createElement('div');
  container.innerHTML = renderToString(<ProgressReader renders={[]} />);
  document.body.append(container);
  const renders: string[] = [];
  await act(async () => {
    hydrateRoot(container, <ProgressReader renders={renders} />);
  });
  return {renders, text: container.textContent ?? ''};
}

describe('useProgress while a page hydrates', () => {
  beforeEach(() => {
    vi.resetModules();
    localStorage.clear();
    document.body.innerHTML = '';
  });
  afterEach(() => localStorage.clear());

  it('renders once for a learner with nothing stored: no synchronous re-render right after hydration', async () => {
    const {renders, text} = await hydrateProgressReader();
    expect(renders).toEqual(['']);
    expect(text).toBe('none');
  });

  it('re-renders once to show what a returning learner stored', async () => {
    const {PROGRESS_STORAGE_KEY, serializeProgress, setTopicLearned, EMPTY_PROGRESS}: typeof Progress = await import('./progress');
    const stored = setTopicLearned(EMPTY_PROGRESS, 'container-fundamentals/docker-advanced-features', true);
    localStorage.setItem(PROGRESS_STORAGE_KEY, serializeProgress(stored));
    const {renders, text} = await hydrateProgressReader();
    expect(renders).toEqual(['', 'container-fundamentals/docker-advanced-features']);
    expect(text).toBe('container-fundamentals/docker-advanced-features');
  });
});
