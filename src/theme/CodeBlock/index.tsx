import {useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {CODE_BLOCK_CLASS} from '@site/src/content/site';
import styles from './styles.module.css';

export interface Props {
  /** The fence's language (a Prism language id); none for plain text. */
  language?: string;
  /** The code as HTML, highlighted at build time by src/remark/codeBlocks.ts: Prism token spans, escaped text. */
  html?: string;
  /**
   * Plain code, shown as text, when something else renders a code block: theme-classic's MDX
   * `code` element does for a multi-line `<code>` that is not a fence.
   */
  children?: ReactNode;
  /** False leaves out the copy button (static copies such as the one-page edition). Default true. */
  copyable?: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

const STATUS: Record<CopyState, string> = {idle: '', copied: 'Copied', failed: 'Copy failed'};

/**
 * `@theme/CodeBlock` (swizzled by ejecting, which theme-classic marks safe): a code block
 * highlighted at build time. The token colours are CSS (generated from the Prism themes by
 * src/plugins/codeTheme.ts) and React hydrates one element instead of every token, with no Prism
 * in the browser. The copy button copies the code as text and announces the result.
 */
export default function CodeBlock({language, html, children, copyable = true}: Props): ReactNode {
  const pre = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(pre.current?.textContent ?? '').then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  const languageClass = language && `language-${language}`;
  return (
    <div className={clsx(CODE_BLOCK_CLASS, languageClass, styles.block)}>
      {/* Focusable so keyboard users can scroll long lines (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre ref={pre} tabIndex={0} className={clsx(languageClass, styles.pre)}>
        {html === undefined ? <code>{children}</code> : <code dangerouslySetInnerHTML={{__html: html}} />}
      </pre>
      {copyable && (
        <>
          <button type="button" className={clsx('clean-btn', styles.copy)} aria-label="Copy code" onClick={copy}>
            Copy
          </button>
          <span className={styles.status} aria-live="polite">
            {STATUS[state]}
          </span>
        </>
      )}
    </div>
  );
}
