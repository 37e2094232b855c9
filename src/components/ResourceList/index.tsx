import type {ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface Props {
  /** `ResourceCard`s. */
  children: ReactNode;
  className?: string;
}

/** A topic's resources as a list of cards (from a Markdown "Resources" list, or written in MDX). */
export default function ResourceList({children, className}: Props): ReactNode {
  return <ul className={clsx(styles.list, className)}>{children}</ul>;
}
