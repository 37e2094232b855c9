import {useEffect, useRef, type ChangeEvent, type KeyboardEvent, type ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useProgressFile, type ProgressFileOptions} from '@site/src/browser/useProgressFile';
import styles from './styles.module.css';

export type Props = ProgressFileOptions;

/**
 * Export, import and reset: the buttons, the question and the messages of the flow in
 * src/browser/useProgressFile.ts. The buttons work only with JavaScript, so they are disabled
 * until it runs. A question is asked with real buttons in the page: focus moves to the first,
 * Escape cancels, and focus returns to "Import progress" after the answer.
 */
export default function ProgressFile(props: Props): ReactNode {
  const {stored} = props;
  const {message, question, exportProgress, importFile, askReset, answer} = useProgressFile(props);
  const isBrowser = useIsBrowser();
  const input = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);

  // Focus moves to the question's first choice, and back to "Import progress" once it is answered
  // (after the render that enables that button again: a disabled button takes no focus).
  const asked = useRef(false);
  useEffect(() => {
    if (question) firstChoice.current?.focus();
    else if (asked.current) importButton.current?.focus();
    asked.current = question !== null;
  }, [question]);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // Choosing the same file again fires change again.
    if (file) void importFile(file);
  };

  const onQuestionKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const cancel = question?.choices.find((choice) => choice.cancels);
    if (event.key === 'Escape' && cancel) answer(cancel);
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
          onClick={exportProgress}
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
          onClick={askReset}
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
          onChange={onFile}
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
                onClick={() => answer(choice)}
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
