/**
 * A synthetic reading list of any size, shaped like the real one: titles of 5–20 words and
 * abstracts of 150–300 words drawn from the real vocabulary's word frequencies (with each paper
 * leaning on its topics' words, so papers cluster as real ones do, and a long tail of rare coined
 * words, so the vocabulary keeps growing with the corpus as a real one does), dates over 2015–2025
 * with some printed without a year, one to three topics of the real taxonomy, long-tailed upvotes
 * and an author count. The same options always give byte-identical papers and listing.
 */
import { displayDate } from '../../src/lib/paper/ordering.ts';
import { serializePaper } from '../../src/lib/paper/paper-file.ts';
import type { PaperData } from '../../src/lib/paper/schema.ts';
import { slugify, titleKey, uniqueSlug } from '../../src/lib/paper/slug.ts';
import { plural } from '../../src/lib/paper/words.ts';
import { seededRandom, weightedSampler, type Random } from './random.ts';
import type { Vocabulary, WordCount } from './vocabulary.ts';

export interface CorpusOptions {
  /** How many papers. */
  count: number;
  seed: number;
  vocabulary: Vocabulary;
  /** The taxonomy's topic ids; every paper's topics come from these. */
  topicIds: readonly string[];
  /** The day the synthetic listing was "captured": every paper's `added` date. */
  captured?: string;
  /** Papers per listing file: more are split over several (default `PAPERS_PER_LISTING`). */
  perListing?: number;
}

export interface SyntheticPaper {
  slug: string;
  data: PaperData;
  abstract: string;
}

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2025;
export const TITLE_WORDS = { min: 5, max: 20 } as const;
export const ABSTRACT_WORDS = { min: 150, max: 300 } as const;
const DEFAULT_CAPTURED = '2026-01-15';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Share of papers whose listing prints the date without a year (`Mar 6`), as some real ones do. */
const DATE_TEXT_SHARE = 0.08;
/** Share of papers whose listing shows no upvote count. */
const NO_UPVOTES_SHARE = 0.3;
/** Words of an abstract drawn from its topics' own words; the rest are the general vocabulary. */
const TOPIC_WORD_SHARE = 0.3;
/** Words that are rare coined terms (method names, datasets), the vocabulary's long tail. */
const RARE_WORD_SHARE = 0.015;
/** How many distinct rare words a corpus can draw from; draws follow Zipf's law over them. */
const RARE_VOCABULARY = 1_000_000;

/** Words that join a title's terms and are never capitalized in it. */
const JOINERS = ['for', 'of', 'and', 'with', 'in', 'via', 'the', 'a', 'on', 'to', 'from', 'under'];
/**
 * The most common English function words: a title drawn from the general vocabulary takes only
 * the words that carry meaning, or it would read "the of and".
 */
const FUNCTION_WORDS = new Set([
  ...JOINERS,
  ...'is we that by as this are an our be can which it its at or these their such but not both also has have been than more while into how when between over however each other was were has do does'.split(
    ' ',
  ),
]);

const SYLLABLES = 'ka lo ri mex vo tra zen qui dal fo nor pex sil ur bam ter nav gel shu dri'.split(
  ' ',
);

/**
 * Papers per synthetic listing file. The importer refuses a dump over 20 MiB, as a real listing
 * page never is; 10,000 synthetic papers make 18.3 MB, so a larger corpus is split into parts.
 */
export const PAPERS_PER_LISTING = 10_000;

type ListingOptions = Pick<CorpusOptions, 'count' | 'seed' | 'captured' | 'perListing'>;

/**
 * The listing file that holds paper number `index`, named as the importer expects: one file for
 * a corpus that fits in one (the name every earlier benchmark used), else numbered parts.
 */
export function listingName(options: ListingOptions, index = 0): string {
  const perListing = options.perListing ?? PAPERS_PER_LISTING;
  const prefix = `${options.captured ?? DEFAULT_CAPTURED}-synthetic-${options.count}-seed-${options.seed}`;
  if (options.count <= perListing) return `${prefix}-blocks.txt`;
  const parts = Math.ceil(options.count / perListing);
  const part = String(Math.floor(index / perListing) + 1).padStart(String(parts).length, '0');
  return `${prefix}-part-${part}-of-${String(parts)}-blocks.txt`;
}

