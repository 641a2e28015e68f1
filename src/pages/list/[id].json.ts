/**
 * One small record per paper for the reader's list, at `list/<id>.json`: the list page fetches
 * only the papers it shows, and a share link's ids lead straight to them (see
 * src/lib/shortlist/share.ts). The record is the paper's entry in `papers.json` and its citation
 * key on the site, so the list's downloads cite each paper as its page does.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { asPaper, catalog, citationKeys } from '../../data/catalog.ts';
import { paperRecord } from '../../lib/export/papers-json.ts';
import type { ShortlistRecord } from '../../lib/export/shortlist.ts';
import { idCollisions, paperId } from '../../lib/shortlist/share.ts';
import { base } from '../../lib/site/site-config.ts';

export const getStaticPaths = (() => {
  const collisions = idCollisions(catalog.papers.map((paper) => paper.id));
  if (collisions.length > 0)
    throw new Error(
      `papers share a list id, which would make share links ambiguous: ${collisions
        .map((group) => group.join(' and '))
        .join('; ')} (rename one of the new files: its slug decides the id)`,
    );
  return catalog.papers.map((paper) => ({ params: { id: paperId(paper.id) }, props: { paper } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { paper } = props;
  const record: ShortlistRecord = {
    ...paperRecord(asPaper(paper), new URL(base, site).href),
    citationKey: citationKeys.get(paper.id) ?? '',
  };
  return new Response(`${JSON.stringify(record)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
