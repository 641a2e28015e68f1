import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { FEED_SIZE, feedItems } from '../../src/lib/site/feeds.ts';
import { siteLinks } from '../../src/lib/site/links.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { HOSTILE_STRINGS } from '../robustness/arbitraries.ts';

function paper(id: string, added: string, date?: string): Paper {
  return {
    slug: id,
    abstract: `Abstract of ${id}.`,
    data: {
      title: id,
      topics: ['weight-penalties'],
      sources: [],
      added,
      ...(date ? { date } : {}),
    },
  };
}

const atRoot = siteLinks({ site: 'https://reading-list.test', base: '/' });

describe('feedItems', () => {
  it('lists the most recently added papers first with links under the base path', () => {
    const items = feedItems(
      [
        paper('old', '2026-01-01', '2024-01-01'),
        paper('new', '2026-03-01'),
        paper('mid', '2026-02-01'),
      ],
      () => 'Weight decay',
      siteLinks({ site: 'https://lab.example.org', base: '/reading-list/' }),
    );
    expect(items.map((item) => item.title)).toEqual(['new', 'mid', 'old']);
    expect(items[0]).toEqual({
      title: 'new',
      link: '/reading-list/papers/new/',
      pubDate: new Date('2026-03-01T00:00:00Z'),
      description: '<p>Abstract of new.</p>',
      categories: ['Weight decay'],
    });
  });

  it('keeps only the latest additions', () => {
    const many = Array.from({ length: FEED_SIZE + 10 }, (_, index) =>
      paper(`p${String(index).padStart(3, '0')}`, '2026-01-01'),
    );
    expect(feedItems(many, () => undefined, atRoot)).toHaveLength(FEED_SIZE);
  });
});

/** The feed @astrojs/rss writes for `papers`, as the site's feed routes call it. */
async function feedXml(papers: readonly Paper[], topicName = 'Weight decay'): Promise<string> {
  return getRssString({
    title: 'Feed',
    description: 'Newly added papers',
    site: 'https://reading-list.test/',
    items: feedItems(papers, () => topicName, atRoot),
  });
}

interface ParsedItem {
  title: string;
  description: string;
  category: string | string[];
}

/** The feed's items, parsed by a strict XML parser; throws when the feed is not valid XML. */
function parseItems(xml: string): ParsedItem[] {
  const problems = xmlProblems(xml);
  if (problems.length > 0) throw new Error(`invalid XML: ${problems.join('; ')}`);
  const parsed = new XMLParser({
    isArray: (name) => name === 'item',
    parseTagValue: false,
    trimValues: false,
  }).parse(xml) as { rss: { channel: { item: ParsedItem[] } } };
  return parsed.rss.channel.item;
}

/** Characters XML 1.0 allows, less the C1 controls HTML rejects. */
const XML_CHARS =
  /^[\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('a feed item’s description', () => {
  it('holds the abstract as text in paragraphs, never its markup', async () => {
    const hostile = {
      ...paper('hostile', '2026-03-01'),
      abstract:
        'Bad <img src=x onerror=alert(1)> and <script>alert(1)</script> & [x](javascript:y)\n\nSecond $a<b$ paragraph.',
    };
    const [item] = parseItems(await feedXml([hostile]));
    // What a reader renders as HTML: two paragraphs, and only text inside them.
    expect(item?.description).toBe(
      '<p>Bad &#x3C;img src=x onerror=alert(1)> and &#x3C;script>alert(1)&#x3C;/script> &#x26; [x](javascript:y)</p><p>Second $a&#x3C;b$ paragraph.</p>',
    );
    const markup = (item?.description ?? '').replace(/<\/?p>/g, '');
    expect(markup).not.toContain('<');
  });

  it('keeps the feed valid XML whatever a title, abstract or topic name holds', async () => {
    const papers = HOSTILE_STRINGS.map((text, index) => ({
      ...paper(`p${String(index).padStart(3, '0')}`, '2026-03-01'),
      abstract: `${text} in an abstract`,
      data: { ...paper('x', '2026-03-01').data, title: `${text} in a title` },
    }));
    // Fifty papers per feed: every hostile string goes into one of several feeds.
    for (let start = 0; start < papers.length; start += FEED_SIZE) {
      const chunk = papers.slice(start, start + FEED_SIZE);
      const xml = await feedXml(chunk, `${HOSTILE_STRINGS[start] ?? ''} topic`);
      expect(xml).toMatch(XML_CHARS);
      const items = parseItems(xml);
      expect(items).toHaveLength(chunk.length);
      for (const item of items) {
        expect(item.description.replace(/<\/?p>/g, '')).not.toContain('<');
      }
    }
  });
});
