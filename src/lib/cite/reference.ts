/**
 * What a citation of a paper can honestly say, derived once from the paper file and shared by
 * the BibTeX, RIS and CSL-JSON writers: the same key, names, date, link and venue in all three.
 *
 * Nothing is guessed. Author names appear only when a curator wrote them into `authors`; the
 * listings give only a count, which becomes a note ("7 authors"). A year comes only from `date`.
 */
import { safeText } from '../paper/safe-text.ts';
import type { Paper } from '../paper/schema.ts';
import { plural } from '../paper/words.ts';

/** A person's name split for citation styles, or a name to print as it is (a team, a mononym). */
export type PersonName = { family: string; given: string; suffix?: string } | { literal: string };

/** Where a venue publishes: decides the entry type in each format. */
export type VenueKind = 'conference' | 'journal' | 'other';

export interface Reference {
  /** The citation key, stable across builds and unique per slug; see `citationKey`. */
  key: string;
  title: string;
  /** Names from `authors`, in order; empty when the file has none. */
  authors: PersonName[];
  /** True when `authorCount` says there are more authors than the names given. */
  moreAuthors: boolean;
  /** `7 authors` when the names are missing or incomplete and the count is known. */
  authorNote: string | undefined;
  /** From `date` only; undefined when the listing printed no year. */
  issued: { year: number; month: number; day: number } | undefined;
  /** The arXiv abstract page, else the paper's own link, else its page on this site. */
  url: string;
  arxiv: string | undefined;
  /** The arXiv primary category (`cs.LG`), BibTeX's `primaryClass`. */
  arxivCategory: string | undefined;
  /** The DOI of the published version. */
  doi: string | undefined;
  abstract: string;
  venue: { name: string; kind: VenueKind } | undefined;
}

/**
 * The reference for `paper`; `pageUrl` is the absolute URL of its page on this site. `key` is the
 * paper's key in the whole list (see `citationKeys`); alone, a paper gets `citationKey(paper)`.
 */
export function referenceOf(paper: Paper, pageUrl: string, key = citationKey(paper)): Reference {
  const { data } = paper;
  const authors = (data.authors ?? []).map((name) => parseName(oneLine(name)));
  const moreAuthors = data.authorCount !== undefined && data.authorCount > authors.length;
  const count = data.authorCount;
  return {
    key,
    title: oneLine(data.title),
    authors,
    moreAuthors,
    authorNote:
      count !== undefined && (authors.length === 0 || moreAuthors)
        ? plural(count, 'author')
        : undefined,
    issued: issuedDate(data.date),
    url: data.arxiv !== undefined ? `https://arxiv.org/abs/${data.arxiv}` : (data.url ?? pageUrl),
    arxiv: data.arxiv,
    arxivCategory: data.arxivCategory,
    doi: data.doi,
    abstract: oneLine(paper.abstract),
    venue:
      data.venue === undefined
        ? undefined
        : { name: oneLine(data.venue), kind: venueKind(data.venue) },
  };
}

/**
 * Text on one line with single spaces (every format here treats line breaks as spaces anyway),
 * without the characters no output may carry (src/lib/paper/safe-text.ts).
 */
export function oneLine(text: string): string {
  return safeText(text).replace(/\s+/g, ' ').trim();
}

function issuedDate(date: string | undefined): Reference['issued'] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV|V)$/;
/** Words that name a group rather than a person. */
const GROUP_WORD =
  /\b(?:Team|Teams|Lab|Labs|Laboratory|Group|Consortium|Collaboration|Institute|University|Inc\.?|Ltd\.?|Project|Committee|Foundation|Research|Organization|Initiative)\b/;

/**
 * Splits a name as BibTeX does for "First von Last": the last word is the family name, with any
 * lower-case particles before it (`Jan van der Berg` → `van der Berg`, `Jan`); a trailing
 * `Jr.` or `III` is a suffix. `Family, Given` and `Family, Suffix, Given` are taken as written,
 * which is how a curator spells a family name of several words (`García Márquez, Gabriel`).
 * A single word or a group's name stays whole.
 */
