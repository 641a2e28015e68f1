import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { buildCatalog } from '../../src/lib/site/catalog.ts';
import {
  citationEntries,
  paperPageView,
  paperPager,
  pathSteps,
  relatedItems,
} from '../../src/lib/site/paper-page.ts';
import { fileOf, sitePaper, subPathLinks } from '../helpers/site.ts';

const links = subPathLinks;
const paper = (slug: string, data: Partial<Paper['data']> = {}): Paper =>
  sitePaper(slug, { added: '2026-01-05', ...data }, `We regularize ${slug}.`);

const topics = [
  { id: 'dropout-noise', name: 'Dropout & noise', description: 'Noise.' },
  { id: 'weight-penalties', name: 'Weight decay', description: 'Penalties.' },
  { id: 'sparsity', name: 'Sparsity', description: 'Zeros.' },
];
const catalog = buildCatalog(
  [
    paper('old', { date: '2019-01-01' }),
    paper('mid', { date: '2021-01-01', topics: ['dropout-noise', 'weight-penalties'] }),
    paper('new', { date: '2024-01-01' }),
    paper('alone', { date: '2020-01-01', topics: ['sparsity'] }),
    paper('untopical', { topics: [] }),
  ],
  topics,
  fileOf,
);

describe('paperPageView', () => {
  const mid = catalog.paperById.get('mid');
  if (mid === undefined) throw new Error('fixture paper missing');
  const view = paperPageView(mid, catalog.topicById, links, 'Reading list');

  it('addresses the page under the base and names it in the metadata', () => {
    expect(view.pageUrl).toBe('https://lab.example.org/reading-list/papers/mid/');
    expect(view.metaTags).toContainEqual({
      attribute: 'name',
      key: 'citation_abstract_html_url',
      content: view.pageUrl,
    });
    expect(JSON.parse(view.jsonLd)).toMatchObject({ url: view.pageUrl, name: 'mid' });
  });

  it('links the topics in the paper’s order, each setting the search filter of its id', () => {
    expect(view.topics).toEqual([
      {
        name: 'Dropout & noise',
        href: '/reading-list/topics/dropout-noise/',
        filter: 'topic:dropout-noise',
      },
      {
        name: 'Weight decay',
        href: '/reading-list/topics/weight-penalties/',
        filter: 'topic:weight-penalties',
      },
    ]);
  });

  it('reads math in the title as plain text for the tab and the search result', () => {
    const math = paperPageView(
      paper('sp2ot', { title: 'SP$^2$OT: Partial Transport' }),
      catalog.topicById,
      links,
      'Reading list',
    );
    expect(math.titleHasMath).toBe(true);
    expect(math.plainTitle).toBe('SP²OT: Partial Transport');
    expect(view.titleHasMath).toBe(false);
  });

  it('states the day the paper was added as a reader reads it, and renders the abstract', () => {
    expect(view.addedText).toBe('Jan 5, 2026');
    expect(view.abstractHtml).toBe('<p>We regularize mid.</p>');
  });
});

describe('paperPager', () => {
  it('leads to the next older and newer paper of the primary topic', () => {
    const pager = paperPager(catalog.neighbours.get('mid'), links);
    expect(pager).toEqual({
      label: 'More in Dropout & noise',
      older: {
        href: '/reading-list/papers/old/',
        title: 'old',
        label: '← Older in Dropout & noise',
      },
      newer: {
        href: '/reading-list/papers/new/',
        title: 'new',
        label: 'Newer in Dropout & noise →',
      },
    });
  });

  it('keeps an empty side at either end of the topic', () => {
    expect(paperPager(catalog.neighbours.get('new'), links)?.newer).toBeUndefined();
    expect(paperPager(catalog.neighbours.get('new'), links)?.older?.title).toBe('mid');
    expect(paperPager(catalog.neighbours.get('old'), links)?.older).toBeUndefined();
    expect(paperPager(catalog.neighbours.get('old'), links)?.newer?.title).toBe('mid');
  });

  it('is left out for a paper alone in its topic or without a topic', () => {
    expect(paperPager(catalog.neighbours.get('alone'), links)).toBeUndefined();
    expect(paperPager(catalog.neighbours.get('untopical'), links)).toBeUndefined();
    expect(paperPager(undefined, links)).toBeUndefined();
  });
});

describe('pathSteps', () => {
  it('links the previous and next steps and the path on the topic page', () => {
    const steps = pathSteps(
      [{ topic: 'dropout-noise', step: 2, total: 4, previous: 'old', next: 'gone' }],
      catalog.paperById,
      catalog.topicById,
      links,
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]?.pathHref).toBe('/reading-list/topics/dropout-noise/#start-here');
    expect(steps[0]?.previous).toEqual({ href: '/reading-list/papers/old/', title: 'old' });
    // A step whose paper is no longer listed is not linked.
    expect(steps[0]?.next).toBeUndefined();
  });

  it('leaves out a path whose topic no longer exists', () => {
    const gone = { topic: 'no-such-topic', step: 1, total: 4, previous: undefined, next: 'old' };
    expect(pathSteps([gone], catalog.paperById, catalog.topicById, links)).toEqual([]);
  });
});

describe('relatedItems', () => {
  it('says in words why each paper is related, and skips papers no longer listed', () => {
    const items = relatedItems(
      [
        {
          id: 'new',
          score: 0.5,
          reason: { sharedTopics: ['dropout-noise', 'weight-penalties'], sharedTerms: ['masks'] },
        },
        { id: 'old', score: 0.2, reason: { sharedTopics: [], sharedTerms: [] } },
        { id: 'gone', score: 0.1, reason: { sharedTopics: [], sharedTerms: ['x'] } },
      ],
      catalog.paperById,
      catalog.topicById,
      links,
    );
    expect(items).toEqual([
      {
        href: '/reading-list/papers/new/',
        title: 'new',
        reason: 'both on dropout & noise and weight decay; shared terms: masks',
      },
      { href: '/reading-list/papers/old/', title: 'old', reason: '' },
    ]);
  });
});

describe('citationEntries', () => {
  it('offers BibTeX, RIS and CSL-JSON, each downloadable under the slug with the same text', () => {
    const entries = citationEntries(
      paper('mid', { date: '2021-01-01', authors: ['Ada Example'] }),
      'https://lab.example.org/reading-list/papers/mid/',
      'example2021mid',
    );
    expect(entries.map((entry) => entry.fileName)).toEqual(['mid.bib', 'mid.ris', 'mid.json']);
    for (const entry of entries) {
      const [, text] = /^data:[^,]*,(.*)$/s.exec(entry.href) ?? [];
      expect(decodeURIComponent(text ?? '')).toBe(entry.text);
    }
    expect(entries[0]?.text).toContain('@misc{example2021mid,');
    // The abstract is on the page already; citations leave it out.
    expect(entries.some((entry) => entry.text.includes('We regularize'))).toBe(false);
  });
});
