/** English month abbreviations, as the listings print them. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A listing date such as `Jun 11, 2024` or `Mar 6`, optionally followed by a count. */
export const LISTING_DATE =
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** What a printed date becomes: an ISO date when a year is known, the printed text otherwise. */
export type ParsedDate = { date: string } | { dateText: string };

/**
 * Reads a listing date. A date without a year stays text unless `year` is given: the listings
 * omit the year for the current year, which the dump itself does not record.
 * Returns undefined for text that is not a date or not a real day (`Feb 30`).
 */
export function parseListingDate(text: string, year?: number): ParsedDate | undefined {
  const match = LISTING_DATE.exec(text);
  if (!match) return undefined;
  const [, monthName = '', dayText = '', yearText] = match;
  const month = MONTHS.indexOf(monthName) + 1;
  const day = Number(dayText);
  const fullYear = yearText === undefined ? year : Number(yearText);
  if (fullYear === undefined) {
    return isRealDay(2024, month, day) ? { dateText: `${monthName} ${day}` } : undefined;
  }
  if (!isRealDay(fullYear, month, day)) return undefined;
  return { date: `${fullYear}-${pad(month)}-${pad(day)}` };
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
