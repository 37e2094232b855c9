import {describe, expect, it} from 'vitest';
import {formatDate} from './date';

const intl = new Intl.DateTimeFormat('en', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});

describe('formatDate', () => {
  it('matches Intl (en, UTC) on the first and last day of every month, 2024–2027', () => {
    for (let year = 2024; year <= 2027; year++) {
      for (let month = 0; month < 12; month++) {
        for (const day of [1, new Date(Date.UTC(year, month + 1, 0)).getUTCDate()]) {
          const at = Date.UTC(year, month, day, 23, 59);
          expect(formatDate(at)).toBe(intl.format(at));
        }
      }
    }
  });

  it('reads ISO strings in UTC, not local time', () => {
    expect(formatDate('2026-11-02T23:30:00Z')).toBe('Nov 2, 2026');
    expect(formatDate('2026-01-01T00:00:00.000Z')).toBe('Jan 1, 2026');
  });

  it('gives null for an invalid date instead of "undefined NaN, NaN"', () => {
    expect(formatDate('not a date')).toBeNull();
    expect(formatDate(Number.NaN)).toBeNull();
  });
});
