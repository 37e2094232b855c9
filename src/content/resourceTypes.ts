/**
 * The type badge of a resource card comes from where the link points, so authors
 * never write it. The first rule that matches wins: put specific paths before hosts.
 */
export const RESOURCE_TYPES = {
  official: 'Official docs',
  guide: 'Guide',
  tool: 'Tool or project',
  spec: 'Specification',
  article: 'Article',
} as const;

export type ResourceType = keyof typeof RESOURCE_TYPES;

interface TypeRule {
  /** Host without `www.`; also matches its subdomains. */
  host: string;
  /** Optional path prefix, e.g. `/blog/`. */
  path?: string;
  type: ResourceType;
}

export const RESOURCE_TYPE_RULES: readonly TypeRule[] = [
  {host: 'github.com', path: '/kelseyhightower/kubernetes-the-hard-way', type: 'guide'},
  {host: 'github.com', path: '/cncf/toc/blob/main/DEFINITION.md', type: 'spec'},
  {host: 'github.com', path: '/service-mesh-performance/', type: 'spec'},
  {host: 'github.com', type: 'tool'},
  {host: 'kubernetes.io', path: '/blog/', type: 'article'},
  {host: 'kubernetes.io', type: 'official'},
  {host: 'k8s.io', type: 'official'},
  {host: 'sigs.k8s.io', type: 'official'},
  {host: 'csrc.nist.gov', type: 'spec'},
  {host: 'cisecurity.org', type: 'spec'},
  {host: 'serverlessworkflow.io', type: 'spec'},
  {host: 'opengitops.dev', type: 'spec'},
  {host: 'glossary.cncf.io', type: 'guide'},
  {host: 'maturitymodel.cncf.io', type: 'guide'},
  {host: 'landscape.cncf.io', type: 'tool'},
  {host: 'cncf.io', path: '/blog/', type: 'article'},
  {host: 'redhat.com', type: 'article'},
  {host: 'microservices.io', type: 'guide'},
  {host: 'k8spatterns.com', type: 'guide'},
  {host: 'servicemesh.es', type: 'tool'},
  {host: 'attic.apache.org', type: 'official'},
];

/** Hosts not listed above are projects' own documentation sites, the common case in this module. */
export const DEFAULT_RESOURCE_TYPE: ResourceType = 'official';

export function resourceTypeFor(url: URL): ResourceType {
  const host = url.hostname.replace(/^www\./, '');
  const rule = RESOURCE_TYPE_RULES.find(
    (r) => (host === r.host || host.endsWith(`.${r.host}`)) && (r.path === undefined || url.pathname.startsWith(r.path)),
  );
  return rule?.type ?? DEFAULT_RESOURCE_TYPE;
}
