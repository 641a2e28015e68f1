/**
 * Everything the pages show, derived once from the two collections: topic lists with counts,
 * years, recent additions and each paper's neighbours. Pure, so it is tested without Astro.
 */
import { byNewest, compareText } from '../paper/ordering.ts';
import type { Paper } from '../paper/schema.ts';

/** A topic as the site holds it. */
export interface SiteTopic {
  id: string;
  name: string;
  description: string;
}

export interface TopicWithPapers extends SiteTopic {
  /** Papers carrying the topic (first or not), newest first, undated last. */
  papers: Paper[];
  /** Papers whose primary (first) topic this is. */
  primaryCount: number;
}

export interface YearGroup {
  year: string;
  papers: Paper[];
}

export interface Neighbours {
  /** The next newer paper of the topic's newest-first list, and the next older one. */
  newer: Paper | undefined;
  older: Paper | undefined;
  /** The topic the neighbours are taken from: the paper's primary topic. */
  topic: SiteTopic | undefined;
}

export interface Catalog {
  /** Every paper, newest first. */
  papers: Paper[];
  paperById: ReadonlyMap<string, Paper>;
  topics: TopicWithPapers[];
  topicById: ReadonlyMap<string, TopicWithPapers>;
  /** Years with at least one dated paper, newest first. */
  years: YearGroup[];
  /** Papers without a full date. */
  undated: Paper[];
  /** The most recently added papers, newest addition first. */
  recentlyAdded: Paper[];
  neighbours: ReadonlyMap<string, Neighbours>;
  /** Every listing the papers were imported from, sorted by name. */
  sources: string[];
}

/** A paper file naming a topic the taxonomy does not have. */
export class UnknownTopicError extends Error {
  constructor(problems: readonly string[]) {
    super(`unknown topic ids in papers:\n${problems.join('\n')}`);
    this.name = 'UnknownTopicError';
  }
}

/** How a paper's file is named in messages, from its slug. */
export type FileOf = (slug: string) => string;

/** Every `file: topics: unknown topic id "x" (…)` problem; empty when all references resolve. */
export function unknownTopicProblems(
  papers: readonly Paper[],
  topics: readonly SiteTopic[],
  fileOf: FileOf,
): string[] {
  const known = new Set(topics.map((topic) => topic.id));
  const knownList = [...known].join(', ');
  return papers.flatMap((paper) =>
    paper.data.topics
      .filter((id) => !known.has(id))
      .map(
        (id) =>
          `${fileOf(paper.slug)}: topics: unknown topic id "${id}" (use one of: ${knownList})`,
      ),
  );
}

/** A paper's topics, resolved, in the paper's order (primary first); unknown ids are skipped. */
export function topicsOf<T extends SiteTopic>(
  paper: { data: Pick<Paper['data'], 'topics'> },
  topicById: ReadonlyMap<string, T>,
): T[] {
  return paper.data.topics.flatMap((id) => topicById.get(id) ?? []);
}

/** Each topic's name by id, as a plain object (for a page script to read from JSON). */
export function topicNameRecord(topics: readonly SiteTopic[]): Record<string, string> {
  return Object.fromEntries(topics.map((topic) => [topic.id, topic.name]));
}

const RECENT_COUNT = 8;

/** Derives the catalog; throws UnknownTopicError when a paper names a topic that does not exist. */
export function buildCatalog(
  paperList: readonly Paper[],
  topicList: readonly SiteTopic[],
  fileOf: FileOf,
): Catalog {
  const problems = unknownTopicProblems(paperList, topicList, fileOf);
  if (problems.length > 0) throw new UnknownTopicError(problems);
  const papers = byNewest(paperList);

  const topics: TopicWithPapers[] = topicList.map((topic) => ({
    ...topic,
    papers: [],
    primaryCount: 0,
  }));
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  for (const paper of papers) {
    paper.data.topics.forEach((id, index) => {
      const topic = topicById.get(id);
      if (topic === undefined) return;
      topic.papers.push(paper);
      if (index === 0) topic.primaryCount += 1;
    });
  }

  const byYear = new Map<string, Paper[]>();
  const undated: Paper[] = [];
  for (const paper of papers) {
    const year = paper.data.date?.slice(0, 4);
    if (year === undefined) undated.push(paper);
    else {
      const list = byYear.get(year);
      if (list === undefined) byYear.set(year, [paper]);
      else list.push(paper);
    }
  }
  const years = [...byYear.entries()].map(([year, list]) => ({ year, papers: list }));

  const recentlyAdded = [...papers]
    .sort((a, b) => compareText(b.data.added, a.data.added))
    .slice(0, RECENT_COUNT);

  const neighbours = new Map<string, Neighbours>();
  // Each paper's position in every topic list, found once rather than searched for per paper.
  const positions = new Map(
    topics.map((topic) => [topic.id, new Map(topic.papers.map((paper, index) => [paper, index]))]),
  );
  for (const paper of papers) {
    const primary = paper.data.topics[0];
    const topic = primary === undefined ? undefined : topicById.get(primary);
    const list = topic?.papers ?? [];
    const index = topic === undefined ? -1 : (positions.get(topic.id)?.get(paper) ?? -1);
    neighbours.set(paper.slug, {
      newer: index > 0 ? list[index - 1] : undefined,
      older: index >= 0 ? list[index + 1] : undefined,
      topic,
    });
  }

  const paperById = new Map(papers.map((paper) => [paper.slug, paper]));
  const sources = [...new Set(papers.flatMap((paper) => paper.data.sources))].sort(compareText);
  return {
    papers,
    paperById,
    topics,
    topicById,
    years,
    undated,
    recentlyAdded,
    neighbours,
    sources,
  };
}
