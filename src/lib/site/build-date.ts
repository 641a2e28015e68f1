import { todayIso } from '../paper/dates.ts';

/**
 * The date a build states in `papers.json`. SOURCE_DATE_EPOCH (the reproducible-builds
 * convention) fixes it; otherwise it is today's date, to the day, so two builds of the same
 * content on the same day give the same bytes.
 */
export function buildDate(
  env: Readonly<Record<string, string | undefined>>,
  now: Date = new Date(),
): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return todayIso(date);
}
