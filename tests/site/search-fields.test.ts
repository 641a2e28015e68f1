import { describe, expect, it } from 'vitest';
import { linkGroups } from '../../src/lib/site/external-links.ts';
import { CODE_LINKED, FILTER, SORT } from '../../src/lib/site/pagefind-names.ts';
import { searchIndexFields } from '../../src/lib/site/search-keys.ts';
import { resultFacts } from '../../src/lib/site/search-results.ts';
import { pagefindOptions, parseSearchState } from '../../src/lib/site/search-url.ts';

describe('searchIndexFields', () => {
  it('gives the index both sort keys, the filters and the facts a result shows', () => {
    expect(
      searchIndexFields({
        date: '2024-06-11',
        upvotes: 12,
        code: 'https://github.com/lab/code',
        authors: ['Ada Example', 'Grace Placeholder'],
      }),
    ).toEqual([
      { attribute: 'data-pagefind-sort', value: 'date:2024-06-11' },
      { attribute: 'data-pagefind-sort', value: 'upvotes:12' },
      { attribute: 'data-pagefind-filter', value: 'year:2024' },
      { attribute: 'data-pagefind-filter', value: 'code:yes' },
      { attribute: 'data-pagefind-meta', value: 'byline:Ada Example and Grace Placeholder' },
      { attribute: 'data-pagefind-meta', value: 'upvotes:12' },
    ]);
  });

  it('keeps an undated paper without a count in sorted results, and sets no year or code filter', () => {
    expect(searchIndexFields({ authorCount: 3 })).toEqual([
      { attribute: 'data-pagefind-sort', value: 'date:0000-00-00' },
      { attribute: 'data-pagefind-sort', value: 'upvotes:0' },
      { attribute: 'data-pagefind-meta', value: 'byline:3 authors' },
    ]);
    expect(searchIndexFields({})).toHaveLength(2);
  });
});

describe('the names pages index under and the search page asks for', () => {
  it('filter and sort by the names paper pages set', () => {
    const fields = searchIndexFields({ date: '2023-01-02', code: 'https://github.com/x/y' });
    const set = new Set(fields.map((field) => field.value.split(':')[0]));
    const state = parseSearchState(
      `?topic=dropout-noise&year=2023&code=${CODE_LINKED}&sort=upvotes`,
    );
    const options = pagefindOptions(state);
    for (const name of Object.keys(options.filters).filter((name) => name !== FILTER.topic)) {
      expect(set.has(name)).toBe(true);
    }
    expect(Object.keys(options.sort ?? {})).toEqual([SORT.upvotes]);
    expect(set.has(SORT.upvotes)).toBe(true);
    // A result shows the year and topics it was filed under, and the byline and count it carries.
    expect(
      resultFacts(
        { [FILTER.year]: ['2023'], [FILTER.topic]: ['dropout-noise'] },
        new Map([['dropout-noise', 'Dropout']]),
        {
          byline: 'Ada Example',
          upvotes: '2',
        },
      ),
    ).toEqual(['Ada Example', '2023', 'Dropout', '2 upvotes']);
  });
});

describe('linkGroups', () => {
  it('shows the paper’s own links as a row and offers no search when the arXiv id is known', () => {
    const groups = linkGroups({ title: 'T', arxiv: '2010.01412' });
    expect(groups.map((group) => [group.className, group.lead, group.links.length])).toEqual([
      ['paper-links', undefined, 2],
    ]);
  });

  it('offers title searches, saying whether the paper has links of its own', () => {
    expect(linkGroups({ title: 'T' }).map((group) => group.lead)).toEqual([
      'Search for it by title:',
    ]);
    expect(
      linkGroups({ title: 'T', code: 'https://github.com/x/y' }).map((group) => group.lead),
    ).toEqual([undefined, 'No arXiv id yet; search for it by title:']);
  });
});
