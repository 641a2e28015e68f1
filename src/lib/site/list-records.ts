/**
 * One small record per paper for the reader's list, at `list/<id>.json`: the list page fetches
 * only the papers it shows, and a share link's ids lead straight to them (see
 * src/lib/shortlist/share.ts). The record is the paper's entry in `papers.json` and its citation
 * key on the site, so the list's downloads cite each paper as its page does.
 */
import { paperRecord } from '../export/papers-json.ts';
import type { Paper } from '../paper/schema.ts';
import type { ShortlistRecord } from '../export/shortlist.ts';
import { idCollisions, paperId } from '../shortlist/share.ts';

/** Two papers whose slugs give the same list id. */
export class ListIdCollisionError extends Error {
  constructor(collisions: readonly (readonly string[])[]) {
    super(
      `papers share a list id, which would make share links ambiguous: ${collisions
        .map((group) => group.join(' and '))
        .join('; ')} (rename one of the new files: its slug decides the id)`,
    );
    this.name = 'ListIdCollisionError';
  }
}

/** Each paper's record route: its list id, and the paper. Throws when two ids collide. */
export function listRecordPaths<P extends Pick<Paper, 'slug'>>(
  papers: readonly P[],
): { params: { id: string }; props: { paper: P } }[] {
  const collisions = idCollisions(papers.map((paper) => paper.slug));
  if (collisions.length > 0) throw new ListIdCollisionError(collisions);
  return papers.map((paper) => ({ params: { id: paperId(paper.slug) }, props: { paper } }));
}

/** A paper's record as the file's text: one line of JSON. */
export function listRecordText(
  paper: Paper,
  siteUrl: string,
  keys: ReadonlyMap<string, string>,
): string {
  const record: ShortlistRecord = {
    ...paperRecord(paper, siteUrl),
    citationKey: keys.get(paper.slug) ?? '',
  };
  return `${JSON.stringify(record)}\n`;
}
