/**
 * Assigning topics to papers by the rules in `content/topics.yaml`, and loading that file.
 *
 * Everything here is pure: the same title, abstract and taxonomy always give the same topics, so
 * the importer, the checker and the curator's report agree. The rules are data; this module only
 * applies them as the comment atop the YAML file describes.
 */
import { load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { inFile, ProblemError } from '../problems/problem.ts';
import { formatPath, yamlLines } from '../problems/yaml-path.ts';
import { issueProblems, zodErrorMap } from '../problems/zod.ts';
import {
  patternRegExp,
  ruleSchema,
  scoringSchema,
  taxonomySchema,
  topicSchema,
  type ScoringSettings,
  type Taxonomy,
} from './schema.ts';

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

/**
 * Text as the patterns see it: hyphens and dashes count as spaces (so `weight decay` also finds
 * `weight-decay`), and runs of white space as one space.
 */
export function normalizeText(text: string): string {
  return text.replace(/[-\u2010-\u2015]/g, ' ').replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// A cheap pre-check. Running 300 expressions over every abstract costs far more than looking up
// a few hashed letter triples, and most patterns' words are absent from most papers; so each
// pattern carries literal texts one of which every match must contain, and is only run when the
// paper has every triple of one of them and contains it.

/** Escapes that stand for a class of characters or a position and take no argument. */
const PLAIN_ESCAPES = new Set(['w', 'W', 's', 'S', 'd', 'D', 'b', 'B']);
const LITERAL_CHARACTER = /^[a-z0-9 ]$/i;

/** The index just past the group or class that opens at `start`, skipping escapes. */
function skipBracketed(pattern: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = start; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    if (depth === 0 && !inClass) return index + 1;
  }
  return pattern.length;
}

/** The top-level alternatives of a pattern: `a|b(c|d)` gives `a` and `b(c|d)`. */
function splitAlternatives(pattern: string): string[] {
  const branches: string[] = [];
  let start = 0;
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') index += 2;
    else if (char === '(' || char === '[') index = skipBracketed(pattern, index);
    else {
      if (char === '|') {
        branches.push(pattern.slice(start, index));
        start = index + 1;
      }
      index += 1;
    }
  }
  branches.push(pattern.slice(start));
  return branches;
}

/**
 * The longest run of letters, digits and spaces that every match of one alternative contains, or
 * undefined when there is none of three characters or more, or when an escape takes an argument
 * (`\x41`, `\p{L}`, `\1`). Groups and classes end a run, and a quantifier takes back the character
 * it applies to.
 */
function requiredRun(branch: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  const endRun = (): void => {
    runs.push(run);
    run = '';
  };
  let index = 0;
  while (index < branch.length) {
    const char = branch[index] ?? '';
    if (char === '\\') {
      const escaped = branch[index + 1] ?? '';
      if (/[a-z0-9]/i.test(escaped) && !PLAIN_ESCAPES.has(escaped)) return undefined;
      endRun();
      index += 2;
    } else if (char === '(' || char === '[') {
      endRun();
      index = skipBracketed(branch, index);
    } else if (char === '?' || char === '*' || char === '{') {
      run = run.slice(0, -1);
      endRun();
      index = char === '{' ? branch.indexOf('}', index) + 1 || branch.length : index + 1;
    } else if (LITERAL_CHARACTER.test(char)) {
      run += char.toLowerCase();
      index += 1;
    } else {
      endRun();
      index += 1;
    }
  }
  endRun();
  const longest = runs.reduce((best, next) => (next.length > best.length ? next : best), '');
  return longest.length >= 3 ? longest : undefined;
}

/**
 * Lower-case texts of which every match of the pattern contains at least one (one for each
 * top-level alternative), or undefined when that cannot be told and the pattern must always run.
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  const literals: string[] = [];
  for (const branch of splitAlternatives(pattern)) {
    const literal = requiredRun(branch);
    if (literal === undefined) return undefined;
    literals.push(literal);
  }
  return literals;
}

/** Letter triples are hashed into a 4,096-bit table: small enough to build for every field. */
const TRIPLE_BITS = 12;
const TRIPLE_MASK = (1 << TRIPLE_BITS) - 1;

/** The hash of the three characters of `text` starting at `index`. */
function tripleCode(text: string, index: number): number {
  return (
    (text.charCodeAt(index) * 961 + text.charCodeAt(index + 1) * 31 + text.charCodeAt(index + 2)) &
    TRIPLE_MASK
  );
}

