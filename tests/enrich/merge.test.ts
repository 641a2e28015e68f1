import { describe, expect, it } from 'vitest';
import { fillPaper } from '../../src/lib/enrich/merge.ts';
import type { PaperData } from '../../src/lib/paper/schema.ts';

const base: PaperData = {
  title: 'A Paper',
  topics: ['dropout'],
  sources: ['2026-11-22-hf-papers-blocks.txt'],
  added: '2026-11-22',
};

describe('fillPaper', () => {
  it('never replaces a value already in the file', () => {
    const data: PaperData = {
      ...base,
      arxiv: '1711.05101',
      venue: 'ICLR 2019',
      code: 'https://github.com/person/typed-by-hand',
      authors: ['Typed By Hand'],
    };
    const result = fillPaper(data, {
      arxiv: '2106.04321',
      venue: 'NeurIPS 2021',
      code: 'https://github.com/other/repo',
      authors: ['Someone Else'],
      doi: '10.1000/new',
    });
    expect(result.data).toEqual({ ...data, doi: '10.1000/new' });
    expect(result.filled).toEqual(['doi']);
  });

  it('writes names only when their number agrees with the author count', () => {
    const result = fillPaper({ ...base, authorCount: 7 }, { authors: ['A B', 'C D'] });
    expect(result.data.authors).toBeUndefined();
    expect(result.notes).toEqual([
      'authors not written: the sources name 2, the file says authorCount 7',
    ]);
    expect(fillPaper(base, { authors: ['A B', 'C D'] }).data).toMatchObject({
      authors: ['A B', 'C D'],
      authorCount: 2,
    });
  });

  it('replaces a listing date without a year only by a date that agrees with it', () => {
    const agreeing = fillPaper({ ...base, dateText: 'Mar 6' }, { date: '2019-03-06' });
    expect(agreeing.data).toEqual({ ...base, date: '2019-03-06' });
    const other = fillPaper({ ...base, dateText: 'Mar 6' }, { date: '2019-03-07' });
    expect(other.data).toEqual({ ...base, dateText: 'Mar 6' });
    expect(other.notes[0]).toContain('the sources give 2019-03-07, the listing printed Mar 6');
  });

  it('dates the upvote count, and replaces it only with a newer reading', () => {
    const listed = fillPaper(
      { ...base, upvotes: 3 },
      { upvotes: { count: 5, read: '2026-12-01' } },
    );
    expect(listed.data).toMatchObject({ upvotes: 5, upvotesOn: '2026-12-01' });
    expect(listed.filled).toEqual(['upvotes', 'upvotesOn']);
    const read = { ...base, upvotes: 5, upvotesOn: '2026-12-01' };
    expect(fillPaper(read, { upvotes: { count: 9, read: '2026-11-01' } }).filled).toEqual([]);
    expect(fillPaper(read, { upvotes: { count: 5, read: '2026-12-01' } }).filled).toEqual([]);
    expect(fillPaper(read, { upvotes: { count: 9, read: '2026-12-05' } }).data).toMatchObject({
      upvotes: 9,
      upvotesOn: '2026-12-05',
    });
  });
});
