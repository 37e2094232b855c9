import {useCallback, useSyncExternalStore} from 'react';

/**
 * A learner's progress lives only in this browser's localStorage, under a versioned key.
 * Older versions are migrated. Data this code cannot read (a newer version, written by a newer
 * copy of the site in another tab, or an unknown shape) is never overwritten: it is reported as
 * unreadable, the controls leave it alone, and only an explicit, confirmed reset removes it.
 *
 * Exercises did not change the format: an exercise done is one more entry in
 * `learned`, keyed `section/exercise-anchor` like a topic. So progress stored before exercises
 * existed loads as it is, and a copy of the site still on version 1 code (an open tab, the
 * offline copy) keeps the exercise entries when it writes, instead of reading a version 2 as
 * empty and overwriting it. The section index tells topics and exercises apart.
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

/** What localStorage holds: progress this code reads, or data it must keep untouched. */
export type StoredProgress =
  | {readable: true; state: ProgressState}
  | {readable: false; raw: string; newerVersion: number | undefined};

/** The format version of progress data, if it names a whole-number one. */
function versionOf(raw: string): number | undefined {
  try {
    const data: unknown = JSON.parse(raw);
    const version = typeof data === 'object' && data !== null ? (data as {version?: unknown}).version : undefined;
    return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Nothing stored: what the server renders, and what a first visit reads. One object, so that
 * hydrating a page for a new learner finds the client's snapshot identical to the server's and
 * React does not re-render every progress control synchronously right after hydration.
 */
export const NOTHING_STORED: StoredProgress = Object.freeze({readable: true, state: EMPTY_PROGRESS});

/** Classifies stored data. Missing data is empty progress; anything unreadable is kept as it is. */
export function readStoredProgress(raw: string | null): StoredProgress {
  if (raw === null) return NOTHING_STORED;
  const state = parseProgress(raw);
  if (state) return {readable: true, state};
  const version = versionOf(raw);
  return {readable: false, raw, newerVersion: version !== undefined && version > PROGRESS_VERSION ? version : undefined};
}

/**
 * Progress in both: every topic learned in either, with the earlier date for a topic in both
 * (the day it was first learned).
 */
export function mergeProgress(a: ProgressState, b: ProgressState): ProgressState {
  const learned = {...a.learned};
  for (const [topic, date] of Object.entries(b.learned)) {
    const other = learned[topic];
    if (other === undefined || Date.parse(date) < Date.parse(other)) learned[topic] = date;
  }
  return {version: PROGRESS_VERSION, learned};
}

/** Topics learned in `current` that `next` would no longer have. */
export function topicsLost(current: ProgressState, next: ProgressState): string[] {
  return Object.keys(current.learned).filter((topic) => !(topic in next.learned));
}

/** The exact JSON stored in localStorage and written to an export file. */
export function serializeProgress(state: ProgressState): string {
  return JSON.stringify({version: PROGRESS_VERSION, learned: state.learned});
}

/** Name of the file "Export progress" downloads. */
export const PROGRESS_EXPORT_FILE = 'containers-module-progress.json';

/** Largest import file accepted; a real export of 33 topics is about 2 KB. */
export const MAX_IMPORT_BYTES = 100_000;

export type ImportResult = {ok: true; state: ProgressState; ignored: number; skipped: string} | {ok: false; error: string};

const CHOOSE = 'Choose a file made by "Export progress".';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describeJson(data: unknown): string {
  if (Array.isArray(data)) return 'a JSON list';
  if (data === null) return 'JSON null';
  return `a JSON ${typeof data}`;
}

/**
 * Validates a file the learner imports. Unlike stored data, an import explains exactly what is
 * wrong, so the learner can pick the right file. With `knownTopics`, entries for topics this
 * module does not have are dropped and counted, as are entries without a valid date.
 */
export function parseProgressImport(text: string, knownTopics?: ReadonlySet<string>): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return {ok: false, error: `This file is ${text.length} bytes, far larger than any progress export (they are a few KB). ${CHOOSE}`};
  }
  // Editors on Windows may add a byte order mark; it is not part of the JSON.
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return {ok: false, error: `This file is empty. ${CHOOSE}`};
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {ok: false, error: `This file is not valid JSON, so it is not a progress export or it was cut short. ${CHOOSE}`};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {ok: false, error: `This file holds ${describeJson(data)}, not progress data. ${CHOOSE}`};
  }
  const record = data as Record<string, unknown>;
  const version = record.version;
  if (version !== undefined && version !== PROGRESS_VERSION) {
    if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
      return {
        ok: false,
        error:
          `This file was exported by a newer version of this site (progress format ${version}; this page reads format ${PROGRESS_VERSION}). ` +
          'Reload the page to get the newest version, then import it again.',
      };
    }
    return {ok: false, error: `This file has an unknown progress format version (${JSON.stringify(version)}). ${CHOOSE}`};
  }
  if (version === PROGRESS_VERSION && (typeof record.learned !== 'object' || record.learned === null || Array.isArray(record.learned))) {
    return {ok: false, error: `This file has no "learned" list of topics, so it is not a complete progress export. ${CHOOSE}`};
  }
  const state = parseProgress(json);
  if (state === null) return {ok: false, error: `This file does not hold progress data (it has no "version" and "learned"). ${CHOOSE}`};
  const rawEntries =
    typeof record.learned === 'object' && record.learned !== null
      ? Object.keys(record.learned).length
      : Array.isArray(record.topics)
        ? record.topics.length
        : 0;
  const invalid = rawEntries - Object.keys(state.learned).length;
  const learned = knownTopics ? Object.fromEntries(Object.entries(state.learned).filter(([key]) => knownTopics.has(key))) : state.learned;
  const unknown = Object.keys(state.learned).length - Object.keys(learned).length;
  const reasons = [
    ...(unknown > 0 ? [`${plural(unknown, 'topic is', 'topics are')} not in this module`] : []),
    ...(invalid > 0 ? [`${plural(invalid, 'entry has', 'entries have')} no valid topic name or date`] : []),
  ].join(' and ');
  if (rawEntries > 0 && Object.keys(learned).length === 0) {
    return {ok: false, error: `None of the ${plural(rawEntries, 'entry', 'entries')} in this file can be used: ${reasons}. Nothing was changed.`};
  }
  return {ok: true, state: {version: PROGRESS_VERSION, learned}, ignored: unknown + invalid, skipped: reasons};
}

