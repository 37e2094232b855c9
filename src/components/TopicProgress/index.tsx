import type {ReactNode} from 'react';
import clsx from 'clsx';
import {useProgress} from '@site/src/browser/progress';
import styles from './styles.module.css';

export interface Props {
  /** Progress key, `section/topic-anchor` (added by src/remark/sectionPage.ts). */
  topic: string;
  title: string;
}

/** A labelled checkbox to mark a topic learned; the state stays in this browser. */
export default function TopicProgress({topic, title}: Props): ReactNode {
  const {progress, setLearned} = useProgress();
  const learned = topic in progress.learned;
  const id = `learned-${topic.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <div className={clsx(styles.control, learned && styles.learned)}>
      <input
        id={id}
        type="checkbox"
        className={styles.checkbox}
        checked={learned}
        onChange={(event) => setLearned(topic, event.target.checked)}
      />
      <label htmlFor={id}>
        I have learned this topic<span className="sr-only">: {title}</span>
      </label>
    </div>
  );
}
