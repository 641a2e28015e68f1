/**
 * The topics the taxonomy's rules propose for a new paper, with the words of the paper that
 * earned each, as `npm run new` shows them before the contributor accepts or chooses.
 */
import { type TopicMatcher } from '../../topics/assign.ts';
import { normalizeText } from '../../topics/prefilter.ts';
import { patternRegExp } from '../../topics/schema.ts';

/** A topic the rules propose, with the score and the words of the paper that earned it. */
export interface ProposedTopic {
  id: string;
  name: string;
  score: number;
  /** The text each matching pattern found, as it appears in the title or abstract. */
  terms: string[];
}

export interface TopicProposal {
  /** The topics the rules give the paper, primary first; what `--yes` accepts. */
  topics: ProposedTopic[];
  /** Topics that matched but scored below the bar, best first. */
  others: ProposedTopic[];
  /** No pattern matched at all: the paper gets the taxonomy's fallback topic. */
  fallback: boolean;
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** What each pattern matched in the paper, lower case, each text once. */
function matchedTerms(patterns: readonly string[], texts: readonly string[]): string[] {
  const terms: string[] = [];
  for (const source of patterns) {
    const regexp = patternRegExp(source);
    for (const text of texts) {
      regexp.lastIndex = 0;
      const found = regexp.exec(text)?.[0].toLowerCase();
      if (found !== undefined && found !== '') {
        // `l2` adds nothing after `l2 regularization`: patterns overlap on purpose.
        if (!terms.some((term) => term.includes(found))) terms.push(found);
        break;
      }
    }
  }
  return terms;
}

/** The topics the rules of the taxonomy give a paper, and why. */
export function proposeTopics(
  matcher: TopicMatcher,
  paper: { title: string; abstract: string },
): TopicProposal {
  const assignment = matcher.assign(paper);
  const names = new Map(matcher.taxonomy.topics.map((topic) => [topic.id, topic.name]));
  const texts = [normalizeText(paper.title), normalizeText(paper.abstract)];
  const scores = new Map(assignment.scores.map((score) => [score.id, score]));
  const describe = (id: string): ProposedTopic => {
    const score = scores.get(id);
    return {
      id,
      name: names.get(id) ?? id,
      score: round(score?.score ?? 0),
      terms: matchedTerms(score?.matches ?? [], texts),
    };
  };
  return {
    topics: assignment.topics.map(describe),
    others: assignment.scores
      .filter((score) => !assignment.topics.includes(score.id))
      .map((score) => describe(score.id)),
    fallback: assignment.scores.length === 0,
  };
}

function describeTopic(topic: ProposedTopic): string {
  const terms = topic.terms.map((term) => `"${term}"`).join(', ');
  return `${topic.id} (${topic.name}): score ${topic.score}${terms === '' ? '' : ` from ${terms}`}`;
}

/** The proposal as shown to the contributor: the topics, the words that earned them, the rule. */
export function formatProposal(
  proposal: TopicProposal,
  matcher: TopicMatcher,
  taxonomyFile: string,
): string {
  const { threshold, secondaryRatio, maxTopics } = matcher.taxonomy.scoring;
  const lines = [`Topics proposed by the rules in ${taxonomyFile} (primary first):`];
  proposal.topics.forEach((topic, index) => {
    lines.push(
      proposal.fallback
        ? `  ${index + 1}. ${topic.id} (${topic.name}): no rule matched, so the fallback topic`
        : `  ${index + 1}. ${describeTopic(topic)}`,
    );
  });
  if (proposal.others.length > 0) {
    lines.push('Also matched, below the bar:');
    for (const topic of proposal.others.slice(0, 3)) lines.push(`     ${describeTopic(topic)}`);
  }
  lines.push(
    `(A topic is proposed when it scores at least ${threshold} and at least ${Math.round(secondaryRatio * 100)}% of the primary topic's score; at most ${maxTopics}.)`,
  );
  return `${lines.join('\n')}\n`;
}