const listeners = new Set<() => void>();
let memoryOnly = false;
let cachedRaw: string | null | undefined;
let cachedStored: StoredProgress = NOTHING_STORED;

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(PROGRESS_STORAGE_KEY);
  } catch {
    return null; // Storage can be disabled (private mode, policies).
  }
}

function getSnapshot(): StoredProgress {
  // Storage refused a write: this page view keeps progress in memory instead.
  if (memoryOnly) return cachedStored;
  const raw = readStorage();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedStored = readStoredProgress(raw);
  }
  return cachedStored;
}

function getServerSnapshot(): StoredProgress {
  return NOTHING_STORED;
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

/**
 * Stores progress, unless the stored data is unreadable (newer or unknown): that is kept, and
 * the write is refused (returns false). Checked at write time, as another tab may have just
 * written a newer format.
 */
export function writeProgress(state: ProgressState): boolean {
  if (!getSnapshot().readable) return false;
  try {
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, serializeProgress(state));
  } catch {
    memoryOnly = true;
    // Full or disabled storage: progress then lasts for this page view only.
    cachedRaw = serializeProgress(state);
    cachedStored = {readable: true, state};
  }
  listeners.forEach((listener) => listener());
  return true;
}

/** What an import wrote, and the topics and exercises it unmarked. */
export interface ImportWritten {
  state: ProgressState;
  lost: string[];
}

/**
 * Imports a file's progress into what is stored at this moment, not into what was stored when
 * the file was chosen: between the two the learner may have answered a question, and another
 * tab may have marked a topic. `merge` keeps everything in either; `replace` stores the file's
 * progress. Returns undefined, and writes nothing, when the stored data is unreadable.
 */
export function importProgress(imported: ProgressState, mode: 'merge' | 'replace'): ImportWritten | undefined {
  const current = getSnapshot();
  if (!current.readable) return undefined;
  const state = mode === 'merge' ? mergeProgress(current.state, imported) : imported;
  if (!writeProgress(state)) return undefined;
  return {state, lost: topicsLost(current.state, state)};
}

/** Clears the learner's progress, unreadable data included: only after the learner confirmed it. */
export function resetProgress(): void {
  try {
    window.localStorage.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    // Disabled storage: the in-memory fallback below is what the page shows.
  }
  cachedRaw = undefined;
  cachedStored = NOTHING_STORED;
  listeners.forEach((listener) => listener());
}

export function setTopicLearned(state: ProgressState, topic: string, learned: boolean, now = new Date()): ProgressState {
  const next = {...state.learned};
  if (learned) next[topic] = now.toISOString();
  else delete next[topic];
  return {version: PROGRESS_VERSION, learned: next};
}

/**
 * Progress as React state. The server and the first client render see no progress, so hydration
 * matches. `stored` says whether the saved data is readable; when it is not, `progress` is empty
 * and `setLearned` changes nothing.
 */
export function useProgress(): {
  progress: ProgressState;
  stored: StoredProgress;
  setLearned: (topic: string, learned: boolean) => void;
} {
  const stored = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const setLearned = useCallback((topic: string, learned: boolean) => {
    const current = getSnapshot();
    if (current.readable) writeProgress(setTopicLearned(current.state, topic, learned));
  }, []);
  return {progress: stored.readable ? stored.state : EMPTY_PROGRESS, stored, setLearned};
}
