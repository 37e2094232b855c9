/**
 * Soft-dead links: the site answers 2xx, but not with the page that was cited. Pure heuristics over what the
 * probe saw (URLs, the redirect chain, the final page's title and main heading), each built to stay silent
 * when in doubt; their limits are listed in README.md beside this file.
 */

/** Title separators between a page's name and its site's name ("Page not found | Docker Docs"). */
const SEPARATOR = /\s+[|·•–—»:-]{1,2}\s+|\s+::\s+/;

/** Interjections that open many not-found texts ("Oops! That page can't be found."). */
const INTERJECTION = /^(?:(?:oops|whoops|sorry|uh[- ]oh|hmm+|ouch|yikes|darn|well)[\s!.,…]*)+/;

/** A status-code prefix or suffix: "404", "Error 404", "404 error:", "(404)". */
const STATUS_PREFIX = /^(?:(?:error|err)\s*)?404(?:\s*error)?\s*[:.,!]?\s*/;
const STATUS_SUFFIX = /\s*\((?:error\s*)?404\)$/;

const THING = '(?:page|file|document|resource|content|url|site|article|post|link)';
const SOUGHT = "(?: (?:you(?:'re| are| were)? )?(?:looking for|requested|trying to (?:reach|find|access)))?";
const CANNOT_BE = "(?:could not|couldn't|can't|cannot|can not)";
const CANNOT = "(?:could not|couldn't|can't|cannot|can not|were unable to|are unable to)";

/** What a not-found page says, as a whole segment of its title or heading (anchored at both ends). */
const NOT_FOUND_PHRASES = [
  new RegExp(`^(?:the |this |that )?(?:${THING} )?(?:was |is )?not found$`),
  new RegExp(`^(?:the |this |that )?${THING}${SOUGHT} ${CANNOT_BE} be found$`),
  new RegExp(`^(?:the |this |that )?${THING}${SOUGHT} (?:does not|doesn't|did not|didn't|no longer) exists?$`),
  new RegExp(`^(?:we |i )?${CANNOT} find (?:that|this|the|your|it|what you(?:'re| are| were) looking for)(?: ${THING})?$`),
  new RegExp(`^(?:there is |there's )?nothing (?:was )?found (?:here|at this (?:address|location|url))$`),
];

/**
 * Words that mark a page ABOUT not-found errors (a docs page on HTTP 404), so that its title is not taken for a
 * not-found page: "404 Not Found - HTTP | MDN".
 */
const ABOUT_THE_ERROR = /\b(?:https?|status(?: codes?)?|error codes?|errors|response codes?|how to|what is|fix(?:ing|es)?|troubleshoot\w*|handl(?:e|es|ing)|custom(?:i[sz](?:e|ing))?|configur\w+|redirects?)\b/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function segmentSaysNotFound(segment: string): boolean {
  // "Error 404 (Not Found)!!1" → "error 404 not found"
  let s = segment.replace(/!+1+$/, '').replace(/[\s.!…]+$/, '').replace(STATUS_SUFFIX, '').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(INTERJECTION, '').trim();
  const afterStatus = s.replace(STATUS_PREFIX, '').trim();
  if (afterStatus !== s && afterStatus === '') return true; // "404", "Error 404"
  s = afterStatus.replace(INTERJECTION, '').trim();
  return NOT_FOUND_PHRASES.some((re) => re.test(s));
}

/**
 * A title or heading that says "not found" as a whole segment ("Page not found | Docker Docs", "404",
 * "Oops! That page can’t be found."), and is not the title of a page about such errors.
 */
export function saysNotFound(text: string): boolean {
  const t = normalise(text);
  if (t === '' || ABOUT_THE_ERROR.test(t)) return false;
  return t.split(SEPARATOR).some(segmentSaysNotFound);
}

function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

const LANGUAGES = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'});

/**
 * `en`, `en-US`, `zh_cn`, `zh-Hans`: a two-letter language code, as sites put first in their paths (so `/ok/`,
 * `/go/`, `/js/` are not; three-letter codes are left out, as `/new/` and `/api/` would pass).
 */
function isLocale(segment: string): boolean {
  if (!/^[a-z]{2}(?:[-_][a-z0-9]{2,4})?$/.test(segment)) return false;
  try {
    return LANGUAGES.of(segment.replace('_', '-')) !== undefined;
  } catch {
    return false; // not a well-formed language tag
  }
}

const INDEX_FILE = /^(?:index|default|home|start)(?:\.[a-z]{2,5})?$/;

/** `/`, `/en/`, `/en-US/`, `/index.html`, `/home`, `/en/index.html`: the site's front page. */
export function isHomePath(url: URL): boolean {
  const parts = segments(url);
  if (parts.length === 0) return true;
  const [first = '', second] = parts;
  if (parts.length === 1) return isLocale(first) || INDEX_FILE.test(first);
  return parts.length === 2 && isLocale(first) && INDEX_FILE.test(second ?? '');
}

const LOGIN_SEGMENT = /^(?:log-?in|log_in|sign-?in|sign_in|log-?on|sign-?on|sso|saml|cas)(?:\.[a-z]{2,5})?$/;
const LOGIN_HOST_LABEL = /^(?:login|signin|sso|auth|accounts)$/;