/** The hashes of every three-character piece of a literal, checked against a field's table. */
function tripleCodes(text: string): number[] {
  const codes: number[] = [];
  for (let index = 0; index + 3 <= text.length; index += 1) codes.push(tripleCode(text, index));
  return codes;
}

/** A normalized field of a paper, with what the pre-check needs. */
interface FieldText {
  text: string;
  lower: string;
  /** One bit per hashed letter triple present: a miss proves a literal absent. */
  triples: Uint32Array;
}

function fieldText(raw: string): FieldText {
  const text = normalizeText(raw);
  const lower = text.toLowerCase();
  const triples = new Uint32Array((TRIPLE_MASK + 1) / 32);
  for (let index = 0; index + 3 <= lower.length; index += 1) {
    const code = tripleCode(lower, index);
    triples[code >>> 5] = (triples[code >>> 5] ?? 0) | (1 << (code & 31));
  }
  return { text, lower, triples };
}

function hasTriples(field: FieldText, codes: readonly number[]): boolean {
  return codes.every((code) => ((field.triples[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0);
}

interface RequiredLiteral {
  text: string;
  codes: readonly number[];
}

// ---------------------------------------------------------------------------------------------
// Scoring and choosing.

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
  const literals = requiredLiterals(source)?.map((text) => ({ text, codes: tripleCodes(text) }));
  return { source, regexp: patternRegExp(source), weight, literals };
}

function mayMatch(pattern: CompiledPattern, field: FieldText): boolean {
  return (
    pattern.literals === undefined ||
    // A few bit tests rule most literals out; a substring search confirms the rest.
    pattern.literals.some(
      (literal) => hasTriples(field, literal.codes) && field.lower.includes(literal.text),
    )
  );
}

/** Occurrences of a global pattern in a field, counting at most `limit`. */
function countMatches(pattern: CompiledPattern, field: FieldText, limit: number): number {
  if (!mayMatch(pattern, field)) return 0;
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
  if (matcher === undefined) {
    matcher = compileTaxonomy(taxonomy);
    compiledTaxonomies.set(taxonomy, matcher);
  }
  return matcher.assign(paper);
}

// ---------------------------------------------------------------------------------------------
// Loading the file, with messages that say where and what to fix.

/** The fields allowed where an unknown field was found, by the path of the field. */
function fieldsAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 1) return Object.keys(taxonomySchema.shape);
  if (path[0] === 'scoring') return Object.keys(scoringSchema.shape);
  if (path.length === 3) return Object.keys(topicSchema.shape);
  return Object.keys(ruleSchema.shape);
}

/** What to do about a validation issue, in a contributor's words. */
function hintFor(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  const last = issue.path.at(-1);
  if (issue.code === 'unrecognized_keys') {
    return `remove it, or use one of: ${fieldsAt(path).join(', ')}`;
  }
  if (issue.path.includes('patterns')) {
    return 'write the pattern in single quotes, and put a backslash before ( ) [ ] { } . * + ? | where you mean the character itself';
  }
  if (last === 'id') return 'give each topic its own id: lower-case words joined by hyphens';
  if (last === 'fallbackTopic') return 'use the id of a topic listed under topics';
  if (last === 'description') return 'say what the topic covers and why it matters';
  if (last === 'weight') return 'a positive number adds points, a negative one subtracts them';
  return 'see the comment at the top of the file';
}

/**
 * Parses and validates the taxonomy file; `file` is how the file is named in messages. Throws a
 * `ProblemError` naming the file, the line and what to fix for every problem.
 */
export function loadTaxonomy(yamlText: string, file: string): Taxonomy {
  let data: unknown;
  try {
    data = load(yamlText, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // The typings promise a mark, but js-yaml leaves it out for some errors.
    const mark = error.mark as YAMLException['mark'] | undefined;
    throw new ProblemError({
      file,
      line: (mark?.line ?? 0) + 1,
      field: 'yaml',
      message: `invalid YAML: ${error.reason}`,
      hint: 'check the indentation, and quote texts that contain a colon, a # or quotes',
    });
  }
  const result = taxonomySchema.safeParse(data, { error: zodErrorMap });
  if (!result.success) {
    const problems = issueProblems(result.error.issues, {
      field: formatPath,
      line: yamlLines(yamlText),
      hint: hintFor,
    });
    throw new ProblemError(inFile(problems, file));
  }
  return result.data;
}
