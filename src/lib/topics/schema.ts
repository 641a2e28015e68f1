/**
 * The schema of `content/topics.yaml`: the topic taxonomy and the rules that assign topics to
 * papers. One schema is shared by the importer, the curator's report and Astro's `topics`
 * collection; types are derived from it, never restated.
 */
import { z } from 'zod';
import { topicId } from '../paper/schema.ts';

const nonEmptyText = z.string().trim().min(1, { error: 'must not be empty' });

/** Flags every rule pattern is compiled with: case-insensitive, counting every occurrence. */
export const PATTERN_FLAGS = 'gi';

/**
 * The regular expression a rule pattern becomes. Patterns match whole words, so they are wrapped
 * in `\b…\b`; a contributor writes `\w*` to allow any ending (`quantiz\w*`).
 */
export function patternRegExp(pattern: string): RegExp {
  return new RegExp(`\\b(?:${pattern})\\b`, PATTERN_FLAGS);
}

/** Why a pattern does not compile, or undefined when it does. */
export function patternError(pattern: string): string | undefined {
  try {
    // On its own first: `a)|(b` compiles only once wrapped, and would then escape the wrapping.
    new RegExp(pattern, PATTERN_FLAGS);
    patternRegExp(pattern);
    return undefined;
  } catch (error) {
    // Drop the engine's repetition of the whole expression: `Invalid regular expression: /…/gi: `.
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
  }
}

/** A regular expression that must compile and must not match the empty string. */
const rulePattern = nonEmptyText.superRefine((pattern, context) => {
  const problem = patternError(pattern);
  if (problem !== undefined) {
    context.addIssue({
      code: 'custom',
      message: `invalid regular expression '${pattern}': ${problem}`,
    });
  } else if (new RegExp(`^(?:${pattern})$`).test('')) {
    // A pattern that can match nothing at all would fire on every paper.
    context.addIssue({ code: 'custom', message: `pattern '${pattern}' matches empty text` });
  }
});

/** Sentence ends: a full stop, question or exclamation mark followed by a capital or the end. */
const SENTENCE_END = /[.!?](?=\s+[A-Z]|\s*$)/g;

/** A description for readers: one to three sentences, ending with punctuation. */
const description = nonEmptyText.refine(
  (text) => {
    const sentences = text.match(SENTENCE_END)?.length ?? 0;
    return sentences >= 1 && sentences <= 3 && /[.!?]$/.test(text);
  },
  { error: 'write one to three full sentences, ending with a full stop' },
);

export const ruleSchema = z.strictObject({
  /**
   * Points each pattern of this rule adds to the topic's score when it matches. Negative weights
   * subtract, to discount phrases that look like the topic but are not (`cross entropy method`).
   */
  weight: z.number().refine((weight) => Number.isFinite(weight) && weight !== 0, {
    error: 'write a non-zero number such as 3 or -2',
  }),
  /** Regular expressions matched case-insensitively against whole words of the title and abstract. */
  patterns: z.array(rulePattern).min(1, { error: 'list at least one pattern' }),
});

export const topicSchema = z.strictObject({
  /** Stable identifier used in papers' `topics` and in the topic page's URL. */
  id: topicId,
  /** The topic's name as shown to readers. */
  name: nonEmptyText,
  /** What the topic covers and why it matters for regularization, in one to three sentences. */
  description,
  /** Weighted patterns that score a paper for this topic; see the comment atop `content/topics.yaml`. */
  rules: z.array(ruleSchema).min(1, { error: 'give the topic at least one rule' }),
});

export const scoringSchema = z.strictObject({
  /** Multiplier for a pattern found in the title (counted once however often it occurs). */
  titleWeight: z.number().positive(),
  /** Multiplier for each occurrence of a pattern in the abstract. */
  abstractWeight: z.number().positive(),
  /** How many occurrences of one pattern in the abstract count; more add nothing. */
  abstractRepeats: z.int().min(1),
  /** The least score with which a topic is assigned (the fallback aside). */
  threshold: z.number().positive(),
  /** A topic after the first must score at least this fraction of the primary topic's score. */
  secondaryRatio: z.number().min(0).max(1),
  /** The most topics a paper gets. */
  maxTopics: z.int().min(1),
  /** The topic a paper gets when no pattern of any topic matches it. */
  fallbackTopic: topicId,
});

export const taxonomySchema = z
  .strictObject({
    /** How rule matches become scores and scores become topics. */
    scoring: scoringSchema,
    /** The topics, in the order the site lists them; earlier topics win ties. */
    topics: z.array(topicSchema).min(1, { error: 'list at least one topic' }),
  })
  .superRefine((taxonomy, context) => {
    const firstIndex = new Map<string, number>();
    taxonomy.topics.forEach((topic, index) => {
      const earlier = firstIndex.get(topic.id);
      if (earlier === undefined) firstIndex.set(topic.id, index);
      else {
        context.addIssue({
          code: 'custom',
          path: ['topics', index, 'id'],
          message: `duplicate topic id '${topic.id}' (also topics[${earlier}])`,
        });
      }
    });
    if (!firstIndex.has(taxonomy.scoring.fallbackTopic)) {
      context.addIssue({
        code: 'custom',
        path: ['scoring', 'fallbackTopic'],
        message: `unknown topic id '${taxonomy.scoring.fallbackTopic}'`,
      });
    }
  });

/** One weighted group of patterns. */
export type TopicRule = z.output<typeof ruleSchema>;
/** One topic entry, as Astro's `topics` collection holds it. */
export type Topic = z.output<typeof topicSchema>;
/** The global scoring settings. */
export type ScoringSettings = z.output<typeof scoringSchema>;
/** The whole taxonomy file after validation. */
export type Taxonomy = z.output<typeof taxonomySchema>;
