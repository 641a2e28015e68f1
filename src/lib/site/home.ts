/**
 * What the home page shows besides the lists: chart data and each topic's card text.
 */
import type { Paper } from '../paper/schema.ts';
import { plural } from '../paper/words.ts';
import type { Catalog, TopicWithPapers, YearGroup } from './catalog.ts';
import type { SiteLinks } from './links.ts';
import { singleGroup, type ListGroup } from './paper-list.ts';

/** One bar of a chart. */
export interface ChartDatum {
  label: string;
  value: number;
}

/** Papers per year, oldest first. Undated papers are left out: the page states their count apart. */
export function papersPerYear(years: readonly YearGroup[]): ChartDatum[] {
  return [...years].reverse().map((group) => ({ label: group.year, value: group.papers.length }));
}

/** Papers per topic, in the curated order of the topics. */
export function papersPerTopic(topics: readonly TopicWithPapers[]): ChartDatum[] {
  return topics.map((topic) => ({ label: topic.name, value: topic.papers.length }));
}

/** The first sentence of a topic's description, for its card. */
export function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s/)[0] ?? text;
}

/** A topic as the home page and the topics page show it, in a card. */
export interface TopicCard {
  name: string;
  href: string;
  /** `21 papers`: every paper carrying the topic. */
  count: string;
  /** Papers whose primary topic it is. */
  primaryCount: number;
  description: string;
  /** The description's first sentence, for the home page's smaller cards. */
  blurb: string;
}

/** The topics as cards, in the curated order. */
export function topicCards(
  topics: readonly TopicWithPapers[],
  links: Pick<SiteLinks, 'topicHref'>,
): TopicCard[] {
  return topics.map((topic) => ({
    name: topic.name,
    href: links.topicHref(topic.id),
    count: plural(topic.papers.length, 'paper'),
    primaryCount: topic.primaryCount,
    description: topic.description,
    blurb: firstSentence(topic.description),
  }));
}

/** What the home page shows, from the catalog. */
export interface HomeView {
  topics: TopicCard[];
  /** The recent additions, as one list. */
  recent: ListGroup<Paper>[];
  perYear: ChartDatum[];
  perTopic: ChartDatum[];
  /** `192 papers`, when some papers have no year and so are not in the chart; else undefined. */
  uncharted: string | undefined;
}

/** The home page's topics, recent additions and charts. */
export function homeView(
  catalog: Pick<Catalog, 'topics' | 'years' | 'undated' | 'recentlyAdded'>,
  links: Pick<SiteLinks, 'topicHref'>,
): HomeView {
  return {
    topics: topicCards(catalog.topics, links),
    recent: singleGroup(catalog.recentlyAdded),
    perYear: papersPerYear(catalog.years),
    perTopic: papersPerTopic(catalog.topics),
    uncharted: catalog.undated.length > 0 ? plural(catalog.undated.length, 'paper') : undefined,
  };
}
