import { describe, expect, it } from 'vitest';
import { buildCatalog, UnknownTopicError, type SitePaper } from '../../src/lib/site/catalog.ts';

const topics = [
  { id: 'weight-penalties', name: 'Weight decay', description: 'Penalties.' },
  { id: 'dropout-noise', name: 'Dropout', description: 'Noise.' },
];

function paper(
  id: string,
  date: string | undefined,
  topicIds: string[],
  added = '2026-01-01',
): SitePaper {
  return {
    id,
    body: `Abstract of ${id}.`,
    filePath: `content/papers/${id}.md`,
    data: {
      title: id.toUpperCase(),
      topics: topicIds,
      sources: [],
      added,
      ...(date ? { date } : {}),
    },
  };
}

describe('buildCatalog', () => {
  const papers = [
    paper('old', '2019-03-01', ['weight-penalties']),
    paper('new', '2024-03-01', ['weight-penalties', 'dropout-noise'], '2026-02-01'),
    paper('mid', '2021-03-01', ['dropout-noise', 'weight-penalties']),
    paper('undated', undefined, ['weight-penalties']),
  ];
  const catalog = buildCatalog(papers, topics);

  it('lists each topic with its papers newest first and undated last', () => {
    expect(catalog.topicById.get('weight-penalties')?.papers.map((item) => item.id)).toEqual([
      'new',
      'mid',
      'old',
      'undated',
    ]);
    expect(catalog.topicById.get('weight-penalties')?.primaryCount).toBe(3);
    expect(catalog.topicById.get('dropout-noise')?.papers.map((item) => item.id)).toEqual([
      'new',
      'mid',
    ]);
  });

  it('groups dated papers by year, newest year first, and keeps undated ones apart', () => {
    expect(catalog.years.map((group) => group.year)).toEqual(['2024', '2021', '2019']);
    expect(catalog.undated.map((item) => item.id)).toEqual(['undated']);
  });

  it('shows the most recently added papers first', () => {
    expect(catalog.recentlyAdded[0]?.id).toBe('new');
  });

  it('links a paper to the next newer and next older paper of its primary topic', () => {
    const neighbours = catalog.neighbours.get('mid');
    expect(neighbours?.topic?.id).toBe('dropout-noise');
    expect(neighbours?.newer?.id).toBe('new');
    expect(neighbours?.older).toBeUndefined();
    expect(catalog.neighbours.get('old')?.newer?.id).toBe('mid');
  });

  it('fails with the file name when a paper names an unknown topic', () => {
    const broken = [paper('x', '2020-01-01', ['no-such-topic'])];
    expect(() => buildCatalog(broken, topics)).toThrow(UnknownTopicError);
    expect(() => buildCatalog(broken, topics)).toThrow(
      'content/papers/x.md: topics: unknown topic id "no-such-topic" (use one of: weight-penalties, dropout-noise)',
    );
  });
});
