/**
 * Links prefetch the chunks of the pages they point to when they scroll into view. The stock
 * prefetch does it in the IntersectionObserver callback: for the 15–20 links visible on first
 * load (navbar, sidebar, pager) that is one task of about 55 ms on a phone, in the middle of
 * hydration (docs-internal/performance.md). Here the same prefetches run one per idle slice.
 * Hover and touch still preload at once (`preload` is untouched).
 */
import type {ClientModule} from '@docusaurus/types';
import {createIdleQueue} from './idleQueue';

let installed = false;

const clientModule: ClientModule = {
  // Runs on the first render too, before any link has been seen by its IntersectionObserver.
  onRouteDidUpdate() {
    if (installed) return;
    installed = true;
    const stock = window.docusaurus;
    const queue = createIdleQueue<string>((routePath) => void stock.prefetch(routePath));
    // The stock object is frozen, so the global is replaced by one with the same API.
    window.docusaurus = Object.freeze({
      ...stock,
      prefetch(routePath: string) {
        queue(routePath);
        return false as const;
      },
    });
  },
};

export default clientModule;
