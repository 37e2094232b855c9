import type {ReactNode} from 'react';
import clsx from 'clsx';
import {useProgress} from '@site/src/browser/progress';
import styles from './styles.module.css';

export interface Props {
  /** Progress key, `section/heading-anchor` (added by src/remark/sectionPage.ts). */
  item: string;
  /** A topic is learned; an exercise is done. */
  kind: 'topic' | 'exercise';
  title: string;
}

const LABEL: Record<Props['kind'], string> = {
  topic: 'I have learned this topic',
  exercise: 'I have done this exercise',
};

/** A labelled checkbox under a topic's or an exercise's heading; the state stays in this browser. */
export default function ProgressCheck({item, kind, title}: Props): ReactNode {
  const {progress, stored, setLearned} = useProgress();
  const checked = item in progress.learned;
  const id = `progress-${item.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <div className={clsx(styles.control, checked && styles.checked)}>
      <input
        id={id}
        type="checkbox"
        className={styles.checkbox}
        checked={checked}
        // Saved progress this page cannot read is kept untouched (the overview says why).
        disabled={!stored.readable}
        onChange={(event) => setLearned(item, event.target.checked)}
      />
      <label htmlFor={id}>
        {LABEL[kind]}
        <span className="sr-only">: {title}</span>
      </label>
    </div>
  );
}
