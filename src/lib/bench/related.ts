/**
 * The benchmark's one point of contact with related papers (src/lib/discovery/related.ts): if its
 * API changes, only this adapter does.
 */
import { relatedPapers } from '../discovery/related.ts';

/** What the benchmark knows of a paper. */
export interface RelatedBenchPaper {
  slug: string;
  title: string;
  abstract: string;
  topics: readonly string[];
}

/** Computes the related papers of every paper; returns how many links were found. */
export function computeRelated(papers: readonly RelatedBenchPaper[]): number {
  const related = relatedPapers(
    papers.map((paper) => ({
      id: paper.slug,
      title: paper.title,
      abstract: paper.abstract,
      topics: paper.topics,
    })),
  );
  let links = 0;
  for (const list of related.values()) links += list.length;
  return links;
}
