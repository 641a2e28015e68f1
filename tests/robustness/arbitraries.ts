/**
 * fast-check arbitraries for listing entries that look like the real dumps: titles and abstracts
 * made of words about regularization, with punctuation, capitalised titles, non-ASCII and
 * astral-plane text, YAML-special words, HTML-ish and Markdown-ish text; dates with and without a
 * year, author counts and upvotes. The renderers in tests/helpers/listings.ts turn them into the
 * text of each layout exactly as the files in content/sources/ look.
 */
import fc from 'fast-check';
import { titleKey } from '../../src/lib/paper/slug.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const TOPIC_WORDS = [
  'regularization',
  'dropout',
  'weight',
  'decay',
  'sparse',
  'penalty',
  'networks',
  'learning',
  'deep',
  'neural',
  'training',
  'generalisation',
  'noise',
  'robust',
  'adversarial',
  'entropy',
  'transport',
  'kernel',
  'gradient',
  'flat',
  'minima',
  'implicit',
  'bias',
  'label',
  'smoothing',
  'mixup',
  'augmentation',
  'pruning',
  'norm',
  'spectral',
  'curvature',
  'priors',
  'variational',
  'consistency',
  'distillation',
  'policy',
  'reward',
  'transformers',
  'diffusion',
  'operators',
];

const MINOR_WORDS = ['of', 'for', 'the', 'and', 'in', 'with', 'via', 'on', 'to', 'a', 'is', 'we'];

/** Words that mean something else to YAML, HTML, Markdown or a template engine. */
const HOSTILE_WORDS = [
  'yes',
  'no',
  'null',
  '~',
  'true',
  'Off',
  '1e3',
  '0x1F',
  '.inf',
  '2024-06-11',
  'key:',
  'a: b',
  '- x',
  '#',
  '# not-a-comment',
  '&anchor',
  '*alias',
  '!tag',
  '%TAG',
  '@at',
  '`tick`',
  '|',
  '>',
  '---',
  '...',
  '{a: b}',
  '[a, b]',
  '"quoted"',
  "'single'",
  "don't",
  '\\backslash\\',
  '\\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</p>',
  '<!-- comment -->',
  '&amp;',
  '&lt;b&gt;',
  '**bold**',
  '_em_',
  '[link](javascript:alert(1))',
  '![image](x.png)',
  '$x^2$',
  '$\\lambda \\|w\\|_2^2$',
  '{{ template }}',
  '${expression}',
  '%s',
];

/** Non-ASCII text: accents, combining marks, other scripts, astral-plane characters. */
const UNICODE_WORDS = [
  'α-Entmax',
  'β-VAE',
  'Régularisation',
  'naïve',
  'e\u0301té',
  'Ünïcödé',
  '正則化',
  'регуляризация',
  'تنظيم',
  '𝓛₂',
  '🙂',
  'ß-Straße',
  'Øresund',
  'İstanbul',
  'ﬁne-tuning',
  'non\u00A0breaking',
  'tab\tinside',
  'zero\u200Bwidth',
  'line\u2028separator',
  'paragraph\u2029separator',
  '‖I − D‖',
  '—',
  '…',
];

/**
 * Characters no output may carry as they are (src/lib/paper/safe-text.ts): NUL, C0 controls (form feed
 * and vertical tab among them), DEL, C1 controls, noncharacters, a lone surrogate, the bidi
 * embeddings, overrides and isolates. Listings seldom hold them, so the generated listings above
 * leave them out; the tests of what the site writes put them everywhere.
 */
export const HOSTILE_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0080',
  '\u0085',
  '\u009B',
  '\u009F',
  '\uD800',
  '\uDFFF',
  '\uFDD0',
  '\uFFFE',
  '\uFFFF',
  '\u{1FFFE}',
  '\u{10FFFF}',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
] as const;

/**
 * Text aimed at the formats the site writes rather than at the importer: spreadsheet formulas
 * (OWASP's CSV injection list), math that would paint over the page, XML and feed markup,
 * entities and a CDATA end.
 */
const OUTPUT_ATTACKS = [
  '=HYPERLINK("http://attacker.test","Open")',
  '=1+1',
  "=cmd|' /C calc'!A0",
  '+1',
  '-1+1',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '$\\rule{1000em}{1000em}$',
  '$\\raisebox{20em}{x}$',
  '$\\raisebox{-20em}{x}$',
  '$\\kern{-1000em}x$',
  '$\\rlap{xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}$',
  '$\\href{javascript:alert(1)}{x}$',
  '$\\htmlStyle{position:fixed;inset:0}{x}$',
  '$\\fcolorbox{red}{blue}{x}$',
  '$\\def\\a{\\a\\a}\\a$',
  '$\\Huge x$',
  ']]>',
  '<![CDATA[x]]>',
  '<description>x</description>',
  '</item><item><title>injected</title>',
  '&#0;',
  '&#x1;',
  '&nbsp;',
  '\u202EevilAuthor',
  'محمد عبد الله',
  'עברית',
] as const;

