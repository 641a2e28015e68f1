/** RIS records: the tagged lines reference managers import. */
import { describe, expect, it } from 'vitest';
import { risRecord } from '../../src/lib/cite/ris.ts';
import { pageUrlOf, realPapers, samplePaper, samplePapers } from './sample-papers.ts';

/** A record's lines as [tag, value] pairs, failing on any line not shaped `TAG  - value`. */
function lines(record: string): [string, string][] {
  expect(record.endsWith('\r\n')).toBe(true);
  return record
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const match = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
      if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
      return [match[1] ?? '', match[2] ?? ''];
    });
}

function values(record: string, tag: string): string[] {
  return lines(record)
    .filter(([name]) => name === tag)
    .map(([, value]) => value);
}

describe('risRecord', () => {
  it('opens with TY, closes with ER, and keeps every value on its line, for every paper', async () => {
    for (const paper of [...samplePapers(), ...(await realPapers())]) {
      const record = risRecord(paper, pageUrlOf(paper.slug));
      const tagged = lines(record);
      expect(tagged[0]?.[0]).toBe('TY');
      expect(tagged.at(-1)).toEqual(['ER', '']);
      expect(record.endsWith('ER  - \r\n')).toBe(true);
      expect(record.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      expect(values(record, 'TI')).toEqual([paper.data.title.replace(/\s+/g, ' ').trim()]);
    }
  });

  it('puts an abstract of several paragraphs on one AB line', () => {
    const record = risRecord(samplePaper('p', {}, 'First.\n\nSecond,\r\nthird.'), '');
    expect(values(record, 'AB')).toEqual(['First. Second, third.']);
  });

  it('gives one AU line per named author, and a note of the count when names are missing', () => {
    const named = risRecord(
      samplePaper('p', { authors: ['Ada Lovelace', 'Smith, Jr., John', 'OpenAI'], authorCount: 3 }),
      '',
    );
    expect(values(named, 'AU')).toEqual(['Lovelace, Ada', 'Smith, John, Jr.', 'OpenAI']);
    expect(values(named, 'N1')).toEqual([]);
    const unnamed = risRecord(samplePaper('p', { authorCount: 7 }), '');
    expect(values(unnamed, 'AU')).toEqual([]);
    expect(values(unnamed, 'N1')).toEqual(['7 authors']);
  });

  it('dates the record from the date, and not at all from a date without a year', () => {
    const record = risRecord(samplePaper('p', { date: '2024-03-06' }), '');
    expect(values(record, 'PY')).toEqual(['2024']);
    expect(values(record, 'DA')).toEqual(['2024/03/06/']);
    const undated = risRecord(samplePaper('p', { date: undefined, dateText: 'Mar 6' }), '');
    expect(values(undated, 'PY')).toEqual([]);
    expect(values(undated, 'DA')).toEqual([]);
  });

  it('types the record by venue and links arXiv papers to arXiv', () => {
    const conference = risRecord(samplePaper('p', { venue: 'ICML 2021', arxiv: '2106.09685' }), '');
    expect(values(conference, 'TY')).toEqual(['CPAPER']);
    expect(values(conference, 'T2')).toEqual(['ICML 2021']);
    expect(values(conference, 'UR')).toEqual(['https://arxiv.org/abs/2106.09685']);
    const journal = risRecord(
      samplePaper('p', { venue: 'IEEE Transactions on Pattern Analysis' }),
      '',
    );
    expect(values(journal, 'TY')).toEqual(['JOUR']);
    expect(values(risRecord(samplePaper('p'), pageUrlOf('p')), 'TY')).toEqual(['GEN']);
    expect(values(risRecord(samplePaper('p'), pageUrlOf('p')), 'UR')).toEqual([pageUrlOf('p')]);
  });

  it('gives the DOI of the published version a DO line', () => {
    const record = risRecord(samplePaper('p', { doi: '10.5555/sdgnn.2021.17' }), pageUrlOf('p'));
    expect(values(record, 'DO')).toEqual(['10.5555/sdgnn.2021.17']);
    expect(values(risRecord(samplePaper('p'), pageUrlOf('p')), 'DO')).toEqual([]);
  });
});
