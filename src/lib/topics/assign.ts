/**
 * Assigning topics to papers by the rules in `content/topics.yaml`: each topic's patterns score
 * the title and abstract, and the scores choose the topics. The file is read by `load.ts`; most
 * patterns are skipped by the pre-check in `prefilter.ts`.
 *
 * Everything here is pure: the same title, abstract and taxonomy always give the same topics, so
 * the importer, the checker and the curator's report agree. The rules are data; this module only
 * applies them as the comment atop the YAML file describes.
 */
import {
  fieldText,
  mayContain,
  patternLiterals,
  type FieldText,
  type RequiredLiteral,
} from './prefilter.ts';
import { patternRegExp, type ScoringSettings, type Taxonomy } from './schema.ts';

/** The text a paper is judged by. */
export interface PaperText {
  title: string;
  abstract: string;
}

/** How strongly one topic matched a paper. */
export interface TopicScore {
  id: string;
  /** Sum of the weights of the patterns that matched, times the title or abstract multiplier. */
  score: number;
  /** The patterns that fired, as written in the taxonomy, largest contribution first. */
  matches: string[];
}

/** The topics given to a paper and the evidence for them. */
export interface Assignment {
  /** One to `maxTopics` topic ids, the primary topic first. */
  topics: string[];
  /**
   * Every topic with at least one matching pattern, best first: by score, then by title score,
   * then by the topic's position in the file. Empty when no pattern matched.
   */
  scores: TopicScore[];
}

/** A taxonomy with every pattern compiled once, ready to assign many papers. */
export interface TopicMatcher {
  readonly taxonomy: Taxonomy;
  assign(paper: PaperText): Assignment;
}

interface CompiledPattern {
  source: string;
  regexp: RegExp;
  weight: number;
  /** Texts one of which every match contains; undefined when the pattern must always run. */
  literals: readonly RequiredLiteral[] | undefined;
}

interface CompiledTopic {
  id: string;
  patterns: CompiledPattern[];
}

function compilePattern(source: string, weight: number): CompiledPattern {
  return { source, regexp: patternRegExp(source), weight, literals: patternLiterals(source) };
}

/** Occurrences of a global pattern in a field, counting at most `limit`. */
function countMatches(pattern: CompiledPattern, field: FieldText, limit: number): number {
  // Stryker disable next-line ConditionalExpression: the pre-check only saves time; the expression itself finds no match where it says no
  if (!mayContain(field, pattern.literals)) return 0;
  const { regexp } = pattern;
  regexp.lastIndex = 0;
  let count = 0;
  while (count < limit) {
    const match = regexp.exec(field.text);
    if (match === null) break;
    count += 1;
    // A zero-width match would otherwise be found again at the same place.
    if (match[0] === '') regexp.lastIndex += 1;
  }
  regexp.lastIndex = 0;
  return count;
}

interface RankedScore extends TopicScore {
  titleScore: number;
  position: number;
}

function scoreTopic(
  topic: CompiledTopic,
  position: number,
  title: FieldText,
  abstract: FieldText,
  settings: ScoringSettings,
): RankedScore | undefined {
  const fired: { source: string; points: number; order: number }[] = [];
  let titleScore = 0;
  topic.patterns.forEach((pattern, order) => {
    const inTitle = countMatches(pattern, title, 1);
    const inAbstract = countMatches(pattern, abstract, settings.abstractRepeats);
    if (inTitle === 0 && inAbstract === 0) return;
    const titlePoints = inTitle * pattern.weight * settings.titleWeight;
    const abstractPoints = inAbstract * pattern.weight * settings.abstractWeight;
    titleScore += titlePoints;
    fired.push({ source: pattern.source, points: titlePoints + abstractPoints, order });
  });
  if (fired.length === 0) return undefined;
  fired.sort((a, b) => b.points - a.points || a.order - b.order);
  const score = fired.reduce((sum, match) => sum + match.points, 0);
  return { id: topic.id, score, matches: fired.map((match) => match.source), titleScore, position };
}

/** Best first: higher score, then higher title score, then the topic listed earlier. */
function compareRanked(a: RankedScore, b: RankedScore): number {
  return b.score - a.score || b.titleScore - a.titleScore || a.position - b.position;
}

/** Chooses a paper's topics from its ranked scores, as `scoring` in the taxonomy describes. */
export function chooseTopics(ranked: readonly TopicScore[], settings: ScoringSettings): string[] {
  const best = ranked[0];
  if (best === undefined || best.score <= 0) return [settings.fallbackTopic];
  if (best.score < settings.threshold) return [best.id];
  const bar = Math.max(settings.threshold, settings.secondaryRatio * best.score);
  const further = ranked.slice(1).filter((score) => score.score >= bar);
  return [best.id, ...further.map((score) => score.id)].slice(0, settings.maxTopics);
}

/** Compiles every pattern of a taxonomy once; the matcher then assigns papers quickly. */
export function compileTaxonomy(taxonomy: Taxonomy): TopicMatcher {
  const topics: CompiledTopic[] = taxonomy.topics.map((topic) => ({
    id: topic.id,
    patterns: topic.rules.flatMap((rule) =>
      rule.patterns.map((source) => compilePattern(source, rule.weight)),
    ),
  }));
  const settings = taxonomy.scoring;
  return {
    taxonomy,
    assign(paper: PaperText): Assignment {
      const title = fieldText(paper.title);
      const abstract = fieldText(paper.abstract);
      const ranked = topics
        .map((topic, position) => scoreTopic(topic, position, title, abstract, settings))
        .filter((score) => score !== undefined)
        .sort(compareRanked);
      const scores = ranked.map(({ id, score, matches }) => ({ id, score, matches }));
      return { topics: chooseTopics(scores, settings), scores };
    },
  };
}

const compiledTaxonomies = new WeakMap<Taxonomy, TopicMatcher>();

/**
 * The topics of one paper. Accepts a taxonomy or a compiled matcher; a taxonomy is compiled on
 * first use and the result reused for later calls with the same object.
 */
export function assignTopics(paper: PaperText, taxonomy: Taxonomy | TopicMatcher): Assignment {
  if ('assign' in taxonomy) return taxonomy.assign(paper);
  let matcher = compiledTaxonomies.get(taxonomy);
  // Stryker disable next-line ConditionalExpression: compiling again gives a matcher that assigns the same topics; the cache only saves time
  if (matcher === undefined) {
    matcher = compileTaxonomy(taxonomy);
    compiledTaxonomies.set(taxonomy, matcher);
  }
  return matcher.assign(paper);
}
