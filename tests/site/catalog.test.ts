import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { buildCatalog, UnknownTopicError } from '../../src/lib/site/catalog.ts';

const topics = [
  { id: 'weight-penalties', name: 'Weight decay', description: 'Penalties.' },
  { id: 'dropout-noise', name: 'Dropout', description: 'Noise.' },
];

function paper(
  id: string,
  date: string | undefined,
  topicIds: string[],
  added = '2026-01-01',
): Paper {
  return {
    slug: id,
    abstract: `Abstract of ${id}.`,
    data: {
      title: id.toUpperCase(),
      topics: topicIds,
      sources: [],
      added,
      ...(date ? { date } : {}),
    },
  };
}

const fileOf = (slug: string) => `content/papers/${slug}.md`;

describe('buildCatalog', () => {
  const papers = [
    paper('old', '2019-03-01', ['weight-penalties']),
    paper('new', '2024-03-01', ['weight-penalties', 'dropout-noise'], '2026-02-01'),
    paper('mid', '2021-03-01', ['dropout-noise', 'weight-penalties']),
    paper('undated', undefined, ['weight-penalties']),
  ];
  const catalog = buildCatalog(papers, topics, fileOf);

  it('lists each topic with its papers newest first and undated last', () => {
    expect(catalog.topicById.get('weight-penalties')?.papers.map((item) => item.slug)).toEqual([
      'new',
      'mid',
      'old',
      'undated',
    ]);
    expect(catalog.topicById.get('weight-penalties')?.primaryCount).toBe(3);
    expect(catalog.topicById.get('dropout-noise')?.papers.map((item) => item.slug)).toEqual([
      'new',
      'mid',
    ]);
  });

  it('groups dated papers by year, newest year first, and keeps undated ones apart', () => {
    expect(catalog.years.map((group) => group.year)).toEqual(['2024', '2021', '2019']);
    expect(catalog.undated.map((item) => item.slug)).toEqual(['undated']);
  });

  it('shows the most recently added papers first', () => {
    expect(catalog.recentlyAdded[0]?.slug).toBe('new');
  });

  it('names every listing the papers came from once, sorted', () => {
    const listed = buildCatalog(
      [
        {
          ...paper('a', '2020-01-01', []),
          data: { ...paper('a', undefined, []).data, sources: ['b.txt', 'a.txt'] },
        },
        {
          ...paper('b', '2020-01-01', []),
          data: { ...paper('b', undefined, []).data, sources: ['a.txt'] },
        },
      ],
      topics,
      fileOf,
    );
    expect(listed.sources).toEqual(['a.txt', 'b.txt']);
  });

  it('links a paper to the next newer and next older paper of its primary topic', () => {
    const neighbours = catalog.neighbours.get('mid');
    expect(neighbours?.topic?.id).toBe('dropout-noise');
    expect(neighbours?.newer?.slug).toBe('new');
    expect(neighbours?.older).toBeUndefined();
    expect(catalog.neighbours.get('old')?.newer?.slug).toBe('mid');
  });

  it('fails with the file name when a paper names an unknown topic', () => {
    const broken = [paper('x', '2020-01-01', ['no-such-topic'])];
    expect(() => buildCatalog(broken, topics, fileOf)).toThrow(UnknownTopicError);
    expect(() => buildCatalog(broken, topics, fileOf)).toThrow(
      'content/papers/x.md: topics: unknown topic id "no-such-topic" (use one of: weight-penalties, dropout-noise)',
    );
  });
});
