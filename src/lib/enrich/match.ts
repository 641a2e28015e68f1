/**
 * The acceptance rule: when a record a source returns is taken to be our paper.
 *
 * A record is accepted only when its title has the same `titleMatchKey` as ours and, where both
 * sides know them, the author count and the year agree. Anything weaker is at most a candidate
 * for a person to review, never written into a paper. Two records that both pass name two
 * different works with our title (or one source listing the same work twice): which one is ours
 * cannot be told, so both are reported and neither is written.
 */
import { plural } from '../paper/words.ts';
import { titleMatchKey, titleSimilarity } from './title.ts';

/** What we know of our paper. */
export interface OurPaper {
  title: string;
  authorCount?: number | undefined;
  year?: number | undefined;
}

/** What a source says of a record; `id` tells records apart (an arXiv id, an OpenAlex id). */
export interface FoundRecord {
  id: string;
  title: string;
  authorCount?: number | undefined;
  year?: number | undefined;
}

export interface MatchOptions {
  /**
   * How many years later than ours a record's year may be. 0 for arXiv and the Hugging Face index,
   * which date the preprint as the listings do; 1 for a published version, which often appears
   * in the year after its preprint.
   */
  laterYears?: number;
  /** The least word overlap (`titleSimilarity`) that makes a rejected record worth reviewing. */
  minSimilarity?: number;
}

/** Why `found` is not our paper; empty when it is. */
export function mismatches(
  ours: OurPaper,
  found: FoundRecord,
  options: MatchOptions = {},
): string[] {
  const reasons: string[] = [];
  if (titleMatchKey(found.title) !== titleMatchKey(ours.title)) reasons.push('the title differs');
  if (
    ours.authorCount !== undefined &&
    found.authorCount !== undefined &&
    found.authorCount !== ours.authorCount
  ) {
    reasons.push(
      `it has ${plural(found.authorCount, 'author')}, the list says ${ours.authorCount}`,
    );
  }
  if (ours.year !== undefined && found.year !== undefined) {
    const later = found.year - ours.year;
    if (later < 0 || later > (options.laterYears ?? 0))
      reasons.push(`it is dated ${found.year}, the list says ${ours.year}`);
  }
  return reasons;
}

/** A record not accepted, and why. */
export interface Candidate<R extends FoundRecord> {
  record: R;
  reasons: string[];
}

export type MatchResult<R extends FoundRecord> =
  | { kind: 'accepted'; record: R }
  /** Several records pass the rule: all are candidates, none is written. */
  | { kind: 'ambiguous'; candidates: Candidate<R>[] }
  /** No record passes, some come close. */
  | { kind: 'candidates'; candidates: Candidate<R>[] }
  | { kind: 'none' };

/**
 * Our paper among the records a search returned. Records with the same `id` count once; rejected
 * records are kept as candidates when their title is close (same key, or word overlap of at least
 * `minSimilarity`, 0.5 by default), best first.
 */
export function matchRecord<R extends FoundRecord>(
  ours: OurPaper,
  records: readonly R[],
  options: MatchOptions = {},
): MatchResult<R> {
  const unique = records.filter(
    (record, index) => records.findIndex((other) => other.id === record.id) === index,
  );
  const judged = unique.map((record) => ({ record, reasons: mismatches(ours, record, options) }));
  const accepted = judged.filter(({ reasons }) => reasons.length === 0);
  if (accepted.length === 1 && accepted[0] !== undefined)
    return { kind: 'accepted', record: accepted[0].record };
  if (accepted.length > 1) {
    return {
      kind: 'ambiguous',
      candidates: accepted.map(({ record }) => ({
        record,
        reasons: [`${accepted.length} records match equally well`],
      })),
    };
  }
  const minSimilarity = options.minSimilarity ?? 0.5;
  const close = judged
    .map((entry) => ({ ...entry, similarity: titleSimilarity(ours.title, entry.record.title) }))
    .filter(
      ({ record, similarity }) =>
        similarity >= minSimilarity || titleMatchKey(record.title) === titleMatchKey(ours.title),
    )
    .sort((a, b) => b.similarity - a.similarity || (a.record.id < b.record.id ? -1 : 1))
    .map(({ record, reasons }) => ({ record, reasons }));
  return close.length === 0 ? { kind: 'none' } : { kind: 'candidates', candidates: close };
}
