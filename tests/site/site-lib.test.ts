import { describe, expect, it } from 'vitest';
import { byNewest, byTitle, byUpvotes, displayDate } from '../../src/lib/paper/ordering.ts';
import { barChart } from '../../src/lib/site/charts.ts';
import { externalLinks } from '../../src/lib/site/external-links.ts';
import { searchSortKeys } from '../../src/lib/site/search-keys.ts';
import { siteAddress } from '../../src/lib/site/site-config.ts';
import { buildDate } from '../../src/lib/site/build-date.ts';
import { paperPath, withBase } from '../../src/lib/site/urls.ts';

const paper = (slug: string, title: string, date?: string, upvotes?: number) => ({
  slug,
  data: {
    title,
    ...(date === undefined ? {} : { date }),
    ...(upvotes === undefined ? {} : { upvotes }),
  },
});

describe('orderings', () => {
  const papers = [
    paper('b', 'Beta', '2021-05-01', 3),
    paper('u', 'Undated', undefined, 9),
    paper('a', 'alpha', '2024-01-02'),
    paper('c', 'Gamma', '2021-05-01', 3),
  ];

  it('puts the newest first and undated papers last', () => {
    expect(byNewest(papers).map((item) => item.slug)).toEqual(['a', 'b', 'c', 'u']);
  });

  it('sorts titles A to Z ignoring case', () => {
    expect(byTitle(papers).map((item) => item.slug)).toEqual(['a', 'b', 'c', 'u']);
  });

  it('sorts by upvotes, counting a missing count as zero, ties newest first', () => {
    expect(byUpvotes(papers).map((item) => item.slug)).toEqual(['u', 'b', 'c', 'a']);
  });

  it('shows a full date, a date without year, or nothing', () => {
    expect(displayDate({ date: '2024-06-11' })).toBe('Jun 11, 2024');
    expect(displayDate({ dateText: 'Mar 6' })).toBe('Mar 6');
    expect(displayDate({})).toBeUndefined();
  });
});

describe('links', () => {
  it('joins paths under the base path', () => {
    expect(withBase('/', 'papers/x/')).toBe('/papers/x/');
    expect(withBase('/reading-list/', 'papers/x/')).toBe('/reading-list/papers/x/');
    expect(withBase('/reading-list', '/topics/')).toBe('/reading-list/topics/');
    expect(paperPath('a-b')).toBe('papers/a-b/');
  });

  it('searches by title without an identifier, keeping the direct links it has', () => {
    const plain = externalLinks({ title: 'Mixout: Effective Regularization' });
    expect(plain.map((link) => [link.label, link.kind])).toEqual([
      ['Search arXiv', 'search'],
      ['Search Hugging Face Papers', 'search'],
      ['Search Google Scholar', 'search'],
    ]);
    expect(plain[0]?.href).toBe(
      'https://arxiv.org/search/?searchtype=title&query=Mixout%3A%20Effective%20Regularization',
    );
    const withCode = externalLinks({ title: 'X', code: 'https://github.com/a/b' });
    expect(withCode.map((link) => link.label)).toEqual([
      'Code',
      'Search arXiv',
      'Search Hugging Face Papers',
      'Search Google Scholar',
    ]);
  });

  it('opens an enriched paper first: arXiv, PDF, code, project page, DOI, its link; no searches', () => {
    const links = externalLinks({
      title: 'X',
      arxiv: '2106.04321',
      code: 'https://github.com/example-lab/spectral-dropout',
      projectPage: 'https://example-lab.github.io/spectral-dropout/',
      doi: '10.5555/sdgnn<2021>#17',
      url: 'https://proceedings.example.org/x',
    });
    expect(links.map((link) => [link.label, link.href])).toEqual([
      ['arXiv', 'https://arxiv.org/abs/2106.04321'],
      ['PDF', 'https://arxiv.org/pdf/2106.04321'],
      ['Code', 'https://github.com/example-lab/spectral-dropout'],
      ['Project page', 'https://example-lab.github.io/spectral-dropout/'],
      ['DOI', 'https://doi.org/10.5555/sdgnn%3C2021%3E%2317'],
      ['Paper website', 'https://proceedings.example.org/x'],
    ]);
  });

  it('gives every paper both search sort keys', () => {
    expect(searchSortKeys({ date: '2020-01-02', upvotes: 4 })).toEqual({
      date: '2020-01-02',
      upvotes: '4',
    });
    expect(searchSortKeys({})).toEqual({ date: '0000-00-00', upvotes: '0' });
  });
});

describe('barChart', () => {
  it('scales the largest value to the full span and keeps small values visible', () => {
    const chart = barChart(
      [
        { label: 'a', value: 100 },
        { label: 'b', value: 1 },
        { label: 'c', value: 0 },
      ],
      200,
      20,
    );
    expect(chart.bars.map((bar) => bar.length)).toEqual([200, 2, 0]);
    expect(chart.bars.map((bar) => bar.offset)).toEqual([0, 20, 40]);
    expect(chart.extent).toBe(60);
  });
});

describe('siteAddress', () => {
  it('normalises the base path to leading and trailing slashes', () => {
    expect(siteAddress({ BASE_PATH: 'reading-list' }).base).toBe('/reading-list/');
    expect(siteAddress({ BASE_PATH: '/reading-list' }).base).toBe('/reading-list/');
    expect(siteAddress({ BASE_PATH: '/' }).base).toBe('/');
    expect(siteAddress({}).base).toBe('/');
  });

  it('ignores BASE_URL, which tools set for their own purposes', () => {
    expect(siteAddress({ BASE_URL: '/', BASE_PATH: '/reading-list/' }).base).toBe('/reading-list/');
    expect(siteAddress({ SITE_URL: 'https://lab.example' }).site).toBe('https://lab.example');
  });
});

describe('buildDate', () => {
  it('uses SOURCE_DATE_EPOCH when set, so a build can be reproduced exactly', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
  });

  it('otherwise states the day of the build, not the time', () => {
    expect(buildDate({}, new Date('2026-11-22T15:04:05Z'))).toBe('2026-11-22');
    expect(buildDate({ SOURCE_DATE_EPOCH: 'yesterday' }, new Date('2026-11-22T15:04:05Z'))).toBe(
      '2026-11-22',
    );
  });
});
