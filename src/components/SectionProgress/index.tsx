import type {ReactNode} from 'react';
import clsx from 'clsx';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import {useProgress} from '@site/src/browser/progress';
import {countText, formatMinutes, sectionStatus} from '@site/src/browser/studyTime';
import styles from './styles.module.css';

export interface Props {
  /** Section key, the doc id without its number prefix (added by src/remark/sectionPage.ts). */
  section: string;
}

/**
 * The section's study time (from its frontmatter) and how many of its topics and exercises the
 * learner has marked. The server renders "0 of N": the same box, so nothing moves on load.
 */
export default function SectionProgress({section: key}: Props): ReactNode {
  const {sections} = useSectionIndex();
  const {progress} = useProgress();
  const section = sections.find((s) => s.key === key);
  if (!section) return null;
  const {learned, total, exercisesDone, exercises} = sectionStatus(section, progress);
  return (
    <div className={styles.summary} data-testid="section-progress">
      <span className={styles.time}>
        <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        About {formatMinutes(section.minutes)} of study
      </span>
      <span className={styles.progress}>
        <progress
          className={clsx(styles.bar, 'learner-progress')}
          max={total + exercises}
          value={learned + exercisesDone}
          aria-hidden="true"
        />
        <span className={styles.count}>
          {countText(learned, total, 'topic')}
          {exercises > 0 && ` · ${countText(exercisesDone, exercises, 'exercise')}`}
        </span>
      </span>
    </div>
  );
}
