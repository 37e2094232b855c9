import {useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent, type ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {
  PROGRESS_EXPORT_FILE,
  mergeProgress,
  parseProgressImport,
  resetProgress,
  serializeProgress,
  topicsLost,
  writeProgress,
  type ProgressState,
  type StoredProgress,
} from '@site/src/browser/progress';
import styles from './styles.module.css';

export interface Props {
  stored: StoredProgress;
  /** Every topic and exercise key of the module: imported entries for others are dropped. */
  knownKeys: ReadonlySet<string>;
  /** The exercise keys among them, to say how many of each a file has. */
  exerciseKeys: ReadonlySet<string>;
}

type Message = {kind: 'error' | 'done'; text: string} | null;

/** A question the learner answers with one of the buttons; nothing changes until then. The first choice gets focus. */
interface Question {
  text: string;
  /** `cancels`: the choice Escape makes. */
  choices: {label: string; primary?: boolean; cancels?: boolean; run: () => void}[];
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

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Export, import and reset. The buttons work only with JavaScript, so they are disabled until it runs.
 * An import that would unmark learned topics, and a reset, ask first with real buttons in the page
 * (focus moves to them, Escape cancels); saved progress this page cannot read is never overwritten.
 */
export default function ProgressFile({stored, knownKeys, exerciseKeys}: Props): ReactNode {
  /** "2 topics learned, 1 exercise done" for a set of progress keys. */
  const done = (keys: string[]) => {
    const exercises = keys.filter((key) => exerciseKeys.has(key)).length;
    return `${count(keys.length - exercises, 'topic')} learned, ${count(exercises, 'exercise')} done`;
  };
  /** "2 topics and 1 exercise" for a set of progress keys. */
  const items = (keys: string[]) => {
    const exercises = keys.filter((key) => exerciseKeys.has(key)).length;
    const topics = keys.length - exercises;
    return [topics > 0 || exercises === 0 ? count(topics, 'topic') : '', exercises > 0 ? count(exercises, 'exercise') : ''].filter(Boolean).join(' and ');
  };

  const isBrowser = useIsBrowser();
  const input = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const [message, setMessage] = useState<Message>(null);
  const [question, setQuestion] = useState<Question | null>(null);

  useEffect(() => {
    if (question) firstChoice.current?.focus();
  }, [question]);

  const ask = (text: string, choices: Question['choices']) => {
    setMessage(null);
    setQuestion({text, choices});
  };
  const answer = (run: () => void) => {
    setQuestion(null);
    run();
    importButton.current?.focus();
  };

  const save = (state: ProgressState, done: string) => {
    if (writeProgress(state)) setMessage({kind: 'done', text: done});
    else setMessage({kind: 'error', text: 'Your saved progress could not be read by this page, so it was left untouched.'});
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // Choosing the same file again fires change again.
    if (!file) return;
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
    const current = stored.state;
    const inFile = Object.keys(result.state.learned);
    const skipped = result.skipped ? ` Skipped: ${result.skipped}.` : '';
    const lost = topicsLost(current, result.state);
    const merged = mergeProgress(current, result.state);
    if (lost.length === 0) {
      save(merged, `Progress imported: ${done(Object.keys(merged.learned))}.${skipped}`);
      return;
    }
    ask(
      `This file marks ${done(inFile)}. You have ${items(lost)} marked here that the file does not have. ` +
        `Keep both, or replace your progress with the file's and unmark those ${items(lost)}?${skipped}`,
      [
        {
          label: 'Keep both',
          primary: true,
          run: () => save(merged, `Progress merged: ${done(Object.keys(merged.learned))}.`),
        },
        {
          label: "Replace with the file's progress",
          run: () => save(result.state, `Progress replaced: ${done(inFile)}; ${items(lost)} unmarked.`),
        },
        {
          label: 'Cancel',
          cancels: true,
          run: () => setMessage({kind: 'done', text: 'Import cancelled. Your progress was not changed.'}),
        },
      ],
    );
  };

  const onReset = () => {
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

  const onQuestionKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const cancel = question?.choices.find((choice) => choice.cancels);
    if (event.key === 'Escape' && cancel) answer(cancel.run);
  };

  return (
    <div className={styles.file}>
      {!stored.readable && (
        <p className={styles.error}>
          {stored.newerVersion !== undefined
            ? `Your saved progress was written by a newer version of this site (format ${stored.newerVersion}), which this page cannot read. Reload the page to get the newest version.`
            : 'Your saved progress is in a form this page cannot read.'}{' '}
          It is kept untouched: marking topics and importing are off. Export saves a copy of it as it is; Reset deletes it.
        </p>
      )}
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--sm button--primary"
          disabled={!isBrowser}
          onClick={() => {
            download(PROGRESS_EXPORT_FILE, stored.readable ? serializeProgress(stored.state) : stored.raw);
            setMessage(null);
          }}
        >
          Export progress
        </button>
        <button
          ref={importButton}
          type="button"
          className="button button--sm button--secondary"
          disabled={!isBrowser || !stored.readable || question !== null}
          onClick={() => input.current?.click()}
        >
          Import progress
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={!isBrowser || question !== null}
          onClick={onReset}
        >
          Reset progress
        </button>
        {/* The picker is reached through the "Import progress" button; hidden here so it is not a second control. */}
        <label hidden htmlFor="import-progress-file">
          Import progress file
        </label>
        <input
          ref={input}
          id="import-progress-file"
          hidden
          type="file"
          accept="application/json"
          onChange={(event) => void onFile(event)}
        />
      </div>
      {question && (
        <div role="group" aria-labelledby="progress-question" className={styles.question}>
          <p id="progress-question">{question.text}</p>
          <div className={styles.buttons}>
            {question.choices.map((choice, i) => (
              <button
                key={choice.label}
                ref={i === 0 ? firstChoice : undefined}
                type="button"
                className={`button button--sm ${choice.primary ? 'button--primary' : 'button--secondary'}`}
                onClick={() => answer(choice.run)}
                onKeyDown={onQuestionKey}
              >
                {choice.label}
              </button>
            ))}
          </div>
        </div>
      )}
      {message?.kind === 'error' && (
        <p role="alert" className={styles.error}>
          {message.text}
        </p>
      )}
      <p role="status" className={styles.done}>
        {message?.kind === 'done' ? message.text : ''}
      </p>
    </div>
  );
}
