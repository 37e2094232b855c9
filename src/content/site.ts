/**
 * Facts about the site that both the config and the browser code use, in one place.
 * Nothing here may read `process`: components import this module into the browser bundle.
 */
export const REPOSITORY = {
  owner: 'devops-curriculum',
  name: 'containerization-orchestration',
  branch: 'main',
} as const;

export const REPOSITORY_URL = `https://github.com/${REPOSITORY.owner}/${REPOSITORY.name}`;

export const EDIT_URL = `${REPOSITORY_URL}/edit/${REPOSITORY.branch}/`;

export const BROKEN_LINK_REPORT_URL = `${REPOSITORY_URL}/issues/new?template=broken-link.yml`;

/**
 * The module that follows this one. Leave `url` undefined until that site exists:
 * the closing "What's next" block then names the module without a dead link.
 */
export const NEXT_MODULE: {title: string; summary: string; url?: string} = {
  title: 'Module 5: Monitoring, Security, and Advanced Practices',
  summary: 'Observability, DevSecOps and Site Reliability Engineering, built on the platform you can now run.',
};

/**
 * The attribute on the page template's loader script that lists the scripts it loads after the
 * first paint (space-separated). Written by src/node/ssrTemplate.ts; read by scripts/perf/assets.ts.
 */
export const AFTER_PAINT_ATTRIBUTE = 'data-load-after-paint';

/**
 * The code block's global class: Docusaurus' own name for code blocks
 * (ThemeClassNames.common.codeBlock). The component sets it; src/plugins/codeTheme.ts scopes the
 * token colours to it.
 */
export const CODE_BLOCK_CLASS = 'theme-code-block';

/**
 * Set on `<html>` once React has hydrated the page (src/theme/Layout): the site's own signal, so
 * the browser tests and the budget's cross-check wait for it (scripts/common/hydration.ts)
 * instead of for a detail of the theme's markup.
 */
export const HYDRATED_ATTRIBUTE = 'data-site-hydrated';

/**
 * How long after the load event the service worker registers, and so starts copying the site for
 * offline use (src/clientModules/registerServiceWorkerLater.ts; the offline browser test holds it).
 */
export const OFFLINE_COPY_DELAY_MS = 5000;
