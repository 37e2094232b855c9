import type {ReactNode} from 'react';
import clsx from 'clsx';
import Heading from '@theme/Heading';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import {formatMinutes, moduleTotals} from '@site/src/browser/studyTime';
import styles from './styles.module.css';

export interface Props {
  /** `hero` on the homepage's coloured banner; `plain` on the page's own background. */
  variant: 'hero' | 'plain';
  /** Named after the module in the kicker, e.g. "One-page edition". */
  edition?: string;
  /** What the page offers, before the module's figures. */
  lead: ReactNode;
  /** After the figures, in the same paragraph. */
  after?: ReactNode;
  className?: string;
}

/** The module's name and size, as the homepage and the one-page edition open with them. */
export default function ModuleSummary({variant, edition, lead, after, className}: Props): ReactNode {
  const {sections} = useSectionIndex();
  const {topics, exercises, minutes} = moduleTotals(sections);
  return (
    <div className={clsx(styles[variant], className)}>
      <p className={styles.kicker}>DevOps engineering curriculum · Module 4{edition ? ` · ${edition}` : ''}</p>
      <Heading as="h1" className={styles.title}>
        Containerization and Orchestration
      </Heading>
      <p className={styles.lead}>
        {lead} {sections.length} sections, {topics} topics, {exercises} hands-on exercises, about{' '}
        {formatMinutes(minutes)} of study.{after ? <> {after}</> : null}
      </p>
    </div>
  );
}
