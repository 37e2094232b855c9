import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import {useProgress} from '@site/src/browser/progress';
import {countText, formatMinutes, moduleStatus} from '@site/src/browser/studyTime';
import ProgressFile from './ProgressFile';
import styles from './styles.module.css';

/** The whole module at a glance: topics learned, exercises done, study time left, and each section's share. */
export default function ModuleProgress(): ReactNode {
  const {sections} = useSectionIndex();
  const {progress, stored} = useProgress();
  const status = moduleStatus(sections, progress);
  const exerciseKeys = new Set(sections.flatMap((s) => s.exercises.map((e) => e.key)));
  const knownKeys = new Set([...sections.flatMap((s) => s.topics.map((t) => t.key)), ...exerciseKeys]);
  return (
    <section className={styles.panel} aria-labelledby="module-progress-title">
      <h2 id="module-progress-title" className={styles.title}>
        Your progress
      </h2>
      <p className={styles.summary}>
        <strong>
          {countText(status.learned, status.total, 'topic')}
          {status.exercises > 0 && `, ${countText(status.exercisesDone, status.exercises, 'exercise')}`}
        </strong>{' '}
        · {formatMinutes(status.minutesLeft)} of study left (of {formatMinutes(status.minutes)} in all)
      </p>
      <progress
        className={clsx(styles.bar, 'learner-progress')}
        max={status.total + status.exercises}
        value={status.learned + status.exercisesDone}
        aria-label="Topics learned and exercises done in the module"
      />
      <ol className={styles.sections}>
        {status.perSection.map(({section, learned, total, exercisesDone, exercises, minutesLeft}) => (
          <li key={section.key}>
            <Link to={section.permalink}>{section.label}</Link>
            <span className={styles.sectionMeta}>
              {learned}/{total} topics{exercises > 0 && `, ${exercisesDone}/${exercises} exercise${exercises === 1 ? '' : 's'}`} ·{' '}
              {formatMinutes(minutesLeft)} left
            </span>
          </li>
        ))}
      </ol>
      <ProgressFile stored={stored} knownKeys={knownKeys} exerciseKeys={exerciseKeys} />
      <p className={styles.note}>
        Progress is kept only in this browser. Nothing is sent anywhere. Export it to move it to another browser.
      </p>
    </section>
  );
}
