import type {ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface Props {
  /** The text alternative: everything the diagram shows, in words. */
  alt: string;
  caption?: string;
  /** SVG markup inlined at build time from docs/diagrams (see src/remark/diagrams.ts). */
  svg: string;
}

/** A build-time SVG diagram, themed by CSS (src/css/diagrams.css) so no diagram library is loaded. */
export default function Diagram({alt, caption, svg}: Props): ReactNode {
  return (
    <figure className={clsx('diagram', styles.figure)}>
      <div role="img" aria-label={alt} className={styles.drawing} dangerouslySetInnerHTML={{__html: svg}} />
      {caption && <figcaption className={styles.caption}>{caption}</figcaption>}
    </figure>
  );
}