/**
 * Text aimed at the paper files: what a YAML scalar, a frontmatter fence or a careless quoting
 * would turn into another type, another document or another field, with the whitespace and
 * invisible characters a writer must keep exactly, and titles shaped like real ones that carry
 * quotes. Lone characters here are whole texts; HOSTILE_CHARACTERS also puts them inside words.
 */
const FILE_ATTACKS = [
  'No',
  '.nan',
  '0o17',
  '1_000',
  '2024-06-11T10:00:00Z',
  ': ',
  ': x',
  ' #',
  '# not a comment',
  '- ',
  '- a title that starts like a list item',
  '? ',
  '\n---\n',
  '+++',
  '%YAML 1.2',
  '!!str',
  '>-',
  '"',
  "'",
  '\\',
  '@',
  '`',
  '\\u0041',
  'key: value',
  '[not, a, list]',
  '{not: a map}',
  '{a: [b, c]}',
  '&anchor *alias !tag @at `tick` %percent |pipe >fold',
  'C:\\Users\\path\\n with backslashes \\',
  '</textarea>',
  '<!--',
  '\t',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\u0085',
  '\uFEFF',
  '\u200B',
  'e\u0301',
  '\u0301',
  '👩🏽‍🔬',
  'ﬁ',
  'İ',
  'Penalising $\\|W\\|_F^2$ and $x^2$ in $\\mathcal{L}$',
  '"Why Should I Trust You?" Explaining the Predictions of Any Classifier',
  "Don't Decay the Learning Rate, Increase the Batch Size",
  'line\u2028separator and paragraph\u2029separator and next\u0085line',
  'zero\u200Bwidth and BOM\uFEFFinside',
  'Long '.repeat(400).trim(),
] as const;

/** Titles that TeX, CSV, YAML or a careless escaper would mangle. */
export const HOSTILE_TITLES = [
  'SP$^2$OT: Semantic-Regularized Progressive Partial Optimal Transport',
  '50% & more',
  'a_b {c}',
  '#1',
  'Régularisation — “quotes”, naïve 日本語 Ωmega',
  'back\\slash ~tilde^caret',
  'x < y > z | w',
  "a--b ``q'' ?` !` ,,",
  '{unbalanced',
  '$100 Networks',
  'Title: with "double quotes", commas, and a # hash',
] as const;

/**
 * Every hostile string the tests try, the one list for all of them: the words and Unicode text the
 * generated listings use, the attacks on output formats and on paper files, and each hostile
 * character between letters and alone at the start of a text.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  ...HOSTILE_WORDS,
  ...HOSTILE_TITLES,
  ...UNICODE_WORDS,
  ...OUTPUT_ATTACKS,
  ...FILE_ATTACKS,
  ...HOSTILE_CHARACTERS.map((char) => `before${char}after`),
  ...HOSTILE_CHARACTERS.map((char) => `${char}start`),
];

/** Punctuation after a word of an abstract, and the rarer punctuation inside a title. */
const PUNCTUATION_AFTER = ['', '', '', '', ',', ':', ';', '.', '?', '!', ')'];
const TITLE_PUNCTUATION = ['', '', '', '', '', '', '', '', ':', ',', '?', '!'];

/** A word that opens a title: capitalised, so no title reads as page furniture or a count. */
const titleStart = fc
  .constantFrom(...TOPIC_WORDS, ...UNICODE_WORDS.slice(0, 6))
  .map((word) => word.charAt(0).toUpperCase() + word.slice(1));

const capitalised = fc
  .constantFrom(...TOPIC_WORDS)
  .map((word) => word.charAt(0).toUpperCase() + word.slice(1));

/** Any word a title or abstract may hold after its first word. */
const anyWord = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOPIC_WORDS) },
  { weight: 4, arbitrary: capitalised },
  { weight: 3, arbitrary: fc.constantFrom(...MINOR_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_WORDS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2025 }).map(String) },
);

const innerWord = anyWord.chain((word) =>
  fc.constantFrom(...PUNCTUATION_AFTER).map((after) => `${word}${after}`),
);

const titleWord = anyWord.chain((word) =>
  fc.constantFrom(...TITLE_PUNCTUATION).map((after) => `${word}${after}`),
);

/** A title: 2 to 12 words, the first capitalised, not ending in a colon or comma. */
export const titleArbitrary: fc.Arbitrary<string> = fc
  .tuple(titleStart, fc.array(titleWord, { minLength: 1, maxLength: 11 }))
  .map(([first, rest]) => [first, ...rest].join(' ').replace(/[:,]$/, ''));

