/**
 * The link checker's verdicts and the link-health data file, defined once: the checker writes
 * them (scripts/links/), the build reads them (src/node/linkHealth.ts → the resource cards).
 */

/**
 * Listed worst first: the order of the checker's report. `soft-dead`: the site answers 2xx, but with a
 * not-found page, its home page or a sign-in page instead of the cited one (scripts/links/README.md).
 */
export const LINK_VERDICTS = ['broken', 'soft-dead', 'redirected', 'unverified', 'skipped', 'ok'] as const;

export type LinkVerdict = (typeof LINK_VERDICTS)[number];

/** What the last link check saw for one URL. */
export interface LinkHealthEntry {
  verdict: LinkVerdict;
  status: number | null;
  finalUrl: string | null;
  checkedAt: string;
}

/** The data file `src/data/link-health.json`: URL as written in the Markdown → its entry. */
export interface LinkHealthFile {
  generatedAt: string | null;
  links: Record<string, LinkHealthEntry>;
}

export type LinkHealthMap = ReadonlyMap<string, LinkHealthEntry>;

const VERDICT_SET: ReadonlySet<string> = new Set(LINK_VERDICTS);

export function isLinkVerdict(value: unknown): value is LinkVerdict {
  return typeof value === 'string' && VERDICT_SET.has(value);
}

function isLinkHealthEntry(value: unknown): value is LinkHealthEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isLinkVerdict(v.verdict) &&
    typeof v.checkedAt === 'string' &&
    !Number.isNaN(Date.parse(v.checkedAt)) &&
    (v.status === null || typeof v.status === 'number') &&
    (v.finalUrl === null || typeof v.finalUrl === 'string')
  );
}

/** Reads the data file's text; anything malformed is an error that names the file and, for an entry, the URL. */
export function parseLinkHealth(text: string, file: string): LinkHealthMap {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const links = (data as {links?: unknown} | null)?.links ?? {};
  if (typeof links !== 'object' || links === null || Array.isArray(links)) {
    throw new Error(`${file}: "links" must be an object of URL → {verdict, status, finalUrl, checkedAt}`);
  }
  const map = new Map<string, LinkHealthEntry>();
  for (const [url, entry] of Object.entries(links)) {
    if (!isLinkHealthEntry(entry)) {
      throw new Error(`${file}: the entry for ${url} is not {verdict, status, finalUrl, checkedAt}`);
    }
    map.set(url, entry);
  }
  return map;
}
