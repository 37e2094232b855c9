import {useState} from 'react';
import {
  PROGRESS_EXPORT_FILE,
  importProgress,
  parseProgressImport,
  resetProgress,
  serializeProgress,
  topicsLost,
  type ImportWritten,
  type StoredProgress,
} from './progress';

/**
 * The flow behind the overview's Export, Import and Reset buttons (the view is
 * src/components/ModuleProgress/ProgressFile.tsx): what each button does, the question asked
 * before an import would unmark topics or before a reset, and the message after it.
 */

export type ProgressFileMessage = {kind: 'error' | 'done'; text: string} | null;

/** A question the learner answers with one of the buttons; nothing changes until then. */
export interface ProgressQuestion {
  text: string;
  /** `primary`: the first and most prominent choice. `cancels`: the choice Escape makes. */
  choices: {label: string; primary?: boolean; cancels?: boolean; run: () => void}[];
}

export interface ProgressFileOptions {
  stored: StoredProgress;
  /** Every topic and exercise key of the module: imported entries for others are dropped. */
  knownKeys: ReadonlySet<string>;
  /** The exercise keys among them, to say how many of each a file has. */
  exerciseKeys: ReadonlySet<string>;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "2 topics learned, 1 exercise done" for a set of progress keys. */
export function describeDone(keys: string[], exerciseKeys: ReadonlySet<string>): string {
  const exercises = keys.filter((key) => exerciseKeys.has(key)).length;
  return `${count(keys.length - exercises, 'topic')} learned, ${count(exercises, 'exercise')} done`;
}

/** "2 topics and 1 exercise" for a set of progress keys. */
export function describeItems(keys: string[], exerciseKeys: ReadonlySet<string>): string {
  const exercises = keys.filter((key) => exerciseKeys.has(key)).length;
  const topics = keys.length - exercises;
  return [topics > 0 || exercises === 0 ? count(topics, 'topic') : '', exercises > 0 ? count(exercises, 'exercise') : '']
    .filter(Boolean)
    .join(' and ');
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const UNREADABLE = 'Your saved progress could not be read by this page, so it was left untouched.';

export function useProgressFile({stored, knownKeys, exerciseKeys}: ProgressFileOptions) {
  const [message, setMessage] = useState<ProgressFileMessage>(null);
  const [question, setQuestion] = useState<ProgressQuestion | null>(null);
  const done = (keys: string[]) => describeDone(keys, exerciseKeys);
  const items = (keys: string[]) => describeItems(keys, exerciseKeys);

  const ask = (text: string, choices: ProgressQuestion['choices']) => {
    setMessage(null);
    setQuestion({text, choices});
  };
  /** Writes the import into what is stored now, and says what happened. */
  const saveImport = (written: ImportWritten | undefined, text: (written: ImportWritten) => string) =>
    setMessage(written ? {kind: 'done', text: text(written)} : {kind: 'error', text: UNREADABLE});

  const exportProgress = () => {
    download(PROGRESS_EXPORT_FILE, stored.readable ? serializeProgress(stored.state) : stored.raw);
    setMessage(null);
  };

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({kind: 'error', text: 'This file could not be read. Your progress was not changed.'});
      return;
    }
    const result = parseProgressImport(text, knownKeys);
    if (!result.ok) {
      setMessage({kind: 'error', text: `${result.error} Your progress was not changed.`});
      return;
    }
    if (!stored.readable) return;
    const inFile = Object.keys(result.state.learned);
    const skipped = result.skipped ? ` Skipped: ${result.skipped}.` : '';
    const lost = topicsLost(stored.state, result.state);
    const merged = (verb: string) => (w: ImportWritten) => `Progress ${verb}: ${done(Object.keys(w.state.learned))}.`;
    if (lost.length === 0) {
      saveImport(importProgress(result.state, 'merge'), (w) => `${merged('imported')(w)}${skipped}`);
      return;
    }
    ask(
      `This file marks ${done(inFile)}. You have ${items(lost)} marked here that the file does not have. ` +
        `Keep both, or replace your progress with the file's and unmark those ${items(lost)}?${skipped}`,
      [
        {label: 'Keep both', primary: true, run: () => saveImport(importProgress(result.state, 'merge'), merged('merged'))},
        {
          label: "Replace with the file's progress",
          run: () =>
            saveImport(
              importProgress(result.state, 'replace'),
              (w) => `Progress replaced: ${done(inFile)}; ${items(w.lost)} unmarked.`,
            ),
        },
        {
          label: 'Cancel',
          cancels: true,
          run: () => setMessage({kind: 'done', text: 'Import cancelled. Your progress was not changed.'}),
        },
      ],
    );
  };

  const askReset = () => {
    const what = stored.readable
      ? `Every topic and exercise will be marked as not done (${done(Object.keys(stored.state.learned))} now).`
      : 'The saved progress this page cannot read will be deleted.';
    // The safe choice first, so it has the focus.
    ask(`Reset your progress? ${what} Export it first if you want a copy.`, [
      {
        label: 'Cancel',
        primary: true,
        cancels: true,
        run: () => setMessage({kind: 'done', text: 'Reset cancelled. Your progress was not changed.'}),
      },
      {
        label: 'Yes, reset my progress',
        run: () => {
          resetProgress();
          setMessage({kind: 'done', text: 'Progress reset.'});
        },
      },
    ]);
  };

  /** Runs the learner's choice and closes the question. */
  const answer = (choice: ProgressQuestion['choices'][number]) => {
    setQuestion(null);
    choice.run();
  };

  return {message, question, exportProgress, importFile, askReset, answer};
}
