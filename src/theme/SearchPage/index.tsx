import type {ReactNode} from 'react';
import SearchPage from '@theme-original/SearchPage';
import {NeedsMainLandmark} from '@site/src/browser/mainLandmark';

// The search plugin renders its results without a <main> landmark; the layout wrapper adds it.
export default function SearchPageWrapper(): ReactNode {
  return (
    <NeedsMainLandmark.Provider value>
      <SearchPage />
    </NeedsMainLandmark.Provider>
  );
}
