/**
 * BibTeX entries written out by hand: every field and entry type, each special character and
 * ligature, names that would split the author list, and the refusal of two papers with one key.
 */
import { describe, expect, it } from 'vitest';
import {
  bibliography,
  bibtexFromReference,
  DuplicateCitationKeyError,
  escapeBibtex,
} from '../../src/lib/cite/bibtex.ts';
import { bareReference, samplePaper } from './sample-papers.ts';

const BARE = bareReference('Dropout');

/** The value of `field` in a one-entry `bib`, as written. */
function field(bib: string, name: string): string | undefined {
  return bib
    .split('\n')
    .find((line) => line.startsWith(`  ${name} = {`))
    ?.slice(name.length + 6, -2);
}

describe('bibtexFromReference', () => {
  it('writes every field of a full reference, in order', () => {
    expect(
      bibtexFromReference({
        ...BARE,
        key: 'srivastava2014dropout',
        title: 'Dropout: A Simple Way',
        authors: [
          { family: 'Srivastava', given: 'Nitish' },
          { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        ],
        moreAuthors: true,
        authorNote: '5 authors',
        issued: { year: 2014, month: 6, day: 1 },
        venue: { name: 'Journal of Machine Learning Research', kind: 'journal' },
        doi: '10.5555/2627435_2670313',
        arxiv: '1207.0580',
        arxivCategory: 'cs.LG',
        url: 'https://arxiv.org/abs/1207.0580',
        abstract: 'Deep nets overfit 50% of the time.',
      }),
    ).toBe(
      [
        '@article{srivastava2014dropout,',
        '  title = {{Dropout: A Simple Way}},',
        '  author = {Srivastava, Nitish and King, Jr., Martin Luther and others},',
        '  year = {2014},',
        '  journal = {Journal of Machine Learning Research},',
        '  note = {5 authors},',
        '  doi = {10.5555/2627435\\_2670313},',
        '  eprint = {1207.0580},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  url = {https://arxiv.org/abs/1207.0580},',
        '  abstract = {Deep nets overfit 50\\% of the time.},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a title broken over lines or with doubled spaces on one line, single-spaced', () => {
    const title = ' Dropout:  A Simple Way\n  to Prevent Neural Networks from Overfitting ';
    expect(field(bibtexFromReference({ ...BARE, title }), 'title')).toBe(
      '{Dropout: A Simple Way to Prevent Neural Networks from Overfitting}',
    );
  });

  it('writes only title and link for a reference with nothing else, as misc', () => {
    expect(bibtexFromReference(BARE)).toBe(
      [
        '@misc{dropout2014-a1b2c3,',
        '  title = {{Dropout}},',
        '  url = {https://example.org/papers/dropout/},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives an arXiv paper without a category no primaryClass', () => {
    const bib = bibtexFromReference({ ...BARE, arxiv: '2106.09685' });
    expect(field(bib, 'eprint')).toBe('2106.09685');
    expect(field(bib, 'archivePrefix')).toBe('arXiv');
    expect(bib).not.toContain('primaryClass');
  });

  it.each([
    ['conference', '@inproceedings{', 'booktitle'],
    ['journal', '@article{', 'journal'],
    ['other', '@misc{', 'howpublished'],
  ] as const)('files a %s paper as %s with its venue in %s', (kind, opening, venueField) => {
    const bib = bibtexFromReference({ ...BARE, venue: { name: 'Venue & Co', kind } });
    expect(bib.startsWith(opening)).toBe(true);
    expect(field(bib, venueField)).toBe('Venue \\& Co');
  });

  it('writes names as Family, Given, and braces a part holding "and" or a comma', () => {
    const bib = bibtexFromReference({
      ...BARE,
      authors: [
        { family: 'Anderson', given: 'Ann' },
        { family: 'Sand and Stone', given: 'Ada' },
        { family: 'Smith', given: 'Jo, Jr' },
        { family: 'Plato', given: '' },
        { literal: 'Google Brain & Team' },
      ],
    });
    expect(field(bib, 'author')).toBe(
      'Anderson, Ann and {Sand and Stone}, Ada and Smith, {Jo, Jr} and Plato and {Google Brain \\& Team}',
    );
  });

  it('percent-encodes the characters a link may not hold inside a BibTeX value', () => {
    const bib = bibtexFromReference({ ...BARE, url: 'https://example.org/a b\t{c}\\d' });
    expect(field(bib, 'url')).toBe('https://example.org/a%20b%09%7Bc%7D%5Cd');
  });

  it('keeps a title that starts with a command protected by an empty group first', () => {
    const bib = bibtexFromReference({ ...BARE, title: '$100 Networks' });
    expect(field(bib, 'title')).toBe('{{}\\$100 Networks}');
    expect(field(bibtexFromReference({ ...BARE, title: '\\o Priors' }), 'title')).toBe(
      '{{}\\textbackslash{}o Priors}',
    );
  });

  it('keeps balanced math as math, and escapes math with a stray brace or a comment sign', () => {
    expect(field(bibtexFromReference({ ...BARE, title: 'The $\\ell_{1}$ Penalty' }), 'title')).toBe(
      '{The $\\ell_{1}$ Penalty}',
    );
    expect(field(bibtexFromReference({ ...BARE, title: 'A $b}{c$ Penalty' }), 'title')).toBe(
      '{A \\$b\\textbraceright{}\\textbraceleft{}c\\$ Penalty}',
    );
    expect(field(bibtexFromReference({ ...BARE, title: 'A $x{$ Penalty' }), 'title')).toBe(
      '{A \\$x\\textbraceleft{}\\$ Penalty}',
    );
    expect(field(bibtexFromReference({ ...BARE, title: 'A $50%$ Penalty' }), 'title')).toBe(
      '{A \\$50\\%\\$ Penalty}',
    );
    expect(field(bibtexFromReference({ ...BARE, title: 'A $50\\%$ Penalty' }), 'title')).toBe(
      '{A $50\\%$ Penalty}',
    );
    expect(field(bibtexFromReference({ ...BARE, title: 'A $\\{x$ Penalty' }), 'title')).toBe(
      '{A $\\{x$ Penalty}',
    );
  });
});

describe('escapeBibtex', () => {
  it.each([
    ['\\', '\\textbackslash{}'],
    ['{', '\\textbraceleft{}'],
    ['}', '\\textbraceright{}'],
    ['$', '\\$'],
    ['%', '\\%'],
    ['&', '\\&'],
    ['#', '\\#'],
    ['_', '\\_'],
    ['~', '\\textasciitilde{}'],
    ['^', '\\textasciicircum{}'],
    ['<', '\\textless{}'],
    ['>', '\\textgreater{}'],
    ['|', '\\textbar{}'],
  ])('writes "%s" as %s', (char, command) => {
    expect(escapeBibtex(`a${char}b`)).toBe(`a${command}b`);
  });

  it.each([
    ['a--b', 'a-{}-b'],
    ['a---b', 'a-{}-{}-b'],
    ['``quoted', '`{}`quoted'],
    ["quoted''", "quoted'{}'"],
    ['a,,b', 'a,{},b'],
    ['why?`', 'why?{}`'],
    ['wow!`', 'wow!{}`'],
    ['one-two, "three"', 'one-two, "three"'],
  ])('breaks the ligature in "%s" as %s', (text, escaped) => {
    expect(escapeBibtex(text)).toBe(escaped);
  });

  it('folds line breaks and runs of spaces into single spaces, trimmed', () => {
    expect(escapeBibtex('  First line,\r\n\tsecond   line  ')).toBe('First line, second line');
  });
});

describe('bibliography', () => {
  it('refuses two papers with one citation key, naming both', () => {
    const papers = [samplePaper('mixup'), samplePaper('manifold-mixup'), samplePaper('cutout')];
    const keys = new Map([
      ['mixup', 'zhang2018mixup'],
      ['manifold-mixup', 'zhang2018mixup'],
      ['cutout', 'devries2017improved'],
    ]);
    let error: unknown;
    try {
      bibliography(papers, (slug) => `https://example.org/${slug}/`, keys);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DuplicateCitationKeyError);
    expect((error as DuplicateCitationKeyError).key).toBe('zhang2018mixup');
    expect((error as DuplicateCitationKeyError).message).toBe(
      'papers mixup and manifold-mixup share the citation key zhang2018mixup',
    );
    expect((error as DuplicateCitationKeyError).name).toBe('DuplicateCitationKeyError');
  });

  it('sorts the entries by key, with a blank line between them', () => {
    const papers = [samplePaper('b'), samplePaper('a'), samplePaper('c')];
    const keys = new Map([
      ['a', 'zeta2023'],
      ['b', 'alpha2023'],
      ['c', 'mu2023'],
    ]);
    const bib = bibliography(papers, (slug) => `https://example.org/${slug}/`, keys);
    expect(bib.match(/^@\w+\{[^,]+/gm)).toEqual([
      '@misc{alpha2023',
      '@misc{mu2023',
      '@misc{zeta2023',
    ]);
    expect(bib).toContain('}\n\n@misc{mu2023,');
    expect(bib.endsWith('}\n')).toBe(true);
    expect(bib.endsWith('\n\n')).toBe(false);
  });
});
