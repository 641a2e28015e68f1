import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { buildCatalog } from '../../src/lib/site/catalog.ts';
import { barChart, chartId, chartText, labelExtent } from '../../src/lib/site/charts.ts';
import {
  firstSentence,
  homeView,
  papersPerTopic,
  papersPerYear,
  topicCards,
} from '../../src/lib/site/home.ts';
import { siteLinks } from '../../src/lib/site/links.ts';

describe('barChart', () => {
  it('is wide enough for its longest label, so no label is cut', async () => {
    const taxonomy = load(await readFile('content/topics.yaml', 'utf8')) as {
      topics: { name: string }[];
    };
    const data = taxonomy.topics.map((topic, index) => ({ label: topic.name, value: index }));
    const chart = barChart(data, 250, 34);
    for (const item of data)
      expect(labelExtent(item.label), item.label).toBeLessThanOrEqual(chart.width);
    // "Continual learning, transfer and adaptation" is longer than the bars are.
    expect(chart.width).toBeGreaterThan(250 + 40);
  });

  it('leaves room after the longest bar for its count', () => {
    expect(barChart([{ label: '2024', value: 3 }], 250, 34).width).toBe(290);
  });
});

describe('home charts', () => {
  const paper = { id: 'x' } as never;

  it('charts years oldest first and leaves undated papers out of the chart', () => {
    expect(
      papersPerYear([
        { year: '2024', papers: [paper, paper] },
        { year: '2019', papers: [paper] },
      ]),
    ).toEqual([
      { label: '2019', value: 1 },
      { label: '2024', value: 2 },
    ]);
  });

  it('charts topics in the order given', () => {
    expect(
      papersPerTopic([
        { id: 'b', name: 'B', description: '', papers: [paper], primaryCount: 1 },
        { id: 'a', name: 'A', description: '', papers: [], primaryCount: 0 },
      ]),
    ).toEqual([
      { label: 'B', value: 1 },
      { label: 'A', value: 0 },
    ]);
  });

  it('takes the first sentence of a description for a topic card', () => {
    expect(firstSentence('Weight decay. And more.')).toBe('Weight decay.');
  });
});

describe('homeView and topicCards', () => {
  const links = siteLinks({ site: 'https://lab.example.org', base: '/reading-list/' });
  const paper = (slug: string, date: string | undefined, topics: string[]): Paper => ({
    slug,
    abstract: 'Text.',
    data: { title: slug, topics, sources: [], added: '2026-01-01', ...(date ? { date } : {}) },
  });
  const catalog = buildCatalog(
    [
      paper('a', '2024-01-01', ['dropout-noise']),
      paper('b', undefined, ['dropout-noise', 'weight-penalties']),
    ],
    [
      { id: 'dropout-noise', name: 'Dropout', description: 'Noise. More noise.' },
      { id: 'weight-penalties', name: 'Weight decay', description: 'Penalties!' },
    ],
    (slug) => `content/papers/${slug}.md`,
  );

  it('counts each topic’s papers in words and links its page', () => {
    expect(topicCards(catalog.topics, links)).toEqual([
      {
        name: 'Dropout',
        href: '/reading-list/topics/dropout-noise/',
        count: '2 papers',
        primaryCount: 2,
        description: 'Noise. More noise.',
        blurb: 'Noise.',
      },
      {
        name: 'Weight decay',
        href: '/reading-list/topics/weight-penalties/',
        count: '1 paper',
        primaryCount: 0,
        description: 'Penalties!',
        blurb: 'Penalties!',
      },
    ]);
  });

  it('says how many papers the year chart leaves out, and nothing when it leaves out none', () => {
    const home = homeView(catalog, links);
    expect(home.uncharted).toBe('1 paper');
    expect(home.perYear).toEqual([{ label: '2024', value: 1 }]);
    expect(home.recent.flatMap((group) => group.papers).map((item) => item.slug)).toEqual([
      'a',
      'b',
    ]);
    expect(homeView({ ...catalog, undated: [] }, links).uncharted).toBeUndefined();
  });
});

describe('chartId and chartText', () => {
  it('names a chart by its title and reads it out as text', () => {
    expect(chartId('Papers per year')).toBe('chart-papers-per-year');
    expect(
      chartText('Papers per year', [
        { label: '2023', value: 52 },
        { label: '2024', value: 19 },
      ]),
    ).toBe('Papers per year: 2023 52, 2024 19');
  });
});
