/**
 * The machine-readable outputs of a real build of the fixture corpus: feeds, exports, papers.json
 * and its schema, citation files, sitemap, robots.txt and the web manifest. Each is read back with
 * a real parser, the way a feed reader, a reference manager or a script would read it.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPaperFile } from '../../src/lib/paper/paper-file.ts';
import { TEST_SITE_URL as SITE } from '../../harness/build-and-serve.ts';
import { CORPUS_DIR } from '../browser/fixture-corpus.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';

const BASE = '/reading-list/';

interface FixturePaper {
  slug: string;
  title: string;
  topics: string[];
}

let dist: string;
let papers: FixturePaper[];

const read = (file: string): Promise<string> => readFile(path.join(dist, file), 'utf8');
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name),
});

beforeAll(async () => {
  dist = await fixtureSite(BASE);
  const names = (await readdir(path.join(CORPUS_DIR, 'papers')))
    .filter((name) => name.endsWith('.md'))
    .sort();
  papers = await Promise.all(
    names.map(async (name) => {
      const result = readPaperFile(await readFile(path.join(CORPUS_DIR, 'papers', name), 'utf8'));
      if (!result.ok) throw new Error(`fixture ${name} is invalid`);
      return { slug: name.slice(0, -3), title: result.data.title, topics: result.data.topics };
    }),
  );
});

describe('feeds', () => {
  it('publishes a valid RSS 2.0 feed of every paper with links under the base path', async () => {
    const text = await read('feed.xml');
    const feed = xml.parse(text) as {
      rss: {
        '@_version': string;
        channel: { link: string; item: { title: string; link: string; pubDate: string }[] };
      };
    };
    expect(feed.rss['@_version']).toBe('2.0');
    expect(feed.rss.channel.link).toBe(`${SITE}${BASE}`);
    expect(feed.rss.channel.item.map((item) => item.title).sort()).toEqual(
      papers.map((paper) => paper.title).sort(),
    );
    for (const item of feed.rss.channel.item) {
      expect(item.link).toMatch(new RegExp(`^${SITE}${BASE}papers/[a-z0-9-]+/$`));
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });

  it('publishes one feed per topic holding exactly that topic’s papers, advertised on its page', async () => {
    const topic = 'optimal-transport';
    const text = await read(`topics/${topic}/feed.xml`);
    const feed = xml.parse(text) as { rss: { channel: { item?: { title: string }[] } } };
    const expected = papers
      .filter((paper) => paper.topics.includes(topic))
      .map((paper) => paper.title);
    expect(expected.length).toBeGreaterThan(0);
    expect((feed.rss.channel.item ?? []).map((item) => item.title).sort()).toEqual(expected.sort());
    const page = await read(`topics/${topic}/index.html`);
    expect(page).toContain(`<link rel="alternate" type="application/rss+xml"`);
    expect(page).toContain(`href="${BASE}topics/${topic}/feed.xml"`);
  });
});

describe('exports', () => {
  it('writes papers.json that validates against the published JSON Schema', async () => {
    const schema = JSON.parse(await read('papers.schema.json')) as Record<string, unknown>;
    const data = JSON.parse(await read('papers.json')) as {
      $schema: string;
      count: number;
      generated: string;
      papers: { slug: string }[];
    };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.count).toBe(papers.length);
    expect(data.papers.map((paper) => paper.slug)).toEqual(papers.map((paper) => paper.slug));
    expect(data.$schema).toBe(`${SITE}${BASE}papers.schema.json`);
    expect(data.generated).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('writes a BibTeX file of the whole list that a BibTeX parser reads back entry for entry', async () => {
    const library = parseBibtex(await read('papers.bib'), { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.fields.title).sort()).toEqual(
      papers.map((paper) => paper.title).sort(),
    );
  });

  it('writes a CSV of the whole list and of each topic that a CSV parser reads back', async () => {
    const all = parseCsv<{
      slug: string;
      title: string;
    }>(await read('papers.csv'), { columns: true });
    expect(all.map((row) => row.title).sort()).toEqual(papers.map((paper) => paper.title).sort());
    const topicRows = parseCsv<{ slug: string }>(
      await read('topics/optimal-transport/papers.csv'),
      { columns: true },
    );
    expect(topicRows.map((row) => row.slug).sort()).toEqual(
      papers
        .filter((paper) => paper.topics.includes('optimal-transport'))
        .map((paper) => paper.slug)
        .sort(),
    );
  });

  it('links the list downloads from the home page and a topic’s downloads from its page', async () => {
    const home = await read('index.html');
    for (const file of ['papers.bib', 'papers.csv', 'papers.json'])
      expect(home).toContain(`href="${BASE}${file}"`);
    const topic = await read('topics/optimal-transport/index.html');
    for (const file of ['papers.bib', 'papers.csv'])
      expect(topic).toContain(`href="${BASE}topics/optimal-transport/${file}"`);
  });
});

describe('per-paper citations and metadata', () => {
  it('offers BibTeX, RIS and CSL-JSON downloads for every paper, each readable', async () => {
    for (const paper of papers) {
      const page = await read(`papers/${paper.slug}/index.html`);
      const downloads = new Map(
        [...page.matchAll(/<a href="data:([^,"]+),([^"]*)" download="([^"]+)"/g)].map((match) => [
          match[3] ?? '',
          decodeURIComponent((match[2] ?? '').replaceAll('&amp;', '&')),
        ]),
      );
      const bib = parseBibtex(downloads.get(`${paper.slug}.bib`) ?? '', { english: false });
      expect(bib.errors).toEqual([]);
      expect(bib.entries[0]?.fields.title).toBe(paper.title);
      const ris = downloads.get(`${paper.slug}.ris`) ?? '';
      expect(ris.startsWith('TY  - ')).toBe(true);
      expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
      const csl = JSON.parse(downloads.get(`${paper.slug}.json`) ?? '') as { title: string }[];
      expect(csl[0]?.title).toBe(paper.title);
    }
  });

  it('shows the citation text on the paper page without JavaScript, with download links', async () => {
    const [paper] = papers;
    if (paper === undefined) throw new Error('empty fixture corpus');
    const page = await read(`papers/${paper.slug}/index.html`);
    expect(page).toMatch(/<pre id="cite-bibtex">@\w+\{/);
    expect(page).toMatch(
      new RegExp(`href="data:application/x-bibtex[^"]*" download="${paper.slug}.bib"`),
    );
  });

  it('gives every paper page Highwire tags, JSON-LD, OpenGraph and a canonical URL', async () => {
    for (const paper of papers) {
      const page = await read(`papers/${paper.slug}/index.html`);
      const url = `${SITE}${BASE}papers/${paper.slug}/`;
      expect(page).toContain(`<link rel="canonical" href="${url}">`);
      expect(page).toContain('<meta name="citation_title"');
      expect(page).toContain(`<meta property="og:url" content="${url}">`);
      const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
      expect(JSON.parse(jsonLd)).toMatchObject({
        '@type': 'ScholarlyArticle',
        headline: paper.title,
        url,
      });
    }
  });
});

describe('site files', () => {
  it('lists every paper page in the sitemap and points robots.txt at it', async () => {
    const index = xml.parse(await read('sitemap-index.xml')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    const urls: string[] = [];
    for (const entry of index.sitemapindex.sitemap) {
      const file = entry.loc.replace(`${SITE}${BASE}`, '');
      const map = xml.parse(await read(file)) as { urlset: { url: { loc: string }[] } };
      urls.push(...map.urlset.url.map((url) => url.loc));
    }
    for (const paper of papers) expect(urls).toContain(`${SITE}${BASE}papers/${paper.slug}/`);
    expect(await read('robots.txt')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
  });

  it('tells the search page how many papers the index holds, which ranks rare words higher', async () => {
    const page = await read('search/index.html');
    expect(page).toContain(`data-paper-count="${String(papers.length)}"`);
  });

  it('publishes a web manifest and favicon under the base path', async () => {
    const manifest = JSON.parse(await read('manifest.webmanifest')) as {
      start_url: string;
      icons: { src: string }[];
    };
    expect(manifest.start_url).toBe(BASE);
    expect(manifest.icons[0]?.src).toBe(`${BASE}favicon.svg`);
    expect(await read('favicon.svg')).toContain('<svg');
  });
});

describe('the browser scripts', () => {
  it('never evaluate code from a string, which the Content-Security-Policy blocks', async () => {
    const scripts = (await readdir(path.join(dist, '_astro'))).filter((name) =>
      name.endsWith('.js'),
    );
    expect(scripts.length).toBeGreaterThan(2);
    for (const name of scripts) {
      const code = await read(`_astro/${name}`);
      // zod probes `new Function` when it is loaded: a page script that imports the schema's values
      // instead of its types logs a CSP violation and grows by about 85 KB.
      expect(code, name).not.toMatch(/\bnew Function\b|\bFunction\(`|\beval\(/);
    }
  });

  it('load in one request each: no page script waits for a chunk it shares with another', async () => {
    const scripts = (await readdir(path.join(dist, '_astro'))).filter((name) =>
      name.endsWith('.js'),
    );
    for (const name of scripts) {
      const code = await read(`_astro/${name}`);
      // A static import of a sibling chunk is one more round trip before the script can run: on
      // the search page, before the first result is shown.
      expect(code, name).not.toMatch(/(?:\bfrom|\bimport)\s*["']\.{1,2}\//);
    }
  });
});
