/**
 * The benchmark's one point of contact with related papers (src/lib/discovery/related.ts): if its
 * API changes, only this adapter does.
 */
import { relatedPapers } from '../../src/lib/discovery/related.ts';
import type { PaperData } from '../../src/lib/paper/schema.ts';

/** What matching reads of a paper: real papers as read from files and synthetic ones both fit. */
export interface RelatedBenchPaper {
  slug: string;
  data: Pick<PaperData, 'title' | 'topics'>;
  abstract: string;
}

/** Computes the related papers of every paper; returns how many links were found. */
export function computeRelated(papers: readonly RelatedBenchPaper[]): number {
  const related = relatedPapers(
    papers.map((paper) => ({
      id: paper.slug,
      title: paper.data.title,
      abstract: paper.abstract,
      topics: paper.data.topics,
    })),
  );
  let links = 0;
  for (const list of related.values()) links += list.length;
  return links;
}