/**
 * An abstract: one to four sentences, each opening like prose (`We …`, `The …`, a capitalised
 * word followed by lower-case words), so that a one-line entry's title split has a place to cut.
 */
const sentence = fc
  .tuple(
    fc.constantFrom('We', 'The', 'In', 'This', 'Recent', 'Existing', 'Although'),
    fc.constantFrom(...TOPIC_WORDS),
    fc.array(innerWord, { minLength: 2, maxLength: 30 }),
  )
  .map(([opening, second, rest]) => `${opening} ${second} ${rest.join(' ')}.`);

export const abstractArbitrary: fc.Arbitrary<string> = fc
  .array(sentence, { minLength: 1, maxLength: 4 })
  .map((sentences) => sentences.join(' '));

/** A date as a listing prints it, and what the importer must make of it. */
export interface PrintedDate {
  printed: string;
  expected: { date: string } | { dateText: string };
}

export const dateArbitrary: fc.Arbitrary<PrintedDate> = fc
  .record({
    year: fc.integer({ min: 2012, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    withYear: fc.boolean(),
  })
  .map(({ year, month, day, withYear }) => {
    const name = MONTHS[month - 1] ?? 'Jan';
    if (!withYear) return { printed: `${name} ${day}`, expected: { dateText: `${name} ${day}` } };
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { printed: `${name} ${day}, ${year}`, expected: { date: iso } };
  });

export interface GeneratedPaper {
  title: string;
  abstract: string;
}

/**
 * Papers with distinct titles (as the importer tells papers apart: ignoring case, accents and
 * punctuation), so that every generated entry is its own paper.
 */
export function papersArbitrary(maxLength: number): fc.Arbitrary<GeneratedPaper[]> {
  return fc.uniqueArray(fc.record({ title: titleArbitrary, abstract: abstractArbitrary }), {
    minLength: 1,
    maxLength,
    selector: (paper) => titleKey(paper.title),
  });
}

/** A blocks entry: the paper, its author count, date and optional upvote count. */
export interface GeneratedBlocksEntry extends GeneratedPaper {
  authors: number;
  date: PrintedDate;
  upvotes: number | undefined;
}

/** Distinct papers, each with the listing fields drawn by `fields` (drawn in key order). */
function entriesArbitrary<Fields extends object>(
  maxLength: number,
  fields: { [Key in keyof Fields]: fc.Arbitrary<Fields[Key]> },
): fc.Arbitrary<(GeneratedPaper & Fields)[]> {
  return papersArbitrary(maxLength).chain((papers) =>
    fc.tuple(
      ...papers.map(
        (paper) =>
          fc.record({
            title: fc.constant(paper.title),
            abstract: fc.constant(paper.abstract),
            ...fields,
          }) as fc.Arbitrary<GeneratedPaper & Fields>,
      ),
    ),
  );
}

export function blocksEntriesArbitrary(maxLength: number): fc.Arbitrary<GeneratedBlocksEntry[]> {
  return entriesArbitrary(maxLength, {
    authors: fc.integer({ min: 1, max: 40 }),
    date: dateArbitrary,
    upvotes: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  });
}

/** A one-line entry: the paper, upvotes (`-` for none), author count, date, optional comments. */
export interface GeneratedOneLineEntry extends GeneratedPaper {
  upvotes: number | undefined;
  authors: number;
  date: PrintedDate;
  comments: number | undefined;
}

export function oneLineEntriesArbitrary(maxLength: number): fc.Arbitrary<GeneratedOneLineEntry[]> {
  return entriesArbitrary(maxLength, {
    upvotes: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    authors: fc.integer({ min: 1, max: 40 }),
    date: dateArbitrary,
    comments: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  });
}

/**
 * Lines a listing may hold, in any order: page furniture, dates, author lines, `·`, titles,
 * abstracts, one-line entries, blank lines and arbitrary text. Joined by LF, CRLF or CR.
 */
export const scrambledListingArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'new',
        'Subscribe',
        'Daily Papers',
        'Get trending papers in your email inbox!',
        'byAK and the research community',
        '·',
        '  • 3 authors',
        '• 1 authors',
        'Jun 11, 2024',
        'Mar 6',
        'Nov 2, 2023 2',
        'Feb 30, 2024',
        '',
        '',
        '   ',
      ),
      titleArbitrary,
      abstractArbitrary,
      titleArbitrary.map((title) => `Subscribe${title}`),
      fc
        .tuple(titleArbitrary, abstractArbitrary, dateArbitrary)
        .map(([title, abstract, date]) => `4 ${title} ${abstract} 2 authors · ${date.printed}`),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 30 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((ending) => lines.join(ending)));
