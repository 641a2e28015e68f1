/**
 * What the home page shows besides the lists: chart data and each topic's card text.
 */
import type { TopicWithPapers, YearGroup } from './catalog.ts';

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
