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
