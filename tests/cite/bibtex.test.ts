/**
 * BibTeX entries, checked by reading them back with a real BibTeX parser (the one Zotero's
 * Better BibTeX uses), which turns TeX back into the text a reader sees.
 */
import { parse, type Entry } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibliography, bibtexEntry } from '../../src/lib/cite/bibtex.ts';
import { citationKey, citationKeys } from '../../src/lib/cite/reference.ts';
import { titleText } from '../../src/lib/paper/title-math.ts';
import {
  HOSTILE_TITLES,
  pageUrlOf,
  realPapers,
  samplePaper,
  samplePapers,
} from './sample-papers.ts';

/** The one entry of `bib`, as a parser that leaves titles' case alone reads it. */
function readBack(bib: string): Entry {
  const library = parse(bib, { english: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  const [entry] = library.entries;
  if (entry === undefined) throw new Error('no entry');
  return entry;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('bibtexEntry', () => {
  it('keeps math in a title as TeX math, as the site renders it', () => {
    const bib = bibtexEntry(samplePaper('p', { title: HOSTILE_TITLES[0] }), pageUrlOf('p'));
    expect(bib).toContain(
      'title = {{SP$^2$OT: Semantic-Regularized Progressive Partial Optimal Transport}},',
    );
    expect(bib).not.toContain('textasciicircum');
    expect(readBack(bib).fields.title).toBe(
      'SP²OT: Semantic-Regularized Progressive Partial Optimal Transport',
    );
  });

  it('escapes math that would break the entry, and the text around math', () => {
    const bib = bibtexEntry(samplePaper('p', { title: 'A $x^{2$ & $50%$ of $L_1$' }), '');
    expect(bib).toContain(
      'title = {{A \\$x\\textasciicircum{}\\textbraceleft{}2\\$ \\& \\$50\\%\\$ of $L_1$}},',
    );
    readBack(bib);
  });

  it.each(HOSTILE_TITLES.filter((title) => !title.startsWith('SP$')))(
    'reads back the title %j and an abstract holding it unchanged',
    (title) => {
      const abstract = `Abstract about ${title},\n\nover two paragraphs.`;
      const entry = readBack(bibtexEntry(samplePaper('p', { title }, abstract), pageUrlOf('p')));
      expect(entry.fields.title).toBe(title);
      expect(entry.fields.abstract).toBe(oneLine(abstract));
    },
  );

  it('protects the capitals of the whole title from styles that lower-case titles', () => {
    const bib = bibtexEntry(samplePaper('p', { title: 'Attention Is All You Need for BERT' }), '');
    expect(bib).toContain('title = {{Attention Is All You Need for BERT}},');
    // Read as English with sentence-casing on, a protected title comes back marked "no case".
    const library = parse(bib, { caseProtection: 'strict', removeOuterBraces: [] });
    expect(library.entries[0]?.fields.title).toBe(
      '<span class="nocase">Attention Is All You Need for BERT</span>',
    );
  });

  it('keeps the protection of a title that starts with a TeX command', () => {
    const library = parse(bibtexEntry(samplePaper('p', { title: '$100 Networks' }), ''), {
      caseProtection: 'strict',
      removeOuterBraces: [],
    });
    expect(library.entries[0]?.fields.title).toBe('<span class="nocase">$100 Networks</span>');
  });

  it('invents no author: without names it notes the count the listing gave', () => {
    const bib = bibtexEntry(samplePaper('p', { authorCount: 7 }), pageUrlOf('p'));
    const entry = readBack(bib);
    expect(bib).not.toMatch(/author\s*=/);
    expect(entry.fields.note).toBe('7 authors');
    expect(readBack(bibtexEntry(samplePaper('p', { authorCount: 1 }), '')).fields.note).toBe(
      '1 author',
    );
  });

  it('writes the names a curator gave as Family, Given, with particles, suffixes and teams', () => {
    const paper = samplePaper('p', {
      authors: ['Ashish Vaswani', 'Jan van der Berg', 'Google Brain Team', 'John Smith Jr.'],
      authorCount: 4,
    });
    const bib = bibtexEntry(paper, '');
    expect(bib).toContain(
      'author = {Vaswani, Ashish and van der Berg, Jan and {Google Brain Team} and Smith, Jr., John},',
    );
    expect(readBack(bib).fields.author).toEqual([
      { lastName: 'Vaswani', firstName: 'Ashish' },
      { lastName: 'Berg', firstName: 'Jan', prefix: 'van der' },
      { name: 'Google Brain Team' },
      { lastName: 'Smith', firstName: 'John', suffix: 'Jr.' },
    ]);
    expect(readBack(bib).fields.note).toBeUndefined();
  });

  it('ends the names with "and others" and keeps the note when the count says there are more', () => {
    const bib = bibtexEntry(samplePaper('p', { authors: ['Ada Lovelace'], authorCount: 3 }), '');
    expect(bib).toContain('author = {Lovelace, Ada and others},');
    expect(readBack(bib).fields.note).toBe('3 authors');
  });

  it('links an arXiv paper to its abstract page with eprint and archivePrefix', () => {
    const entry = readBack(bibtexEntry(samplePaper('p', { arxiv: '2106.09685' }), pageUrlOf('p')));
    expect(entry.fields.url).toBe('https://arxiv.org/abs/2106.09685');
    expect(entry.fields.eprint).toBe('2106.09685');
    expect(entry.fields.archiveprefix).toBe('arXiv');
  });

  it('gives an arXiv preprint its primary class, and a published paper its DOI and venue', () => {
    const preprint = readBack(
      bibtexEntry(
        samplePaper('p', { arxiv: '2106.09685', arxivCategory: 'cs.LG', venue: undefined }),
        '',
      ),
    );
    expect(preprint.type).toBe('misc');
    expect(preprint.fields.primaryclass).toBe('cs.LG');
    const published = readBack(
      bibtexEntry(
        samplePaper('p', {
          arxiv: '2106.04321',
          arxivCategory: 'cs.LG',
          doi: '10.5555/sdgnn.2021.17',
          venue: 'Neural Information Processing Systems 2021',
        }),
        '',
      ),
    );
    expect(published.type).toBe('inproceedings');
    expect(published.fields.booktitle).toBe('Neural Information Processing Systems 2021');
    expect(published.fields.doi).toBe('10.5555/sdgnn.2021.17');
    expect(published.fields.eprint).toBe('2106.04321');
  });

  it("links to the paper's own url, or else to its page on this site", () => {
    const url = 'https://example.com/p?a=1&b=%7E#frag';
    expect(readBack(bibtexEntry(samplePaper('p', { url }), pageUrlOf('p'))).fields.url).toBe(url);
    const entry = readBack(bibtexEntry(samplePaper('p'), pageUrlOf('p')));
    expect(entry.fields.url).toBe(pageUrlOf('p'));
    expect(entry.fields.eprint).toBeUndefined();
  });

  it('takes the year from the date and gives none for a date printed without a year', () => {
    expect(readBack(bibtexEntry(samplePaper('p'), '')).fields.year).toBe('2023');
    const undated = samplePaper('p', { date: undefined, dateText: 'Mar 6' });
    expect(readBack(bibtexEntry(undated, '')).fields.year).toBeUndefined();
  });

  it('files a conference paper as inproceedings and a journal paper as article', () => {
    const conference = readBack(bibtexEntry(samplePaper('p', { venue: 'NeurIPS 2023' }), ''));
    expect(conference.type).toBe('inproceedings');
    expect(conference.fields.booktitle).toBe('NeurIPS 2023');
    const journal = readBack(
      bibtexEntry(samplePaper('p', { venue: 'Journal of Machine Learning Research' }), ''),
    );
    expect(journal.type).toBe('article');
    expect(journal.fields.journal).toBe('Journal of Machine Learning Research');
    const unknown = readBack(bibtexEntry(samplePaper('p', { venue: 'OpenReview' }), ''));
    expect(unknown.type).toBe('misc');
    expect(unknown.fields.howpublished).toBe('OpenReview');
    expect(readBack(bibtexEntry(samplePaper('p'), '')).type).toBe('misc');
  });
});

describe('citationKey', () => {
  it('is lastnameYEARfirstword when the authors are known', () => {
    expect(
      citationKey(
        samplePaper('p', {
          title: 'Decoupled Weight Decay Regularization',
          date: '2017-11-14',
          authors: ['Ilya Loshchilov', 'Frank Hutter'],
          authorCount: 2,
        }),
      ),
    ).toBe('loshchilov2017decoupled');
    expect(
      citationKey(
        samplePaper('p', { title: 'On the Régularité of Things', authors: ['Jan van der Berg'] }),
      ),
    ).toBe('berg2023regularite');
    expect(
      citationKey(samplePaper('p', { date: undefined, title: 'SP$^2$OT', authors: ['Ana Ortiz'] })),
    ).toBe('ortizsp2ot');
  });

  it('is the first telling title word, the year and a slug digest without authors', () => {
    expect(citationKey(samplePaper('p', { title: 'On the Régularité of Things' }))).toMatch(
      /^regularite2023-[0-9a-z]{6}$/,
    );
    expect(citationKey(samplePaper('p', { date: undefined, title: 'SP$^2$OT' }))).toMatch(
      /^sp2ot-[0-9a-z]{6}$/,
    );
  });

  it('is the same for the same paper and differs between slugs', () => {
    expect(citationKey(samplePaper('a'))).toBe(citationKey(samplePaper('a')));
    expect(citationKey(samplePaper('a'))).not.toBe(citationKey(samplePaper('b')));
  });
});

describe('citationKeys', () => {
  it('tells apart papers whose usual keys collide, whatever their order, and leaves others alone', () => {
    const alike = { title: 'Plain Words', authors: ['Ada Lovelace'], authorCount: 1 };
    const papers = [
      samplePaper('first', alike),
      samplePaper('second', alike),
      samplePaper('other', { ...alike, title: 'Other Words' }),
    ];
    const keys = citationKeys(papers);
    expect(keys.get('other')).toBe('lovelace2023other');
    expect(keys.get('first')).toMatch(/^lovelace2023plain-[0-9a-z]{6}$/);
    expect(keys.get('second')).toMatch(/^lovelace2023plain-[0-9a-z]{6}$/);
    expect(keys.get('first')).not.toBe(keys.get('second'));
    expect(citationKeys([...papers].reverse())).toEqual(keys);
    expect(() => bibliography(papers, pageUrlOf)).not.toThrow();
  });
});

describe('bibliography', () => {
  it('holds every real paper once, sorted by key, readable back to each title and abstract', async () => {
    const papers = await realPapers();
    const bib = bibliography(papers, pageUrlOf);
    expect(bib.endsWith('}\n')).toBe(true);
    const library = parse(bib, { english: false });
    expect(library.errors).toEqual([]);
    const keys = library.entries.map((entry) => entry.key);
    expect(keys).toHaveLength(papers.length);
    expect(new Set(keys).size).toBe(papers.length);
    expect(keys).toEqual([...keys].sort());
    const byKey = new Map(library.entries.map((entry) => [entry.key, entry]));
    const keyOf = citationKeys(papers);
    for (const paper of papers) {
      const entry = byKey.get(keyOf.get(paper.slug) ?? '');
      // A reference manager reads math as the text it prints: `SP$^2$OT` as `SP²OT`.
      expect(entry?.fields.title).toBe(oneLine(titleText(paper.data.title)));
      expect(entry?.fields.abstract).toBe(oneLine(paper.abstract));
    }
  });

  it('does not depend on the order of the papers', () => {
    const papers = samplePapers();
    expect(bibliography([...papers].reverse(), pageUrlOf)).toBe(bibliography(papers, pageUrlOf));
  });
});
