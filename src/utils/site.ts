/**
 * Facts about where the site lives, in one place. The deploy workflow sets SITE_URL and
 * BASE_URL from GitHub Pages; locally the defaults serve the site at the root.
 */
export const REPOSITORY = {
  owner: 'devops-curriculum',
  name: 'containerization-orchestration',
  branch: 'main',
} as const;

export const REPOSITORY_URL = `https://github.com/${REPOSITORY.owner}/${REPOSITORY.name}`;

export const EDIT_URL = `${REPOSITORY_URL}/edit/${REPOSITORY.branch}/`;

export const BROKEN_LINK_REPORT_URL = `${REPOSITORY_URL}/issues/new?template=broken-link.yml`;

// This module is also bundled for the browser (WhatsNext, NotFound), where `process` does not exist.
const env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env;

export const SITE_URL = env.SITE_URL ?? `https://${REPOSITORY.owner}.github.io`;

export const BASE_URL = env.BASE_URL ?? '/';

/**
 * The module that follows this one. Leave `url` undefined until that site exists:
 * the closing "What's next" block then names the module without a dead link.
 */
export const NEXT_MODULE: {title: string; summary: string; url?: string} = {
  title: 'Module 5: Monitoring, Security, and Advanced Practices',
  summary: 'Observability, DevSecOps and Site Reliability Engineering, built on the platform you can now run.',
};
