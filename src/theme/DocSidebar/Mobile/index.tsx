/**
 * The docs sidebar of the mobile drawer, mounted when the drawer first opens instead of during
 * hydration. The stock component registers itself with the navbar on mount, and that registration
 * sorts its props with localeCompare: the page's first collation loads ICU data, about 25 ms of
 * main thread on a phone for a drawer most readers never open (docs-internal/performance.md).
 * The drawer shows the docs sidebar first, as before: the theme selects the secondary menu as
 * soon as its content appears.
 */
import {useState, type ReactNode} from 'react';
import {useNavbarMobileSidebar} from '@docusaurus/theme-common/internal';
import OriginalDocSidebarMobile from '@theme-original/DocSidebar/Mobile';
import type {Props} from '@theme/DocSidebar/Mobile';

export default function DocSidebarMobile(props: Props): ReactNode {
  const {shown} = useNavbarMobileSidebar();
  const [opened, setOpened] = useState(false);
  if (shown && !opened) setOpened(true);
  return shown || opened ? <OriginalDocSidebarMobile {...props} /> : null;
}
