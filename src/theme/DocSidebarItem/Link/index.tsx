import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {ThemeClassNames} from '@docusaurus/theme-common';
import {isActiveSidebarItem} from '@docusaurus/plugin-content-docs/client';
import OriginalLink from '@theme-original/DocSidebarItem/Link';
import type {Props} from '@theme/DocSidebarItem/Link';
import {useSectionIndex} from '@site/src/browser/useSectionIndex';
import type {IndexedSection} from '@site/src/content/sectionIndex';
import {useProgress} from '@site/src/browser/progress';
import {countText, sectionStatus} from '@site/src/browser/studyTime';
import styles from './styles.module.css';

/**
 * "1/4": topics learned plus exercises done, of both. Filled only in the browser; the server
 * renders the same box empty, so nothing shifts.
 */
function ProgressBadge({section}: {section: IndexedSection}): ReactNode {
  const isBrowser = useIsBrowser();
  const {progress} = useProgress();
  const {learned, total, exercisesDone, exercises} = sectionStatus(section, progress);
  if (!isBrowser) return <span className={styles.badge} aria-hidden="true" />;
  const done = learned + exercisesDone;
  const all = total + exercises;
  const label = exercises > 0 ? `${countText(learned, total, 'topic')}, ${countText(exercisesDone, exercises, 'exercise')}` : countText(learned, total, 'topic');
  return (
    <span className={clsx(styles.badge, done === all && all > 0 && styles.done)} data-testid="sidebar-progress" role="img" aria-label={label}>
      {done}/{all}
    </span>
  );
}

/**
 * Section links get a progress badge; every other sidebar link is the theme's own.
 * The label keeps the theme's two-line clamp; the badge sits at the end of the link.
 */
export default function DocSidebarItemLink(props: Props): ReactNode {
  const {item, onItemClick, activePath, level, index: _index, ...rest} = props;
  const {sections} = useSectionIndex();
  const section = item.docId === undefined ? undefined : sections.find((s) => s.key === item.docId);
  if (!section) return <OriginalLink {...props} />;
  const isActive = isActiveSidebarItem(item, activePath);
  return (
    <li
      className={clsx(
        ThemeClassNames.docs.docSidebarItemLink,
        ThemeClassNames.docs.docSidebarItemLinkLevel(level),
        'menu__list-item',
        item.className,
      )}
    >
      <Link
        className={clsx('menu__link', styles.link, isActive && 'menu__link--active')}
        aria-current={isActive ? 'page' : undefined}
        autoAddBaseUrl={item.autoAddBaseUrl}
        to={item.href}
        onClick={onItemClick ? () => onItemClick(item) : undefined}
        {...rest}
      >
        <span className={styles.label}>{item.label}</span>
        <ProgressBadge section={section} />
      </Link>
    </li>
  );
}
