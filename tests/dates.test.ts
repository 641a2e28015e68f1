/** Listing dates as they become a paper's `date` or `dateText`. */
import { describe, expect, it } from 'vitest';
import { parseListingDate, todayIso } from '../src/lib/paper/dates.ts';

describe('parseListingDate', () => {
  it('reads a date printed with a year as an ISO date', () => {
    expect(parseListingDate('Jun 11, 2024')).toEqual({ date: '2024-06-11' });
    expect(parseListingDate('Nov 2, 2023')).toEqual({ date: '2023-11-02' });
  });

  it('keeps a date printed without a year as text, never guessing the year', () => {
    expect(parseListingDate('Mar 6')).toEqual({ dateText: 'Mar 6' });
    expect(parseListingDate('Dec 31')).toEqual({ dateText: 'Dec 31' });
  });

  it('dates a date printed without a year in the year given by --year', () => {
    expect(parseListingDate('Mar 6', 2025)).toEqual({ date: '2025-03-06' });
  });

  it('lets a printed year win over the --year option', () => {
    expect(parseListingDate('Jun 11, 2024', 2025)).toEqual({ date: '2024-06-11' });
  });

  it('accepts Feb 29 only in leap years', () => {
    expect(parseListingDate('Feb 29, 2024')).toEqual({ date: '2024-02-29' });
    expect(parseListingDate('Feb 29, 2000')).toEqual({ date: '2000-02-29' });
    expect(parseListingDate('Feb 29, 2023')).toBeUndefined();
    expect(parseListingDate('Feb 29, 1900')).toBeUndefined();
  });

  it('keeps a yearless Feb 29 as text, and checks it against the --year given', () => {
    expect(parseListingDate('Feb 29')).toEqual({ dateText: 'Feb 29' });
    expect(parseListingDate('Feb 29', 2028)).toEqual({ date: '2028-02-29' });
    expect(parseListingDate('Feb 29', 2025)).toBeUndefined();
  });

  it('rejects days that do not exist', () => {
    expect(parseListingDate('Feb 30, 2024')).toBeUndefined();
    expect(parseListingDate('Apr 31, 2024')).toBeUndefined();
    expect(parseListingDate('Jun 0, 2024')).toBeUndefined();
    expect(parseListingDate('Feb 30')).toBeUndefined();
  });

  it('rejects text that is not written the way the listings print dates', () => {
    for (const text of [
      'June 11, 2024',
      '11 Jun 2024',
      'Jun 11 2024',
      '2024-06-11',
      'jun 11, 2024',
      '',
    ]) {
      expect(parseListingDate(text), text).toBeUndefined();
    }
  });
});

describe('todayIso', () => {
  it('gives the UTC calendar day, so `added` does not depend on the time zone', () => {
    expect(todayIso(new Date('2026-11-22T23:59:59.999Z'))).toBe('2026-11-22');
    expect(todayIso(new Date('2026-11-23T00:00:00+01:00'))).toBe('2026-11-22');
  });
});
