import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { allPapersPages, yearPages } from '../../src/lib/site/list-routes.ts';
import { listPages, pagerEntries, rangeLine } from '../../src/lib/site/pages.ts';
import { authorLine } from '../../src/lib/site/authors.ts';
import { dateGroups, UNDATED_HEADING, upvoteLine, yearOf } from '../../src/lib/site/paper-list.ts';

function paper(id: string, data: Partial<Paper['data']> = {}): Paper {
  return {
    slug: id,
    abstract: `Abstract of ${id}.`,
    data: { title: id, topics: ['dropout-noise'], sources: [], added: '2026-01-01', ...data },
  };
}

describe('authorLine', () => {
  it('names up to three authors and sums up the rest', () => {
    expect(authorLine({ authors: ['Ada Lovelace'] })).toBe('Ada Lovelace');
    expect(authorLine({ authors: ['A', 'B'] })).toBe('A and B');
    expect(authorLine({ authors: ['A', 'B', 'C'] })).toBe('A, B and C');
    expect(authorLine({ authors: ['A', 'B', 'C', 'D', 'E'], authorCount: 5 })).toBe(
      'A, B, C and 2 more',
    );
  });

  it('falls back to the count the listing gave, and invents nothing', () => {
    expect(authorLine({ authorCount: 1 })).toBe('1 author');
    expect(authorLine({ authorCount: 7 })).toBe('7 authors');
    expect(authorLine({})).toBeUndefined();
  });
});

describe('upvoteLine', () => {
  it('says "1 upvote", not "1 upvotes", and shows no count the listing did not give', () => {
    expect(upvoteLine({ upvotes: 1 })).toBe('1 upvote');
    expect(upvoteLine({ upvotes: 0 })).toBe('0 upvotes');
    expect(upvoteLine({ upvotes: 42 })).toBe('42 upvotes');
    expect(upvoteLine({})).toBeUndefined();
  });
});

describe('yearOf', () => {
  it('takes the year of the date, or of a printed date that has one', () => {
    expect(yearOf({ date: '2024-06-11' })).toBe('2024');
    expect(yearOf({ dateText: 'Mar 6' })).toBeUndefined();
    expect(yearOf({ dateText: 'Mar 2019' })).toBe('2019');
  });
});

describe('dateGroups', () => {
  it('gathers undated papers under "No date given" after the dated ones, saying why', () => {
    const groups = dateGroups([
      paper('a', { date: '2024-01-01' }),
      paper('b', { date: '2020-01-01' }),
      paper('c', { dateText: 'Mar 6' }),
    ]);
    expect(groups.map((group) => [group.heading, group.papers.map((item) => item.slug)])).toEqual([
      [undefined, ['a', 'b']],
      [UNDATED_HEADING, ['c']],
    ]);
    expect(groups[1]?.note).toMatch(/without a full date/);
  });

  it('shows no heading when every paper is dated, and only the group when none is', () => {
    expect(dateGroups([paper('a', { date: '2024-01-01' })]).map((group) => group.heading)).toEqual([
      undefined,
    ]);
    expect(dateGroups([paper('c')]).map((group) => group.heading)).toEqual([UNDATED_HEADING]);
  });
});

describe('listPages', () => {
  const items = Array.from({ length: 7 }, (_, index) => index);

  it('cuts a list into pages with their paths and neighbours', () => {
    const pages = listPages(items, 'all/title/', 3);
    expect(pages.map((page) => [page.path, page.papers])).toEqual([
      ['all/title/', [0, 1, 2]],
      ['all/title/2/', [3, 4, 5]],
      ['all/title/3/', [6]],
    ]);
    expect(pages.map((page) => [page.previous, page.next])).toEqual([
      [undefined, 'all/title/2/'],
      ['all/title/', 'all/title/3/'],
      ['all/title/2/', undefined],
    ]);
    expect(pages.map((page) => page.rest)).toEqual([undefined, '2', '3']);
  });

  it('says which papers a page shows', () => {
    const pages = listPages(items, 'all/', 3);
    expect(pages.map(rangeLine)).toEqual(['Papers 1–3 of 7', 'Papers 4–6 of 7', 'Papers 7–7 of 7']);
    expect(listPages([1], 'all/', 3).map(rangeLine)).toEqual(['1 paper']);
  });

  it('keeps one page for an empty list, so its address answers', () => {
    expect(listPages([], 'years/2020/', 3).map((page) => page.path)).toEqual(['years/2020/']);
  });
});

describe('allPapersPages', () => {
  const papers = Array.from({ length: 120 }, (_, index) =>
    index < 110
      ? paper(`p${String(index).padStart(3, '0')}`, {
          date: `20${String(10 + (index % 15))}-01-01`,
          upvotes: index,
        })
      : paper(`u${index}`, { dateText: 'Mar 6' }),
  );
  const pages = allPapersPages(papers);

  it('pre-renders each order in pages of 50, with route parameters under /all/', () => {
    expect(pages.map((page) => page.params.order)).toEqual([
      undefined,
      '2',
      '3',
      'title',
      'title/2',
      'title/3',
      'upvotes',
      'upvotes/2',
      'upvotes/3',
    ]);
    expect(pages.every((page) => page.papers.length <= 50)).toBe(true);
  });

  it('groups undated papers apart only when newest first', () => {
    const newestLast = pages.find((page) => page.params.order === '3');
    expect(newestLast?.groups.map((group) => group.heading)).toEqual([undefined, UNDATED_HEADING]);
    expect(
      pages
        .filter((page) => page.ordering.id !== 'newest')
        .flatMap((page) => page.groups)
        .every((group) => group.heading === undefined),
    ).toBe(true);
  });
});

describe('yearPages', () => {
  it('gives every year its pages under /years/<year>/', () => {
    const papers = Array.from({ length: 60 }, (_, index) =>
      paper(`p${index}`, { date: '2024-01-01' }),
    );
    const pages = yearPages([
      { year: '2024', papers },
      { year: '2023', papers: [paper('q', { date: '2023-05-01' })] },
    ]);
    expect(pages.map((page) => [page.year, page.path, page.papers.length])).toEqual([
      ['2024', 'years/2024/', 50],
      ['2024', 'years/2024/2/', 10],
      ['2023', 'years/2023/', 1],
    ]);
  });
});

describe('pagerEntries', () => {
  const shown = (current: number, last: number) =>
    pagerEntries(current, last).map((entry) =>
      'gap' in entry ? '…' : entry.current ? `[${entry.page}]` : String(entry.page),
    );

  it('links the first, the last and the pages near the current one, with gaps between', () => {
    expect(shown(7, 200)).toEqual(['1', '…', '5', '6', '[7]', '8', '9', '…', '200']);
    expect(shown(1, 200)).toEqual(['[1]', '2', '3', '…', '200']);
    expect(shown(200, 200)).toEqual(['1', '…', '198', '199', '[200]']);
  });

  it('shows a single missing page instead of a gap, and every page of a short list', () => {
    expect(shown(5, 9)).toEqual(['1', '2', '3', '4', '[5]', '6', '7', '8', '9']);
    expect(shown(1, 4)).toEqual(['[1]', '2', '3', '4']);
  });
});