/** A sign-in page: a path segment such as `login`/`signin`/`sso`, `oauth/authorize`, or a `login.`/`accounts.` host. */
export function isLoginUrl(url: URL): boolean {
  const parts = segments(url);
  if (parts.some((p) => LOGIN_SEGMENT.test(p))) return true;
  if (parts.some((p, i) => /^oauth2?$/.test(p) && parts[i + 1] === 'authorize')) return true;
  if (parts.some((p, i) => /^(?:users?|sessions?)$/.test(p) && parts[i + 1] === 'new')) return true;
  return LOGIN_HOST_LABEL.test(url.hostname.split('.')[0] ?? '');
}

const NOT_FOUND_SEGMENT = /^(?:404|410|not-?found|not_found|page-?not-?found|pagenotfound|error-?404|404-?error|errors?-?page-?404)(?:\.[a-z]{2,5})?$/;

/** A URL that names a not-found page: `/404`, `/404.html`, `/not-found`, `?404`, `?error=404`. */
export function isNotFoundUrl(url: URL): boolean {
  if (segments(url).some((p) => NOT_FOUND_SEGMENT.test(p))) return true;
  for (const [key, value] of url.searchParams) {
    if (key === '404' || (/^(?:error|err|code|status)$/i.test(key) && value === '404')) return true;
  }
  return false;
}

/** The cited URL itself is about not-found pages (`…/Status/404`, `…/http-404-errors`): its page may say "404 Not Found". */
function citesTheError(url: URL): boolean {
  return /(?:^|[^a-z0-9])404(?:[^0-9]|$)|not[-_ ]?found/i.test(decodeURIComponentSafe(url.pathname + url.search + url.hash));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The cited and the final URL, parsed; null if either is not a URL (the probe reports that elsewhere). */
function parsed(url: string, finalUrl: string): [cited: URL, final: URL] | null {
  try {
    return [new URL(url), new URL(finalUrl)];
  } catch {
    return null;
  }
}

export interface SoftDeadInput {
  /** The cited URL (with its fragment). */
  url: string;
  /** Where the redirects ended (2xx), or the cited URL when there was none. */
  finalUrl: string;
  redirected: boolean;
  page: {title: string | null; heading: string | null} | null;
  /** Where a made-up page next to the cited one ends up, when that was asked (see `siblingProbeUrl`). */
  unknownPageUrl: string | null;
}

/** Why a 2xx answer is not the cited page, or null when nothing says so. */
export function softDeadReason(input: SoftDeadInput): string | null {
  const pair = parsed(input.url, input.finalUrl);
  if (!pair) return null;
  const [cited, final] = pair;
  // A page about the error (MDN's "404 Not Found - HTTP | MDN", whose heading is just "404 Not Found") is cited for it.
  const aboutTheError = citesTheError(cited) || ABOUT_THE_ERROR.test(normalise(input.page?.title ?? ''));
  if (input.page && !aboutTheError) {
    const {title, heading} = input.page;
    if (title !== null && saysNotFound(title)) return `soft 404: the page's title says ${JSON.stringify(title)}`;
    if (heading !== null && saysNotFound(heading)) return `soft 404: the page's heading says ${JSON.stringify(heading)}`;
  }
  if (!input.redirected) return null;
  if (isNotFoundUrl(final) && !isNotFoundUrl(cited) && !aboutTheError) return `redirected to the site's not-found page (${final.href})`;
  if (isLoginUrl(final) && !isLoginUrl(cited)) return `redirected to a sign-in page (${final.origin}${final.pathname})`;
  if (isHomePath(final) && !isHomePath(cited)) return `deep link redirected to the site's home page (${final.href})`;
  if (input.unknownPageUrl !== null && sameAddress(input.unknownPageUrl, input.finalUrl)) {
    return `redirected where any unknown page of the site goes (${final.href}), not to a page of its own`;
  }
  return null;
}

function withoutFragment(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

function sameAddress(a: string, b: string): boolean {
  return withoutFragment(a) === withoutFragment(b);
}

/** The segment name used for made-up pages: recognisable in a site's logs, and never a real page. */
export const UNKNOWN_PAGE_NAME = 'check-links-no-such-page-404a7e';

/**
 * A made-up page in the same folder as the cited one, to learn where the site sends unknown pages: when a
 * redirected link ends where this one ends, the redirect is the site's catch-all, not a move. Null when the
 * cited URL is not a deep link or was not redirected to another path.
 */
export function siblingProbeUrl(url: string, finalUrl: string): string | null {
  const pair = parsed(url, finalUrl);
  if (!pair) return null;
  const [cited, final] = pair;
  if (isHomePath(cited)) return null;
  const trim = (p: string): string => p.replace(/\/+$/, '');
  if (cited.origin === final.origin && trim(cited.pathname) === trim(final.pathname)) return null; // slash or query only
  const folder = cited.pathname.replace(/\/+$/, '').replace(/[^/]*$/, '');
  return `${cited.origin}${folder}${UNKNOWN_PAGE_NAME}`;
}

/**
 * `/docs/guide/intro` → `/docs/guide/`: a redirect up to one of the cited page's own parents. The parent is a real
 * page, but not necessarily the one cited: `--fix` leaves such links to a person.
 */
export function isRedirectToParent(url: string, finalUrl: string): boolean {
  const pair = parsed(url, finalUrl);
  if (!pair) return false;
  const [cited, final] = pair;
  const from = segments(cited);
  const to = segments(final);
  const sameSite = cited.hostname.replace(/^www\./, '') === final.hostname.replace(/^www\./, '');
  return sameSite && to.length > 0 && to.length < from.length && to.every((s, i) => s === from[i]);
}
