import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type {Props} from '@theme/NotFound/Content';
import {BROKEN_LINK_REPORT_URL} from '@site/src/content/site';

/** A 404 that helps: back to the module, to search, or report the link that led here. */
export default function NotFoundContent({className}: Props): ReactNode {
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className="row">
        <div className="col col--6 col--offset-3">
          <Heading as="h1">This page is not in the module</Heading>
          <p>The address may be mistyped, or the page may have moved when the module was reorganised.</p>
          <ul>
            <li>
              <Link to="/docs">Go to the module overview</Link> and pick a section.
            </li>
            <li>Use the search box at the top of the page to find a topic.</li>
            <li>
              If a link on this site brought you here, <Link href={BROKEN_LINK_REPORT_URL}>report the broken link</Link>.
            </li>
          </ul>
        </div>
      </div>
    </main>
  );
}
