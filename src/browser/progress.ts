import {useCallback, useSyncExternalStore} from 'react';

/**
 * A learner's progress lives only in this browser's localStorage, under a versioned key.
 * Missing, corrupt or unknown data reads as "nothing learned yet"; older versions are migrated.
 *
 * Exercises (issue 16) did not change the format: an exercise done is one more entry in
 * `learned`, keyed `section/exercise-anchor` like a topic. So progress stored before exercises
 * existed loads as it is, and a copy of the site still on version 1 code (an open tab, the
 * offline copy) keeps the exercise entries when it writes, instead of reading a version 2 as
 * empty and overwriting it. The module outline tells topics and exercises apart.
 */
export const PROGRESS_STORAGE_KEY = 'containers-module:progress';
export const PROGRESS_VERSION = 1;

export interface ProgressState {
  version: typeof PROGRESS_VERSION;
  /** Topic or exercise key (`section/heading-anchor`) → when the learner marked it learned or done (ISO date). */
  learned: Record<string, string>;
}

export const EMPTY_PROGRESS: ProgressState = Object.freeze({version: PROGRESS_VERSION, learned: Object.freeze({})});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** A topic or exercise key is `section/heading-anchor`. */
function isTopicKey(key: string): boolean {
  return key.length <= 200 && /^[^/\s]+\/[^/\s]+$/.test(key);
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
    for (const key of record.topics) if (typeof key === 'string' && isTopicKey(key)) learned[key] = new Date(0).toISOString();
    return {version: PROGRESS_VERSION, learned};
  }
  if (record.version !== PROGRESS_VERSION || typeof record.learned !== 'object' || record.learned === null) return null;
  const learned: Record<string, string> = {};
  for (const [key, value] of Object.entries(record.learned as Record<string, unknown>)) {
    if (isTopicKey(key) && isIsoDate(value)) learned[key] = value;
  }
  return {version: PROGRESS_VERSION, learned};
}

/** The exact JSON stored in localStorage and written to an export file. */
export function serializeProgress(state: ProgressState): string {
  return JSON.stringify({version: PROGRESS_VERSION, learned: state.learned});
}

/** Name of the file "Export progress" downloads. */
export const PROGRESS_EXPORT_FILE = 'containers-module-progress.json';

/** Largest import file accepted; a real export of 33 topics is about 2 KB. */
export const MAX_IMPORT_BYTES = 100_000;

export type ImportResult = {ok: true; state: ProgressState; ignored: number} | {ok: false; error: string};

/**
 * Validates a file the learner imports. Unlike stored data (silently read as empty when bad),
 * an import explains what is wrong, so the learner can pick the right file.
 * With `knownTopics`, entries for topics this module does not have are dropped and counted.
 */
export function parseProgressImport(text: string, knownTopics?: ReadonlySet<string>): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return {ok: false, error: 'This file is too large to be a progress export.'};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {ok: false, error: 'This file is not valid JSON. Choose a file made by "Export progress".'};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {ok: false, error: 'This file does not hold progress data. Choose a file made by "Export progress".'};
  }
  const record = data as Record<string, unknown>;
  if (record.version !== undefined && record.version !== PROGRESS_VERSION) {
    return {ok: false, error: `This file has progress format version ${String(record.version)}; this site reads version ${PROGRESS_VERSION}.`};
  }
  const state = parseProgress(text);
  if (state === null) {
    return {ok: false, error: 'This file does not hold progress data. Choose a file made by "Export progress".'};
  }
  const rawLearned = record.learned;
  const rawCount =
    typeof rawLearned === 'object' && rawLearned !== null ? Object.keys(rawLearned).length : Array.isArray(record.topics) ? record.topics.length : 0;
  let learned = state.learned;
  if (knownTopics) {
    learned = Object.fromEntries(Object.entries(state.learned).filter(([key]) => knownTopics.has(key)));
  }
  const kept = Object.keys(learned).length;
  if (rawCount > 0 && kept === 0) {
    return {ok: false, error: 'None of the topics in this file belong to this module. Nothing was changed.'};
  }
  return {ok: true, state: {version: PROGRESS_VERSION, learned}, ignored: rawCount - kept};
}

const listeners = new Set<() => void>();
let memoryOnly = false;
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
  // Storage refused a write: this page view keeps progress in memory instead.
  if (memoryOnly) return cachedState;
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
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, serializeProgress(state));
  } catch {
    memoryOnly = true;
    // Full or disabled storage: progress then lasts for this page view only.
    cachedRaw = serializeProgress(state);
    cachedState = state;
  }
  listeners.forEach((listener) => listener());
}

/** Clears the learner's progress. */
export function resetProgress(): void {
  try {
    window.localStorage.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    // Disabled storage: the in-memory fallback below is what the page shows.
  }
  cachedRaw = undefined;
  cachedState = EMPTY_PROGRESS;
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
