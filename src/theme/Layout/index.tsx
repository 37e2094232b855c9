import {useContext, useEffect, type ReactNode} from 'react';
import Layout from '@theme-original/Layout';
import type LayoutType from '@theme/Layout';
import type {WrapperProps} from '@docusaurus/types';
import {NeedsMainLandmark} from '@site/src/browser/mainLandmark';
import {HYDRATED_ATTRIBUTE} from '@site/src/content/site';

type Props = WrapperProps<typeof LayoutType>;

/**
 * Adds a main landmark around pages that lack one (see NeedsMainLandmark), and marks `<html>` once
 * the page has hydrated: effects run only after React has committed the whole page.
 */
export default function LayoutWrapper({children, ...props}: Props): ReactNode {
  const needsMain = useContext(NeedsMainLandmark);
  useEffect(() => document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, 'true'), []);
  return <Layout {...props}>{needsMain ? <main>{children}</main> : children}</Layout>;
}
