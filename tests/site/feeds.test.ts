import { describe, expect, it } from 'vitest';
import type { SitePaper } from '../../src/lib/site/catalog.ts';
import { FEED_SIZE, feedItems } from '../../src/lib/site/feeds.ts';

function paper(id: string, added: string, date?: string): SitePaper {
  return {
    id,
    body: `Abstract of ${id}.`,
    filePath: `content/papers/${id}.md`,
    data: {
      title: id,
      topics: ['weight-penalties'],
      sources: [],
      added,
      ...(date ? { date } : {}),
    },
  };
}

describe('feedItems', () => {
  it('lists the most recently added papers first with links under the base path', () => {
    const items = feedItems(
      [
        paper('old', '2026-01-01', '2024-01-01'),
        paper('new', '2026-03-01'),
        paper('mid', '2026-02-01'),
      ],
      () => 'Weight decay',
      '/reading-list/',
    );
    expect(items.map((item) => item.title)).toEqual(['new', 'mid', 'old']);
    expect(items[0]).toEqual({
      title: 'new',
      link: '/reading-list/papers/new/',
      pubDate: new Date('2026-03-01T00:00:00Z'),
      description: 'Abstract of new.',
      categories: ['Weight decay'],
    });
  });

  it('keeps only the latest additions', () => {
    const many = Array.from({ length: FEED_SIZE + 10 }, (_, index) =>
      paper(`p${String(index).padStart(3, '0')}`, '2026-01-01'),
    );
    expect(feedItems(many, () => undefined, '/')).toHaveLength(FEED_SIZE);
  });
});
