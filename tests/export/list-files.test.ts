/**
 * The downloadable files of a list, written out by hand for two small papers: the CSV row by row,
 * the page addresses under a sub-path, and the formats and media types the download links name.
 */
import { describe, expect, it } from 'vitest';
import { csvField, papersCsv } from '../../src/lib/export/csv.ts';
import { LIST_FORMATS, listFile } from '../../src/lib/export/lists.ts';
import { paperPageUrl } from '../../src/lib/export/page-url.ts';
import {
  paperFromRecord,
  SHORTLIST_FORMATS,
  shortlistFile,
  type ShortlistRecord,
} from '../../src/lib/export/shortlist.ts';
import { samplePaper } from '../cite/sample-papers.ts';

const SITE = 'https://example.org/reading-list';

const MIXUP = samplePaper(
  'mixup',
  {
    title: 'mixup: Beyond Empirical Risk Minimization',
    date: '2017-10-25',
    authors: ['Hongyi Zhang', 'Moustapha Cisse'],
    authorCount: 2,
    upvotes: 4,
    topics: ['data-augmentation', 'weight-penalties'],
    arxiv: '1710.09412',
    venue: 'ICLR 2018',
  },
  'Large deep networks memorize.\nMixup trains on convex combinations.',
);
const ADAMW = samplePaper('adamw', {
  title: 'Decoupled Weight Decay Regularization',
  date: undefined,
  dateText: 'Nov 14',
  authorCount: 2,
});
const PAPERS = [MIXUP, ADAMW];

describe('paperPageUrl', () => {
  it('puts the page under the site address, with or without its final slash', () => {
    expect(paperPageUrl(SITE, 'mixup')).toBe('https://example.org/reading-list/papers/mixup/');
    expect(paperPageUrl(`${SITE}/`, 'mixup')).toBe(
      'https://example.org/reading-list/papers/mixup/',
    );
    expect(paperPageUrl('https://example.org', 'a-b')).toBe('https://example.org/papers/a-b/');
  });
});

describe('papersCsv', () => {
  it('writes the header and one row per paper in slug order, every field in its column', () => {
    expect(papersCsv(PAPERS, SITE)).toBe(
      [
        'slug,title,date,dateText,year,authorCount,authors,upvotes,upvotesOn,topics,arxiv,arxivCategory,doi,url,code,projectPage,venue,added,page_url,abstract',
        'adamw,Decoupled Weight Decay Regularization,,Nov 14,,2,,,,weight-penalties,,,,,,,,2026-01-02,https://example.org/reading-list/papers/adamw/,We study regularization.',
        'mixup,mixup: Beyond Empirical Risk Minimization,2017-10-25,,2017,2,Hongyi Zhang; Moustapha Cisse,4,,data-augmentation; weight-penalties,1710.09412,,,,,,ICLR 2018,2026-01-02,https://example.org/reading-list/papers/mixup/,"Large deep networks memorize.',
        'Mixup trains on convex combinations."',
        '',
      ].join('\n'),
    );
  });

  it('writes only the header for an empty list', () => {
    expect(papersCsv([], SITE).split('\n')).toHaveLength(2);
  });
});

describe('csvField', () => {
  it.each([
    ['plain text', 'Weight decay', 'Weight decay'],
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'the "best" prior', '"the ""best"" prior"'],
    ['a line break', 'one\r\ntwo\rthree', '"one\ntwo\nthree"'],
    ['a leading =', '=1+1', `"'=1+1"`],
    ['a leading +', '+1', `"'+1"`],
    ['a leading -', '-1', `"'-1"`],
    ['a leading @', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a leading tab', '\t=1', `"'\t=1"`],
    ['a leading carriage return', '\r=1', `"'\n=1"`],
    ['a formula with quotes', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['signs further on', 'a=b+c-d@e', 'a=b+c-d@e'],
  ])('writes %s as it must be', (_, value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('listFile and the download formats', () => {
  it('writes the BibTeX of a list with each paper linked to its page on the site', () => {
    const bib = listFile('bib', [ADAMW], SITE, new Map([['adamw', 'decoupled2017']]));
    expect(bib).toContain('@misc{decoupled2017,\n');
    expect(bib).toContain('  url = {https://example.org/reading-list/papers/adamw/},\n');
  });

  it('writes the CSV of a list as papersCsv does', () => {
    expect(listFile('csv', PAPERS, SITE)).toBe(papersCsv(PAPERS, SITE));
  });

  it('names the formats with the media types the files are served as', () => {
    expect(LIST_FORMATS).toEqual([
      { extension: 'bib', label: 'BibTeX', mediaType: 'application/x-bibtex; charset=utf-8' },
      { extension: 'csv', label: 'CSV', mediaType: 'text/csv; charset=utf-8' },
    ]);
    expect(
      SHORTLIST_FORMATS.map((format) => [format.id, format.extension, format.mediaType]),
    ).toEqual([
      ['bib', 'bib', 'application/x-bibtex'],
      ['ris', 'ris', 'application/x-research-info-systems'],
      ['csv', 'csv', 'text/csv'],
      ['csl', 'json', 'application/vnd.citationstyles.csl+json'],
    ]);
  });

  it('turns a published record back into a paper, leaving out what only the record holds', () => {
    const record: ShortlistRecord = {
      ...ADAMW.data,
      slug: 'adamw',
      abstract: 'We study regularization.',
      pageUrl: 'https://example.org/reading-list/papers/adamw/',
      citationKey: 'loshchilov2017decoupled',
    };
    const paper = paperFromRecord(record);
    expect(paper).toEqual({
      slug: 'adamw',
      abstract: 'We study regularization.',
      data: ADAMW.data,
    });
  });

  it('writes a RIS shortlist as one record after another, with nothing between them', () => {
    const keys = new Map([
      ['mixup', 'zhang2017mixup'],
      ['adamw', 'loshchilov2017decoupled'],
    ]);
    const lines = shortlistFile('ris', PAPERS, SITE, keys).split('\r\n');
    expect(lines.filter((line) => /^(?:TY|ID|TI|ER) {2}-/.test(line))).toEqual([
      'TY  - CPAPER',
      'ID  - zhang2017mixup',
      'TI  - mixup: Beyond Empirical Risk Minimization',
      'ER  - ',
      'TY  - GEN',
      'ID  - loshchilov2017decoupled',
      'TI  - Decoupled Weight Decay Regularization',
      'ER  - ',
    ]);
    // Every line is a tag line, and the file ends with the last record's line break.
    expect(lines.slice(0, -1).every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('');
  });
});
