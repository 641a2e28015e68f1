/**
 * Papers for the citation and export tests, built through the real schema so they are papers a
 * curator could write. Their titles and abstracts are chosen to break naive writers: TeX's
 * special characters, CSV's separators and quotes, YAML-hostile text and line breaks.
 */
import { readPapers } from '../../src/lib/paper/files.ts';
import type { Reference } from '../../src/lib/cite/reference.ts';
import { paperSchema, type Paper, type PaperInput } from '../../src/lib/paper/schema.ts';
import { papersDir } from '../helpers/paths.ts';
import { HOSTILE_TITLES } from '../robustness/arbitraries.ts';

/** Fields to set on a sample paper; `undefined` removes a default. */
export type Overrides = { [K in keyof PaperInput]?: PaperInput[K] | undefined };

/** A paper with `overrides` on top of a plain dated one with seven unnamed authors. */
export function samplePaper(
  slug: string,
  overrides: Overrides = {},
  abstract = 'We study regularization.',
): Paper {
  const fields = Object.entries({
    title: 'A Plain Title',
    date: '2023-06-11',
    authorCount: 7,
    topics: ['weight-penalties'],
    added: '2026-01-02',
    ...overrides,
  }).filter(([, value]) => value !== undefined);
  return { slug, data: paperSchema.parse(Object.fromEntries(fields)), abstract };
}

export { HOSTILE_TITLES };

/** A mixed handful: hostile text, names, venues, arXiv ids, links, undated. */
export function samplePapers(): Paper[] {
  return [
    samplePaper(
      'sp-2-ot',
      {
        title: HOSTILE_TITLES[0],
        arxiv: '2503.01234',
        venue: 'NeurIPS 2024',
        authors: ['Ashish Vaswani', 'Jan van der Berg', 'Google Brain Team'],
        authorCount: 5,
        upvotes: 12,
        topics: ['optimal-transport', 'weight-penalties'],
      },
      'Partial optimal transport (POT) with $\\ell_1$ costs, 50% faster & "better".\n\nA second paragraph, with a comma.',
    ),
    samplePaper(
      'fifty-percent',
      {
        title: HOSTILE_TITLES[1],
        venue: 'Journal of Machine Learning Research',
        url: 'https://example.com/p?a=1&b=%7E#frag',
      },
      'Line one\r\nline two, "quoted"\rline three',
    ),
    samplePaper('undated', {
      title: HOSTILE_TITLES[2],
      date: undefined,
      dateText: 'Mar 6',
      authorCount: 1,
    }),
    samplePaper('hash', { title: HOSTILE_TITLES[3], venue: 'OpenReview', authorCount: undefined }),
    samplePaper('quotes', { title: HOSTILE_TITLES[10], topics: ['a', 'b'] }),
    samplePaper('unicode', {
      title: HOSTILE_TITLES[4],
      authors: ['Émile Zola', 'Smith, Jr., John'],
      authorCount: 2,
    }),
  ];
}

/** The committed papers of the reading list. */
export async function realPapers(): Promise<Paper[]> {
  const { papers, problems } = await readPapers(papersDir);
  if (problems.length > 0) throw new Error(`paper files do not read: ${JSON.stringify(problems)}`);
  return papers.map(({ slug, data, abstract }) => ({ slug, data, abstract }));
}

export const SITE_URL = 'https://example.org/reading-list/';

export function pageUrlOf(slug: string): string {
  return `${SITE_URL}papers/${slug}/`;
}

/**
 * A reference with only a key, `title` and a link: the citation tests spread their fields over it,
 * and check that a writer adds nothing for what is missing.
 */
export function bareReference(title: string): Reference {
  return {
    key: 'dropout2014-a1b2c3',
    title,
    authors: [],
    moreAuthors: false,
    authorNote: undefined,
    issued: undefined,
    url: 'https://example.org/papers/dropout/',
    arxiv: undefined,
    arxivCategory: undefined,
    doi: undefined,
    abstract: '',
    venue: undefined,
  };
}
