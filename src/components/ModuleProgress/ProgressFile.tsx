import {useRef, useState, type ChangeEvent, type ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {
  PROGRESS_EXPORT_FILE,
  parseProgressImport,
  resetProgress,
  serializeProgress,
  writeProgress,
  type ProgressState,
} from '@site/src/browser/progress';
import styles from './styles.module.css';

export interface Props {
  progress: ProgressState;
  /** Every topic and exercise key of the module: imported entries for others are dropped. */
  knownKeys: ReadonlySet<string>;
  /** The exercise keys among them, to say how many of each were imported. */
  exerciseKeys: ReadonlySet<string>;
}

type Message = {kind: 'error' | 'done'; text: string} | null;

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

/** Export, import and reset. The buttons work only with JavaScript, so they are disabled until it runs. */
export default function ProgressFile({progress, knownKeys, exerciseKeys}: Props): ReactNode {
  const isBrowser = useIsBrowser();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // Choosing the same file again fires change again.
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({kind: 'error', text: 'This file could not be read. Nothing was changed.'});
      return;
    }
    const result = parseProgressImport(text, knownKeys);
    if (!result.ok) {
      setMessage({kind: 'error', text: `${result.error} Your progress was not changed.`});
      return;
    }
    writeProgress(result.state);
    const keys = Object.keys(result.state.learned);
    const exercises = keys.filter((key) => exerciseKeys.has(key)).length;
    const topics = keys.length - exercises;
    const skipped = result.ignored > 0 ? ` ${result.ignored} unknown or invalid entries were skipped.` : '';
    setMessage({
      kind: 'done',
      text: `Progress imported: ${topics} ${topics === 1 ? 'topic' : 'topics'} learned, ${exercises} ${exercises === 1 ? 'exercise' : 'exercises'} done.${skipped}`,
    });
  };

  const onReset = () => {
    if (!window.confirm('Reset your progress? Every topic and exercise will be marked as not done. Export it first if you want a copy.')) return;
    resetProgress();
    setMessage({kind: 'done', text: 'Progress reset.'});
  };

  return (
    <div className={styles.file}>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--sm button--primary"
          disabled={!isBrowser}
          onClick={() => {
            download(PROGRESS_EXPORT_FILE, serializeProgress(progress));
            setMessage(null);
          }}
        >
          Export progress
        </button>
        <button type="button" className="button button--sm button--secondary" disabled={!isBrowser} onClick={() => input.current?.click()}>
          Import progress
        </button>
        <button type="button" className="button button--sm button--secondary" disabled={!isBrowser} onClick={onReset}>
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