/** A coined word for rare-word number `id`: pronounceable, unique per id, never a real word. */
export function coinedWord(id: number): string {
  let word = '';
  let rest = id;
  do {
    word += SYLLABLES[rest % SYLLABLES.length] ?? '';
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  // Two syllables at least, so short ids do not make words like "ka".
  return word.length < 5 ? `${word}x${SYLLABLES[id % 7] ?? ''}` : word;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sampler(words: readonly WordCount[]): ((random: Random) => string) | undefined {
  if (words.length === 0) return undefined;
  return weightedSampler(
    words.map(([word]) => word),
    words.map(([, count]) => count),
  );
}

/** Everything drawn per word, prepared once per corpus. */
interface Samplers {
  general: (random: Random) => string;
  content: (random: Random) => string;
  topics: ReadonlyMap<string, (random: Random) => string>;
  primaryTopic: (random: Random) => string;
  topicCount: (random: Random) => number;
  year: (random: Random) => number;
  authorCount: (random: Random) => number;
}

/** Author counts 1–20 in the proportions of the real list: mostly 2–6, a few large teams. */
const AUTHOR_WEIGHTS = [
  5, 18, 32, 38, 16, 13, 8, 3, 4, 1, 1, 0.5, 0.5, 0.4, 0.4, 0.3, 0.3, 0.2, 0.2, 0.2,
];

function prepare(options: CorpusOptions): Samplers {
  const { vocabulary, topicIds } = options;
  if (topicIds.length === 0) throw new RangeError('the taxonomy has no topics');
  const general = sampler(vocabulary.general);
  const content = sampler(
    vocabulary.general.filter(([word]) => word.length >= 3 && !FUNCTION_WORDS.has(word)),
  );
  if (general === undefined || content === undefined) {
    throw new RangeError('the vocabulary has no words');
  }
  const topics = new Map<string, (random: Random) => string>();
  for (const id of topicIds) topics.set(id, sampler(vocabulary.topics[id] ?? []) ?? content);
  // Topics of the real list in their real proportions; a topic no real paper has yet still occurs.
  const primaryTopic = weightedSampler(
    topicIds,
    topicIds.map((id) => (vocabulary.primaryCounts[id] ?? 0) + 1),
  );
  const counts = [1, 2, 3];
  const topicCount = weightedSampler(
    counts,
    counts.map((count) => (vocabulary.topicCounts[count - 1] ?? 0) + 1),
  );
  // More papers every year, as on arXiv.
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const year = weightedSampler(
    years,
    years.map((value) => (value - FIRST_YEAR + 1) ** 1.5),
  );
  const authorCount = weightedSampler(
    AUTHOR_WEIGHTS.map((_, i) => i + 1),
    AUTHOR_WEIGHTS,
  );
  return { general, content, topics, primaryTopic, topicCount, year, authorCount };
}

/** A rare word, Zipf-distributed: rare word k is drawn about 1/k as often as the first. */
function rareWord(random: Random): string {
  const id = Math.floor(Math.exp(random.next() * Math.log(RARE_VOCABULARY)));
  const word = coinedWord(id);
  // Every third rare word is a name (`Kalomex`), as method names are.
  return id % 3 === 0 ? capitalize(word) : word;
}

function topicsOf(samplers: Samplers, random: Random, topicIds: readonly string[]): string[] {
  const topics = [samplers.primaryTopic(random)];
  const wanted = Math.min(samplers.topicCount(random), topicIds.length);
  while (topics.length < wanted) {
    const next = random.pick(topicIds);
    if (!topics.includes(next)) topics.push(next);
  }
  return topics;
}

/** A word of a paper on `topics`: mostly general vocabulary, often a topic word, rarely coined. */
function drawWord(samplers: Samplers, random: Random, topics: readonly string[]): string {
  const roll = random.next();
  if (roll < RARE_WORD_SHARE) return rareWord(random);
  if (roll < RARE_WORD_SHARE + TOPIC_WORD_SHARE) {
    // The primary topic speaks loudest.
    const topic = random.chance(0.6) ? topics[0] : random.pick(topics);
    const draw = samplers.topics.get(topic ?? '') ?? samplers.content;
    return draw(random);
  }
  return samplers.general(random);
}

function abstractOf(samplers: Samplers, random: Random, topics: readonly string[]): string {
  const target = random.between(ABSTRACT_WORDS.min, ABSTRACT_WORDS.max);
  const sentences: string[] = [];
  let written = 0;
  while (written < target) {
    const remaining = target - written;
    let length = Math.min(random.between(10, 32), remaining);
    if (remaining - length < 6) length = remaining;
    const words: string[] = [];
    while (words.length < length) {
      const word = drawWord(samplers, random, topics);
      if (word === words.at(-1)) continue;
      words.push(words.length < length - 1 && random.chance(0.06) ? `${word},` : word);
    }
    words[0] = capitalize(words[0] ?? '');
    sentences.push(`${words.join(' ')}.`);
    written += length;
  }
  return sentences.join(' ');
}

function titleOf(samplers: Samplers, random: Random, topics: readonly string[]): string {
  const length = random.between(TITLE_WORDS.min, TITLE_WORDS.max);
  const words: string[] = [];
  // Many real titles name their method first: `Kalomex: Entropy Regularization for …`.
  if (random.chance(0.35)) words.push(`${capitalize(rareWord(random))}:`);
  while (words.length < length) {
    const previous = words.at(-1);
    const joinerAllowed = words.length > 0 && words.length < length - 1 && previous !== undefined;
    if (joinerAllowed && !JOINERS.includes(previous) && random.chance(0.25)) {
      words.push(random.pick(JOINERS));
      continue;
    }
    const topic = random.pick(topics);
    const word = random.chance(0.55)
      ? (samplers.topics.get(topic) ?? samplers.content)(random)
      : samplers.content(random);
    if (FUNCTION_WORDS.has(word.toLowerCase()) || word === previous) continue;
    words.push(capitalize(word));
  }
  return words.join(' ');
}

function dateFields(samplers: Samplers, random: Random): Pick<PaperData, 'date' | 'dateText'> {
  const year = samplers.year(random);
  const month = random.int(12);
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = random.between(1, days);
  if (random.chance(DATE_TEXT_SHARE)) return { dateText: `${MONTHS[month] ?? 'Jan'} ${day}` };
  return {
    date: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

/**
 * Upvotes with the long tail of a voting site: about half of the papers with a count have none,
 * a few have thousands. A Pareto draw with shape 1.16 (the "80/20" shape), capped.
 */
function upvotes(random: Random): number | undefined {
  if (random.chance(NO_UPVOTES_SHARE)) return undefined;
  const pareto = (1 - random.next()) ** (-1 / 1.16);
  return Math.min(10_000, Math.floor(pareto) - 1);
}

/** The papers of a synthetic corpus, in listing order, each with a unique title and slug. */
export function generatePapers(options: CorpusOptions): SyntheticPaper[] {
  const random = seededRandom(options.seed);
  const samplers = prepare(options);
  const added = options.captured ?? DEFAULT_CAPTURED;
  const titles = new Set<string>();
  const slugs = new Set<string>();
  const papers: SyntheticPaper[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const topics = topicsOf(samplers, random, options.topicIds);
    let title = titleOf(samplers, random, topics);
    // The importer merges papers whose titles match; every synthetic paper must stay distinct.
    while (titles.has(titleKey(title))) title = titleOf(samplers, random, topics);
    titles.add(titleKey(title));
    const abstract = abstractOf(samplers, random, topics);
    const votes = upvotes(random);
    const data: PaperData = {
      title,
      ...dateFields(samplers, random),
      authorCount: samplers.authorCount(random),
      ...(votes === undefined ? {} : { upvotes: votes }),
      topics,
      sources: [listingName(options, index)],
      added,
    };
    // The importer's own slug rule, in listing order, so importing the listing names files alike.
    const slug = uniqueSlug(slugify(title), (candidate) => slugs.has(candidate));
    slugs.add(slug);
    papers.push({ slug, data, abstract });
  }
  return papers;
}

/** Each paper's Markdown file, as the importer would write it. */
export function paperFiles(papers: readonly SyntheticPaper[]): { name: string; text: string }[] {
  return papers.map((paper) => ({
    name: `${paper.slug}.md`,
    text: serializePaper(paper.data, paper.abstract),
  }));
}

/** The page furniture a "Daily Papers" search page prints above its results. */
const FURNITURE = [
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
];

/** The papers as listing dumps of at most `perListing` papers each, named by `listingName`. */
export function blocksListings(
  papers: readonly SyntheticPaper[],
  options: ListingOptions,
): { name: string; text: string }[] {
  const perListing = options.perListing ?? PAPERS_PER_LISTING;
  const listings: { name: string; text: string }[] = [];
  for (let start = 0; start < papers.length; start += perListing) {
    listings.push({
      name: listingName(options, start),
      text: blocksListing(papers.slice(start, start + perListing), options.captured),
    });
  }
  return listings;
}

/**
 * The papers as one listing dump in the blocks layout (see content/sources/README.md): the page
 * furniture, then per paper its title, abstract, `  • N authors`, `·` and the date with the
 * upvote count.
 */
export function blocksListing(
  papers: readonly SyntheticPaper[],
  captured = DEFAULT_CAPTURED,
): string {
  const [, month = '1', day = '1'] = captured.split('-');
  const lines = [...FURNITURE, `${MONTHS[Number(month) - 1] ?? 'Jan'} ${Number(day)}`].flatMap(
    (line) => [line, ''],
  );
  for (const { data, abstract } of papers) {
    const authors = data.authorCount ?? 1;
    const count = data.upvotes === undefined ? '' : ` ${data.upvotes}`;
    lines.push(
      data.title,
      '',
      abstract,
      '',
      `  • ${plural(authors, 'author')}`,
      '·',
      // As the listing prints it: `Jun 11, 2024`, or `Mar 6` without a year.
      `${displayDate(data) ?? 'Jan 1'}${count}`,
      '',
    );
  }
  return lines.join('\n');
}
