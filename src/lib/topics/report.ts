/**
 * The curator's report on the topic rules: how many papers each topic has, and which of its
 * papers were assigned most narrowly, so a curator knows where to look first.
 */
import type { Assignment } from './assign.ts';
import type { ScoringSettings, Taxonomy } from './schema.ts';

/** A paper and the topics the rules gave it. */
export interface AssignedPaper {
  slug: string;
  title: string;
  assignment: Assignment;
}

/** How firmly one topic was given to one paper. */
export interface TopicMargin {
  topic: string;
  /** 1 for the primary topic, 2 and 3 for further topics. */
  rank: number;
  score: number;
  /**
   * How far the score could fall before the paper lost this topic or, for the primary topic,
   * before another topic took its place. Negative when the topic is there only by fallback.
   */
  margin: number;
  /** The patterns that fired for the topic. */
  matches: string[];
}

/**
 * The margin of each topic a paper was given. The primary topic must stay above the runner-up
 * and reach the threshold; a further topic must reach the threshold and the share of the primary
 * topic's score that `secondaryRatio` asks for.
 */
export function topicMargins(assignment: Assignment, settings: ScoringSettings): TopicMargin[] {
  const scoreOf = new Map(assignment.scores.map((score) => [score.id, score]));
  const [primary, ...further] = assignment.topics;
  if (primary === undefined) return [];
  const primaryScore = scoreOf.get(primary)?.score ?? 0;
  const runnerUp = assignment.scores.find((score) => score.id !== primary)?.score ?? 0;
  const bar = Math.max(settings.threshold, settings.secondaryRatio * primaryScore);
  return [
    {
      topic: primary,
      rank: 1,
      score: primaryScore,
      margin: Math.min(primaryScore - runnerUp, primaryScore - settings.threshold),
      matches: scoreOf.get(primary)?.matches ?? [],
    },
    ...further.map((topic, index) => {
      const score = scoreOf.get(topic)?.score ?? 0;
      return {
        topic,
        rank: index + 2,
        score,
        margin: score - bar,
        matches: scoreOf.get(topic)?.matches ?? [],
      };
    }),
  ];
}

/** One paper's place in a topic, for the weakest-assignment list. */
export interface WeakAssignment extends TopicMargin {
  slug: string;
  title: string;
}

/** A topic's line in the report. */
export interface TopicSummary {
  id: string;
  name: string;
  /** Papers with this topic in any place. */
  papers: number;
  /** Papers with this as their primary topic. */
  primary: number;
  /** The papers whose assignment of this topic has the smallest margin, smallest first. */
  weakest: WeakAssignment[];
}

export interface TopicReport {
  paperCount: number;
  /** Papers whose best topic did not reach the threshold, so they got it (or the fallback) alone. */
  belowThreshold: number;
  threshold: number;
  topics: TopicSummary[];
}

/** Smallest margin first; ties by slug, so the report is stable. */
function compareWeakness(a: WeakAssignment, b: WeakAssignment): number {
  return a.margin - b.margin || a.slug.localeCompare(b.slug);
}

/** Per topic, in the taxonomy's order: counts and the `weakest` least certain assignments. */
export function buildTopicReport(
  taxonomy: Taxonomy,
  papers: readonly AssignedPaper[],
  weakest: number,
): TopicReport {
  const byTopic = new Map<string, WeakAssignment[]>(taxonomy.topics.map((topic) => [topic.id, []]));
  let belowThreshold = 0;
  for (const paper of papers) {
    const margins = topicMargins(paper.assignment, taxonomy.scoring);
    if ((margins[0]?.score ?? 0) < taxonomy.scoring.threshold) belowThreshold += 1;
    for (const margin of margins) {
      byTopic.get(margin.topic)?.push({ ...margin, slug: paper.slug, title: paper.title });
    }
  }
  return {
    paperCount: papers.length,
    belowThreshold,
    threshold: taxonomy.scoring.threshold,
    topics: taxonomy.topics.map((topic) => {
      const assigned = byTopic.get(topic.id) ?? [];
      return {
        id: topic.id,
        name: topic.name,
        papers: assigned.length,
        primary: assigned.filter((entry) => entry.rank === 1).length,
        weakest: [...assigned].sort(compareWeakness).slice(0, weakest),
      };
    }),
  };
}

/** A number with at most two decimals and no trailing zeros. */
function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

function formatWeakAssignment(entry: WeakAssignment): string {
  const place = entry.rank === 1 ? 'primary' : `topic ${entry.rank}`;
  const evidence = entry.matches.length === 0 ? 'no pattern matched' : entry.matches.join(', ');
  return `    margin ${formatNumber(entry.margin).padStart(6)}  ${place.padEnd(7)}  ${entry.slug}  (score ${formatNumber(entry.score)}: ${evidence})`;
}

/** The report as plain text, one block per topic. */
export function formatTopicReport(report: TopicReport): string {
  const lines = [
    `${report.paperCount} papers, ${report.topics.length} topics; ` +
      `${report.belowThreshold} papers reach no topic's threshold of ${formatNumber(report.threshold)} ` +
      'and have only their best topic or the fallback topic.',
  ];
  for (const topic of report.topics) {
    lines.push(
      '',
      `${topic.id} (${topic.name}): ${topic.papers} papers, ${topic.primary} as primary topic`,
    );
    if (topic.weakest.length > 0)
      lines.push('  weakest assignments:', ...topic.weakest.map(formatWeakAssignment));
  }
  return `${lines.join('\n')}\n`;
}
