import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { barChart, labelExtent } from '../../src/lib/site/charts.ts';
import { firstSentence, papersPerTopic, papersPerYear } from '../../src/lib/site/home.ts';

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
