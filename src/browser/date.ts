/**
 * Dates as the site shows them ("Nov 2, 2026", UTC), without Intl. The first Intl.DateTimeFormat a
 * page builds loads ICU data: 45–105 ms of main thread on a phone-class CPU during hydration, for
 * one short string. English month names are all this English-only site needs; the unit test holds
 * the output to Intl's ('en', day numeric, month short, year numeric, UTC).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A timestamp (ms) or ISO string → "Nov 2, 2026"; null for an invalid date. */
export function formatDate(value: number | string): string | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}
