/**
 * The one place pages read content from: both collections are loaded once and everything pages
 * show is derived here (see src/lib/site/catalog.ts), so no page queries a collection itself and
 * related papers are computed once per build, not once per page.
 */
import { getCollection } from 'astro:content';
import { citationKeys as keysOf } from '../lib/cite/reference.ts';
import { relatedPapers } from '../lib/discovery/related.ts';
import type { Paper } from '../lib/schema.ts';
import { buildCatalog, type SitePaper } from '../lib/site/catalog.ts';

const paperEntries = await getCollection('papers');
const topicEntries = await getCollection('topics');

export const catalog = buildCatalog(
  paperEntries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    body: entry.body ?? '',
    filePath: entry.filePath ?? `papers/${entry.id}.md`,
  })),
  topicEntries
    .toSorted((a, b) => a.data.position - b.data.position)
    .map((entry) => ({
      id: entry.id,
      name: entry.data.name,
      description: entry.data.description,
    })),
);

/** Up to five related papers per paper id, with the reason they are related. */
export const related = relatedPapers(
  catalog.papers.map((paper) => ({
    id: paper.id,
    title: paper.data.title,
    abstract: paper.body,
    topics: paper.data.topics,
  })),
);

/** A site paper in the shape the citation and export modules take. */
export function asPaper(paper: SitePaper): Paper {
  return { slug: paper.id, data: paper.data, abstract: paper.body };
}

/** Every paper's citation key, unique across the whole list, by slug. */
export const citationKeys = keysOf(catalog.papers.map(asPaper));
