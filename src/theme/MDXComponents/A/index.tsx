import type {ReactNode} from 'react';
import A from '@theme-original/MDXComponents/A';
import type AType from '@theme/MDXComponents/A';
import type {WrapperProps} from '@docusaurus/types';
import isInternalUrl from '@docusaurus/isInternalUrl';
import IconExternalLink from '@theme/Icon/ExternalLink';

type Props = WrapperProps<typeof AType>;

/**
 * A link in a page's prose. Docusaurus opens external links in a new tab; this says so, as the
 * resource cards do: the theme's external-link icon, and the words for screen readers.
 */
export default function AWrapper(props: Props): ReactNode {
  const external = typeof props.href === 'string' && /^https?:\/\//.test(props.href) && !isInternalUrl(props.href);
  if (!external) return <A {...props} />;
  return (
    <A {...props}>
      {props.children}
      <IconExternalLink />
      <span className="sr-only"> (external site, opens in a new tab)</span>
    </A>
  );
}
