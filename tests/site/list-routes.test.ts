import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/site/catalog.ts';
import {
  allPapersPages,
  startSteps,
  staticPaths,
  topicPages,
  yearPages,
} from '../../src/lib/site/list-routes.ts';
import {
  ListIdCollisionError,
  listRecordPaths,
  listRecordText,
} from '../../src/lib/site/list-records.ts';
import { paperRow } from '../../src/lib/site/paper-list.ts';
import { fileOf, sitePaper, subPathLinks } from '../helpers/site.ts';

const links = subPathLinks;
const paper = sitePaper;

const dated = Array.from({ length: 60 }, (_, index) =>
  paper(`p${String(index).padStart(2, '0')}`, { date: '2024-05-01' }),
);
const catalog = buildCatalog(
  [...dated, paper('undated', { dateText: 'Mar 6' })],
  [{ id: 'dropout-noise', name: 'Dropout', description: 'Noise injected while training.' }],
  fileOf,
);

describe('allPapersPages', () => {
  const pages = allPapersPages(catalog.papers);

  it('titles later pages with their number, and says the order in the heading', () => {
    expect(pages.map((page) => page.title)).toEqual([
      'All papers, newest first',
      'All papers, newest first, page 2',
      'All papers, title a–z',
      'All papers, title a–z, page 2',
      'All papers, most upvoted',
      'All papers, most upvoted, page 2',
    ]);
    expect(pages[1]?.rangeHeading).toBe('Papers 51–61 of 61, newest first');
    expect(pages[0]?.heading).toBe('All 61 papers');
    expect(pages[0]?.description).toBe('All 61 papers of the reading list.');
  });

  it('marks the order shown as current among the sort links', () => {
    const byTitle = pages[2];
    expect(byTitle?.orderings.map((item) => [item.path, item.current])).toEqual([
      ['all/', false],
      ['all/title/', true],
      ['all/upvotes/', false],
    ]);
    expect(byTitle?.newestFirst).toBe(false);
  });
});

describe('topicPages', () => {
  const path = {
    topic: 'dropout-noise',
    steps: [{ paper: 'p01', reason: 'Start with the idea.' }],
  };
  const pages = topicPages(catalog.topics, new Map([['dropout-noise', path]]));

  it('cuts each topic into pages under its own address, newest first', () => {
    expect(pages.map((page) => [page.path, page.params, page.papers.length])).toEqual([
      ['topics/dropout-noise/', { topic: 'dropout-noise', page: undefined }, 50],
      ['topics/dropout-noise/2/', { topic: 'dropout-noise', page: '2' }, 11],
    ]);
    expect(pages.map((page) => page.title)).toEqual(['Dropout', 'Dropout, page 2']);
    expect(pages[0]?.rangeHeading).toBe('Papers 1–50 of 61, newest first');
    expect(pages[1]?.groups.map((group) => group.heading)).toEqual([undefined, 'No date given']);
  });

  it('shows the reading path on the first page only', () => {
    expect(pages.map((page) => page.readingPath)).toEqual([path, undefined]);
  });

  it('offers the topic’s feed and downloads, saved under the topic’s id', () => {
    expect(pages[0]?.feed).toEqual({
      path: 'topics/dropout-noise/feed.xml',
      title: 'Dropout: newly added papers',
    });
    expect(pages[0]?.downloads).toEqual([
      { label: 'BibTeX', path: 'topics/dropout-noise/papers.bib', fileName: 'dropout-noise.bib' },
      { label: 'CSV', path: 'topics/dropout-noise/papers.csv', fileName: 'dropout-noise.csv' },
    ]);
  });
});

describe('yearPages', () => {
  it('titles and describes each year’s pages', () => {
    const pages = yearPages(catalog.years);
    expect(pages.map((page) => [page.title, page.params])).toEqual([
      ['Papers from 2024', { year: '2024', page: undefined }],
      ['Papers from 2024, page 2', { year: '2024', page: '2' }],
    ]);
    expect(pages[0]?.description).toBe('60 papers on regularization from 2024.');
  });
});

describe('staticPaths', () => {
  it('hands each page to Astro under its own parameters', () => {
    const [first] = staticPaths(yearPages(catalog.years));
    expect(first?.params).toEqual({ year: '2024', page: undefined });
    expect(first?.props.page.current).toBe(1);
  });
});

describe('startSteps', () => {
  it('links each step of a reading path and skips papers no longer listed', () => {
    const steps = startSteps(
      {
        topic: 'dropout-noise',
        steps: [
          { paper: 'p03', reason: 'First.' },
          { paper: 'gone', reason: 'Removed.' },
        ],
      },
      catalog.paperById,
      links,
    );
    expect(steps.map((step) => [step.href, step.reason])).toEqual([
      ['/reading-list/papers/p03/', 'First.'],
    ]);
  });
});

describe('paperRow', () => {
  it('links the paper and its topics, with authors and year, and the upvotes apart', () => {
    const row = paperRow(
      paper('row', {
        authors: ['Ada Example', 'Grace Placeholder'],
        date: '2023-02-01',
        upvotes: 3,
      }),
      catalog.topicById,
      links,
    );
    expect(row).toEqual({
      href: '/reading-list/papers/row/',
      lead: 'Ada Example and Grace Placeholder · 2023',
      topics: [{ name: 'Dropout', href: '/reading-list/topics/dropout-noise/' }],
      upvotes: '3 upvotes',
    });
  });
});

describe('list records', () => {
  it('gives each paper a short id and refuses two papers that share one', () => {
    const [route] = listRecordPaths([paper('dropout')]);
    expect(route?.props.paper.slug).toBe('dropout');
    expect(route?.params.id).toMatch(/^[0-9a-z]+$/);
    const twin = paper('dropout');
    expect(() => listRecordPaths([paper('dropout'), twin])).toThrow(ListIdCollisionError);
  });

  it('writes one line of JSON with the paper’s page and its citation key', () => {
    const text = listRecordText(
      paper('dropout'),
      'https://lab.example.org/reading-list/',
      new Map([['dropout', 'hinton2012dropout']]),
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toMatchObject({
      slug: 'dropout',
      citationKey: 'hinton2012dropout',
      pageUrl: 'https://lab.example.org/reading-list/papers/dropout/',
    });
  });
});
