import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {useModuleOutline} from '@site/src/browser/useModuleOutline';
import {useProgress} from '@site/src/browser/progress';
import {formatMinutes, moduleStatus} from '@site/src/browser/studyTime';
import ProgressFile from './ProgressFile';
import styles from './styles.module.css';

/** The whole module at a glance: topics learned, study time left, and each section's share. */
export default function ModuleProgress(): ReactNode {
  const {sections} = useModuleOutline();
  const {progress} = useProgress();
  const status = moduleStatus(sections, progress);
  const knownTopics = new Set(sections.flatMap((s) => s.topics.map((t) => t.key)));
  return (
    <section className={styles.panel} aria-labelledby="module-progress-title">
      <h2 id="module-progress-title" className={styles.title}>
        Your progress
      </h2>
      <p className={styles.summary}>
        <strong>
          {status.learned} of {status.total} topics learned
        </strong>{' '}
        · {formatMinutes(status.minutesLeft)} of study left (of {formatMinutes(status.minutes)} in all)
      </p>
      <progress className={clsx(styles.bar, 'learner-progress')} max={status.total} value={status.learned} aria-label="Topics learned in the module" />
      <ol className={styles.sections}>
        {status.perSection.map(({section, learned, total, minutesLeft}) => (
          <li key={section.key}>
            <Link to={section.permalink}>{section.label}</Link>
            <span className={styles.sectionMeta}>
              {learned}/{total} · {formatMinutes(minutesLeft)} left
            </span>
          </li>
        ))}
      </ol>
      <ProgressFile progress={progress} knownTopics={knownTopics} />
      <p className={styles.note}>
        Progress is kept only in this browser. Nothing is sent anywhere. Export it to move it to another browser.
      </p>
    </section>
  );
}
