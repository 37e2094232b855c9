import {createContext} from 'react';

/**
 * Set by pages whose content has no `<main>` of its own (the search plugin's page), so that
 * the Layout wrapper gives it one: every page then has exactly one main landmark.
 */
export const NeedsMainLandmark = createContext(false);
