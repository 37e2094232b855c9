import {useContext, type ReactNode} from 'react';
import Layout from '@theme-original/Layout';
import type LayoutType from '@theme/Layout';
import type {WrapperProps} from '@docusaurus/types';
import {NeedsMainLandmark} from '@site/src/browser/mainLandmark';

type Props = WrapperProps<typeof LayoutType>;

/** Adds a main landmark around pages that lack one (see NeedsMainLandmark). */
export default function LayoutWrapper({children, ...props}: Props): ReactNode {
  const needsMain = useContext(NeedsMainLandmark);
  return <Layout {...props}>{needsMain ? <main>{children}</main> : children}</Layout>;
}
