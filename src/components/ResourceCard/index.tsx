import type {ReactNode} from 'react';
import clsx from 'clsx';
import {formatDate} from '@site/src/browser/date';
import type {LinkVerdict} from '@site/src/content/linkHealth';
import {RESOURCE_TYPES, resourceTypeFor, type ResourceType} from '@site/src/content/resourceTypes';
import styles from './styles.module.css';

export interface Props {
  href: string;
  title: string;
  /** Defaults to the type the link's site maps to (src/content/resourceTypes.ts). */
  type?: ResourceType;
  /** The description. */
  children?: ReactNode;
  /** From the last scheduled link check, when there was one. */
  healthVerdict?: LinkVerdict;
  healthCheckedAt?: string;
  healthFinalUrl?: string;
}

function HealthNote({verdict, checkedAt, finalUrl}: {verdict: Props['healthVerdict']; checkedAt?: string; finalUrl?: string}) {
  const date = checkedAt ? formatDate(checkedAt) : null;
  if (!verdict || !date) return null;
  if (verdict === 'broken') {
    return <p className={clsx(styles.health, styles.healthBroken)}>Link reported broken on {date}: it may be down or moved.</p>;
  }
  if (verdict === 'soft-dead') {
    return (
      <p className={clsx(styles.health, styles.healthBroken)}>
        Link reported dead on {date}: the site now shows a not-found, home or sign-in page instead.
      </p>
    );
  }
  if (verdict === 'redirected' && finalUrl) {
    return (
      <p className={clsx(styles.health, styles.healthMoved)}>
        Moved (checked {date}): now at <a href={finalUrl} rel="noopener noreferrer">{new URL(finalUrl).hostname}</a>.
      </p>
    );
  }
  if (verdict === 'ok') {
    return <p className={styles.health}>Link verified {date}</p>;
  }
  return null;
}

/** One external resource: its title as the link, what it is, where it lives, and its type. */
export default function ResourceCard({href, title, type, children, healthVerdict, healthCheckedAt, healthFinalUrl}: Props): ReactNode {
  const url = new URL(href);
  const resourceType = type ?? resourceTypeFor(url);
  const site = url.hostname.replace(/^www\./, '');
  return (
    <li className={clsx('card', styles.card, (healthVerdict === 'broken' || healthVerdict === 'soft-dead') && styles.cardBroken)}>
      <div className={styles.meta}>
        <span className={clsx(styles.badge, styles[`badge_${resourceType}`])}>{RESOURCE_TYPES[resourceType]}</span>
        <span className={styles.site}>{site}</span>
      </div>
      <a className={styles.title} href={href} target="_blank" rel="noopener noreferrer">
        {title}
        <svg className={styles.externalIcon} aria-hidden="true" viewBox="0 0 24 24" width="14" height="14">
          <path fill="currentColor" d="M14 3h7v7h-2V6.41l-9.29 9.3-1.42-1.42 9.3-9.29H14V3zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z" />
        </svg>
        <span className="sr-only"> (external site, opens in a new tab)</span>
      </a>
      <div className={styles.description}>{children}</div>
      <HealthNote verdict={healthVerdict} checkedAt={healthCheckedAt} finalUrl={healthFinalUrl} />
    </li>
  );
}
