import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import {useProgress} from '@site/src/browser/progress';
import {formatMinutes} from '@site/src/browser/studyTime';
import styles from './styles.module.css';

/**
 * Every section's hands-on exercise, in module order, with its time and whether the learner has
 * done it. Read from docs/ at build time, so the overview can't list an exercise that isn't there.
 */
export default function ExerciseList(): ReactNode {
  const {sections} = useSectionIndex();
  const {progress} = useProgress();
  const isBrowser = useIsBrowser();
  const rows = sections.flatMap((section, index) => section.exercises.map((exercise) => ({section, index, exercise})));
  return (
    <ol className={styles.list} data-testid="exercise-list">
      {rows.map(({section, index, exercise}) => {
        const done = isBrowser && exercise.key in progress.learned;
        return (
          <li key={exercise.key} className={clsx(styles.item, done && styles.done)}>
            <Link to={`${section.permalink}#${exercise.id}`}>{exercise.title}</Link>
            <span className={styles.meta}>
              Section {index + 1} · about {formatMinutes(exercise.minutes)}
              {done && (
                <>
                  {' · '}
                  <span className={styles.check}>done</span>
                </>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
