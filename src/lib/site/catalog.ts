/**
 * Everything the pages show, derived once from the two collections: topic lists with counts,
 * years, recent additions and each paper's neighbours. Pure, so it is tested without Astro.
 */
import { byNewest, compareText } from '../paper/ordering.ts';
import type { PaperData } from '../paper/schema.ts';

/** A paper as the site holds it. */
export interface SitePaper {
  /** The slug: file name without `.md`. */
  id: string;
  data: PaperData;
  /** The abstract (Markdown body). */
  body: string;
  /** Where the paper's file is, for error messages. */
  filePath: string;
}

/** A topic as the site holds it. */
export interface SiteTopic {
  id: string;
  name: string;
  description: string;
}

export interface TopicWithPapers extends SiteTopic {
  /** Papers carrying the topic (first or not), newest first, undated last. */
  papers: SitePaper[];
  /** Papers whose primary (first) topic this is. */
  primaryCount: number;
}

export interface YearGroup {
  year: string;
  papers: SitePaper[];
}

export interface Neighbours {
  /** The next newer paper of the topic's newest-first list, and the next older one. */
  newer: SitePaper | undefined;
  older: SitePaper | undefined;
  /** The topic the neighbours are taken from: the paper's primary topic. */
  topic: SiteTopic | undefined;
}

export interface Catalog {
  /** Every paper, newest first. */
  papers: SitePaper[];
  paperById: ReadonlyMap<string, SitePaper>;
  topics: TopicWithPapers[];
  topicById: ReadonlyMap<string, TopicWithPapers>;
  /** Years with at least one dated paper, newest first. */
  years: YearGroup[];
  /** Papers without a full date. */
  undated: SitePaper[];
  /** The most recently added papers, newest addition first. */
  recentlyAdded: SitePaper[];
  neighbours: ReadonlyMap<string, Neighbours>;
}

/** A paper file naming a topic the taxonomy does not have. */
export class UnknownTopicError extends Error {
  constructor(problems: readonly string[]) {
    super(`unknown topic ids in papers:\n${problems.join('\n')}`);
    this.name = 'UnknownTopicError';
  }
}

/** Every `file: topics: unknown topic id "x" (…)` problem; empty when all references resolve. */
export function unknownTopicProblems(
  papers: readonly SitePaper[],
  topics: readonly SiteTopic[],
): string[] {
  const known = new Set(topics.map((topic) => topic.id));
  const knownList = [...known].join(', ');
  return papers.flatMap((paper) =>
    paper.data.topics
      .filter((id) => !known.has(id))
      .map(
        (id) => `${paper.filePath}: topics: unknown topic id "${id}" (use one of: ${knownList})`,
      ),
  );
}

const RECENT_COUNT = 8;

/** Derives the catalog; throws UnknownTopicError when a paper names a topic that does not exist. */
export function buildCatalog(
  paperList: readonly SitePaper[],
  topicList: readonly SiteTopic[],
): Catalog {
  const problems = unknownTopicProblems(paperList, topicList);
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

  const byYear = new Map<string, SitePaper[]>();
  const undated: SitePaper[] = [];
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
    neighbours.set(paper.id, {
      newer: index > 0 ? list[index - 1] : undefined,
      older: index >= 0 ? list[index + 1] : undefined,
      topic,
    });
  }

  const paperById = new Map(papers.map((paper) => [paper.id, paper]));
  return { papers, paperById, topics, topicById, years, undated, recentlyAdded, neighbours };
}