export function parseName(name: string): PersonName {
  const clean = oneLine(name);
  const parts = clean.split(',').map((part) => part.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return { family: parts[0], given: parts[1] };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2])
    return { family: parts[0], given: parts[2], suffix: parts[1] };
  const words = clean.split(' ');
  if (words.length < 2 || parts.length > 1 || GROUP_WORD.test(clean)) return { literal: clean };
  const suffix =
    words.length > 2 && SUFFIX.test(words[words.length - 1] ?? '') ? words.pop() : undefined;
  const last = words.pop() ?? '';
  let particle = words.findIndex((word, i) => i > 0 && /^[a-z]/.test(word));
  if (particle < 0) particle = words.length;
  const family = [...words.slice(particle), last].join(' ');
  const given = words.slice(0, particle).join(' ');
  return suffix === undefined ? { family, given } : { family, given, suffix };
}

/**
 * A venue's kind, from its name: journals by the words journals use (and the few known by
 * initials), conferences by theirs and by the usual acronyms. Anything else is `other`, so an
 * unknown venue is never called a journal or a conference.
 */
export function venueKind(venue: string): VenueKind {
  if (/\b(?:journal|transactions|PNAS|National Academy)\b/i.test(venue)) return 'journal';
  if (
    /\b(?:conference|proceedings|workshops?|symposium|congress|Neural Information Processing Systems|Computer Vision and Pattern Recognition|Artificial Intelligence and Statistics|NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|AAAI|IJCAI|ACL|EMNLP|NAACL|EACL|COLING|KDD|SIGIR|WWW|AISTATS|UAI|COLT|CoRL|ICRA|IROS|MICCAI|Interspeech|ICASSP|CIKM|WSDM|RecSys|ICDM)\b/i.test(
      venue,
    )
  )
    return 'conference';
  if (
    /\b(?:letters|review|magazine|annals|JMLR|TMLR|TPAMI|IJCV|Nature|Science|Neural Computation|Neurocomputing|Pattern Recognition|PLOS|eLife|Distill)\b/i.test(
      venue,
    )
  )
    return 'journal';
  return 'other';
}

/** Title words that make a poor key. */
const KEY_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'is',
  'are',
  'do',
  'does',
  'why',
  'how',
  'what',
  'when',
  'towards',
  'toward',
]);

/** The first word of a title that tells something (`On the Role of Dropout` → `role`). */
function firstTellingWord(title: string): string {
  for (const word of title.split(/\s+/)) {
    const candidate = keyWord(word);
    if (candidate !== '' && !KEY_STOPWORDS.has(candidate)) return candidate;
  }
  return '';
}

/** The first author's family name as key material: `Jan van der Berg` → `berg`. */
function familyWord(name: string): string {
  const parsed = parseName(name);
  const family = 'literal' in parsed ? (parsed.literal.split(' ')[0] ?? '') : parsed.family;
  // `van der Berg` is filed under `berg`, as BibTeX's sorting does.
  return keyWord(
    family
      .split(' ')
      .filter((word) => !/^[a-z]/.test(word))
      .join('') || family,
  );
}

/**
 * A paper's citation key on its own. With author names, the usual `lastnameYEARfirstword`
 * (`loshchilov2017decoupled`); without, the first telling word of the title, the year and six
 * characters derived from the slug (`decoupled2017-k3f9x2`), since a title word and a year alone
 * would often collide. Either way the same paper always gets the same key. `citationKeys` makes
 * the keys of a whole list unique.
 */
export function citationKey(paper: Paper): string {
  const year = paper.data.date?.slice(0, 4) ?? '';
  const word = firstTellingWord(paper.data.title);
  const first = paper.data.authors?.[0];
  const family = first === undefined ? '' : familyWord(first);
  if (family !== '') return `${family.slice(0, 24)}${year}${word.slice(0, 24)}`;
  return `${word.slice(0, 24) || 'paper'}${year}-${slugDigest(paper.slug)}`;
}

/**
 * The key of every paper of a list, by slug. Papers whose `citationKey`s collide (the same first
 * author, year and first title word) all get the slug digest appended (`berg2023plain-k3f9x2`), so
 * no key depends on which of them came first; keys of other papers stay as they are.
 */
export function citationKeys(papers: readonly Paper[]): Map<string, string> {
  const bySlug = new Map(papers.map((paper) => [paper.slug, citationKey(paper)]));
  const counts = new Map<string, number>();
  for (const key of bySlug.values()) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [slug, key] of bySlug)
    if ((counts.get(key) ?? 0) > 1) bySlug.set(slug, `${key}-${slugDigest(slug)}`);
  return bySlug;
}

/** A word as key material: accents dropped, lower-case ASCII letters and digits only. */
function keyWord(word: string): string {
  return word
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Six base-36 characters from the FNV-1a hash of the slug. */
function slugDigest(slug: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % 36 ** 6).toString(36).padStart(6, '0');
}
