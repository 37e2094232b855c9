import {useCallback, useSyncExternalStore} from 'react';

/**
 * A learner's progress lives only in this browser's localStorage, under a versioned key.
 * Missing, corrupt or unknown data reads as "nothing learned yet"; older versions are migrated.
 */
export const PROGRESS_STORAGE_KEY = 'containers-module:progress';
export const PROGRESS_VERSION = 1;

export interface ProgressState {
  version: typeof PROGRESS_VERSION;
  /** Topic key (`section/topic-anchor`) → when the learner marked it learned (ISO date). */
  learned: Record<string, string>;
}

export const EMPTY_PROGRESS: ProgressState = Object.freeze({version: PROGRESS_VERSION, learned: Object.freeze({})});

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** Parses stored or imported progress. Never throws: bad input yields `null`. */
export function parseProgress(raw: string | null): ProgressState | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  // Version 0 (pre-release) stored a plain list of topic keys.
  if (Array.isArray(record.topics) && record.version === undefined) {
    const learned: Record<string, string> = {};
    for (const key of record.topics) if (typeof key === 'string') learned[key] = new Date(0).toISOString();
    return {version: PROGRESS_VERSION, learned};
  }
  if (record.version !== PROGRESS_VERSION || typeof record.learned !== 'object' || record.learned === null) return null;
  const learned: Record<string, string> = {};
  for (const [key, value] of Object.entries(record.learned as Record<string, unknown>)) {
    if (isIsoDate(value)) learned[key] = value;
  }
  return {version: PROGRESS_VERSION, learned};
}

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedState: ProgressState = EMPTY_PROGRESS;

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(PROGRESS_STORAGE_KEY);
  } catch {
    return null; // Storage can be disabled (private mode, policies).
  }
}

function getSnapshot(): ProgressState {
  const raw = readStorage();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedState = parseProgress(raw) ?? EMPTY_PROGRESS;
  }
  return cachedState;
}

function getServerSnapshot(): ProgressState {
  return EMPTY_PROGRESS;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function writeProgress(state: ProgressState): void {
  try {
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Full or disabled storage: progress then lasts for this page view only.
    cachedRaw = JSON.stringify(state);
    cachedState = state;
  }
  listeners.forEach((listener) => listener());
}

export function setTopicLearned(state: ProgressState, topic: string, learned: boolean, now = new Date()): ProgressState {
  const next = {...state.learned};
  if (learned) next[topic] = now.toISOString();
  else delete next[topic];
  return {version: PROGRESS_VERSION, learned: next};
}

/** Progress as React state. The server and the first client render see no progress, so hydration matches. */
export function useProgress(): {progress: ProgressState; setLearned: (topic: string, learned: boolean) => void} {
  const progress = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const setLearned = useCallback((topic: string, learned: boolean) => {
    writeProgress(setTopicLearned(getSnapshot(), topic, learned));
  }, []);
  return {progress, setLearned};
}
