import {REPOSITORY} from '../content/site';

/**
 * Where the build is deployed: the deploy workflow sets SITE_URL and BASE_URL from GitHub Pages;
 * locally the defaults serve the site at the root. Read by docusaurus.config.ts only (Node side).
 */
export const SITE_URL = process.env.SITE_URL ?? `https://${REPOSITORY.owner}.github.io`;

export const BASE_URL = process.env.BASE_URL ?? '/';
