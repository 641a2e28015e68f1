/**
 * BibTeX entries for papers, and the `.bib` file of a whole list.
 *
 * Every value is written in braces with TeX's special characters escaped, so that BibTeX, biber
 * and the parsers of reference managers read back exactly the text of the paper file: `50% &
 * more` stays literal text rather than becoming a comment. Math in a title (`SP$^2$OT`) is the one
 * exception: the site renders it as math, so the entry keeps it as TeX math too.
 * Titles are wrapped in a second pair of braces so styles keep their capitals.
 */
import type { Paper } from '../paper/schema.ts';
import { compareText } from '../paper/ordering.ts';
import { titleSegments } from '../paper/title-math.ts';
import { citationKeys, referenceOf, type PersonName, type Reference } from './reference.ts';

/**
 * TeX's special characters and the characters that standard fonts print as something else
 * (`<` as `¡`, `|` as a dash), each as a command that prints the character itself. Braces
 * become `\textbraceleft{}` rather than `\{` because BibTeX counts `\{` as a brace and an
 * unmatched one would break the entry.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * `text` as the value of a BibTeX field: on one line, special characters escaped, and TeX's
 * ligatures (`--` as a dash, two quotes as a curly quote, `?``) broken with an empty group so
 * the characters print as typed.
 */
export function escapeBibtex(text: string): string {
  return escapeChars(text.replace(/\s+/g, ' ').trim());
}

/** escapeBibtex without the white-space folding, for pieces of a longer value. */
function escapeChars(text: string): string {
  return text
    .replace(/[\\{}$%&#_~^<>|]/g, (char) => SPECIAL[char] ?? char)
    .replace(/-(?=-)/g, '-{}')
    .replace(/`(?=`)/g, '`{}')
    .replace(/'(?=')/g, "'{}")
    .replace(/,(?=,)/g, ',{}')
    .replace(/([?!])(?=`)/g, '$1{}');
}

/**
 * A title whose capitals every style keeps: the whole title in one brace group. When the title
 * starts with a command (`\$100…`), an empty group goes first, because BibTeX would take a group
 * that opens with a backslash for a single accented letter and change its case after all.
 */
function protectedTitle(title: string): string {
  const escaped = titleSegments(title.replace(/\s+/g, ' ').trim())
    .map((segment) =>
      segment.math && isSafeMath(segment.value)
        ? `$${segment.value}$`
        : escapeChars(segment.math ? `$${segment.value}$` : segment.value),
    )
    .join('');
  return escaped.startsWith('\\') ? `{{}${escaped}}` : `{${escaped}}`;
}

/**
 * Math that can go into an entry as written: its braces balance and it has no `%`, which would
 * end the entry's line as a comment. Anything else is escaped and read as text.
 */
function isSafeMath(tex: string): boolean {
  let depth = 0;
  // Stryker disable next-line StringLiteral: any replacement without braces counts the same depth
  for (const char of tex.replace(/\\[{}]/g, '')) {
    if (char === '{') depth += 1;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0 && !/(?<!\\)%/.test(tex);
}

/** A name as BibTeX reads it: `Family, Given`, `Family, Jr., Given`, or `{Whole Name}`. */
function bibtexName(name: PersonName): string {
  // A part holding the word "and" would split the list, and a comma would split the name.
  const part = (text: string): string => {
    const escaped = escapeBibtex(text);
    return /\band\b|,/i.test(text) ? `{${escaped}}` : escaped;
  };
  if ('literal' in name) return `{${escapeBibtex(name.literal)}}`;
  const given = name.given === '' ? '' : `, ${part(name.given)}`;
  if (name.suffix === undefined) return `${part(name.family)}${given}`;
  return `${part(name.family)}, ${part(name.suffix)}${given}`;
}

/** Characters a URL may not hold inside a BibTeX value, percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(
    /[{}\\\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** The entry type and the field naming the venue. */
function entryKind(reference: Reference): { type: string; venueField: string | undefined } {
  switch (reference.venue?.kind) {
    case 'conference':
      return { type: 'inproceedings', venueField: 'booktitle' };
    case 'journal':
      return { type: 'article', venueField: 'journal' };
    case 'other':
      return { type: 'misc', venueField: 'howpublished' };
    case undefined:
      return { type: 'misc', venueField: undefined };
  }
}

/** The BibTeX entry of one reference. */
export function bibtexFromReference(reference: Reference): string {
  const { type, venueField } = entryKind(reference);
  const fields: [string, string][] = [['title', protectedTitle(reference.title)]];
  if (reference.authors.length > 0) {
    const names = reference.authors.map(bibtexName);
    // "and others" is how BibTeX says "et al.": the count says there are more.
    if (reference.moreAuthors) names.push('others');
    fields.push(['author', names.join(' and ')]);
  }
  if (reference.issued !== undefined) fields.push(['year', String(reference.issued.year)]);
  if (venueField !== undefined && reference.venue !== undefined)
    fields.push([venueField, escapeBibtex(reference.venue.name)]);
  if (reference.authorNote !== undefined) fields.push(['note', escapeBibtex(reference.authorNote)]);
  if (reference.doi !== undefined) fields.push(['doi', escapeBibtex(reference.doi)]);
  if (reference.arxiv !== undefined) {
    fields.push(['eprint', reference.arxiv]);
    fields.push(['archivePrefix', 'arXiv']);
    if (reference.arxivCategory !== undefined)
      fields.push(['primaryClass', reference.arxivCategory]);
  }
  fields.push(['url', bibtexUrl(reference.url)]);
  if (reference.abstract !== '') fields.push(['abstract', escapeBibtex(reference.abstract)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@${type}{${reference.key},\n${body}\n}\n`;
}

/** The BibTeX entry of `paper`, whose page on this site is at `pageUrl`. */
export function bibtexEntry(paper: Paper, pageUrl: string): string {
  return bibtexFromReference(referenceOf(paper, pageUrl));
}

/** Two papers whose keys collide, which would make the `.bib` file ambiguous. */
export class DuplicateCitationKeyError extends Error {
  readonly key: string;

  constructor(key: string, slugs: readonly string[]) {
    super(`papers ${slugs.join(' and ')} share the citation key ${key}`);
    this.name = 'DuplicateCitationKeyError';
    this.key = key;
  }
}

/**
 * The `.bib` file of `papers`: entries sorted by key, a blank line between them, ending in a
 * newline. `pageUrl` gives each paper's page on this site, the link of last resort; `keys` the
 * keys by slug, those of the whole list when `papers` is part of it (by default, of `papers`).
 */
export function bibliography(
  papers: readonly Paper[],
  pageUrl: (slug: string) => string,
  keys: ReadonlyMap<string, string> = citationKeys(papers),
): string {
  const references = papers
    .map((paper) => ({
      slug: paper.slug,
      reference: referenceOf(paper, pageUrl(paper.slug), keys.get(paper.slug)),
    }))
    .sort((a, b) => compareText(a.reference.key, b.reference.key));
  references.forEach(({ slug, reference }, i) => {
    const previous = references[i - 1];
    if (previous?.reference.key === reference.key)
      throw new DuplicateCitationKeyError(reference.key, [previous.slug, slug]);
  });
  return references.map(({ reference }) => bibtexFromReference(reference)).join('\n');
}
