import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {NEXT_MODULE} from '@site/src/content/site';
import styles from './styles.module.css';

export interface Props {
  /** Defaults to the next module configured in src/content/site.ts. */
  next?: {title: string; summary: string; url?: string};
}

/** The module's closing pointer. Without a configured URL it names the next module and links nowhere. */
export default function WhatsNext({next = NEXT_MODULE}: Props): ReactNode {
  return (
    <aside className={styles.next} aria-label="What's next">
      <p className={styles.kicker}>What&apos;s next</p>
      <p className={styles.title}>{next.url ? <Link to={next.url}>{next.title}</Link> : next.title}</p>
      <p className={styles.summary}>{next.summary}</p>
      {!next.url && <p className={styles.pending}>That module is published separately and is not part of this site yet.</p>}
    </aside>
  );
}
