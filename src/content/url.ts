/**
 * The key two resource URLs are compared by: the same page written with or without
 * `https://`, `www.`, a trailing slash or a `#fragment` gives the same key.
 * The query string is kept, because it can select a different page.
 */
export function normaliseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const defaultPort = url.port === '' || url.port === '80' || url.port === '443';
  const port = defaultPort ? '' : `:${url.port}`;
  const pathname = url.pathname.replace(/\/+$/, '');
  return `${host}${port}${pathname}${url.search}`;
}

/** Hosts that only exist on the reader's own machine, where `http://` is expected. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\])$/i;

/** True for an external `http://` URL that should be `https://`. Loopback addresses are allowed. */
export function isInsecureHttpUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return false;
  }
  return url.protocol === 'http:' && !LOOPBACK.test(url.hostname);
}
