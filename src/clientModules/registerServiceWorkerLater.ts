/**
 * The PWA plugin's `swRegister` client module (docusaurus.config.ts). The stock one registers the
 * service worker as soon as `main.js` runs, and with `offlineModeActivationStrategies: ['always']`
 * the new worker then precaches the whole site (about 3 MB, search index included) while the page
 * is hydrating, on the same connection and CPU the reader's first clicks need. Measured on a
 * section page (Lighthouse mobile, docs-internal/performance.md): registering at once costs about
 * 300 ms of blocking time. Here the stock module is imported, and so registers, a few seconds
 * after the page has loaded, when the main thread is idle. A reader who leaves sooner gets the
 * offline copy on their next visit.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {OFFLINE_COPY_DELAY_MS} from '@site/src/content/site';
import {scheduleIdle} from './idleQueue';

if (ExecutionEnvironment.canUseDOM && 'serviceWorker' in navigator) {
  const registerLater = () =>
    setTimeout(
      () => scheduleIdle(() => void import('@docusaurus/plugin-pwa/lib/registerSw.js')),
      OFFLINE_COPY_DELAY_MS,
    );
  if (document.readyState === 'complete') registerLater();
  else window.addEventListener('load', registerLater, {once: true});
}
