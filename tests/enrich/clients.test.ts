import { describe, expect, it } from 'vitest';
import { arxivClient, ArxivRequestError, parseArxivFeed } from '../../src/lib/enrich/arxiv.ts';
import { createHttp } from '../../src/lib/enrich/http.ts';
import { huggingFaceClient, parseHfPaper, searchQuery } from '../../src/lib/enrich/huggingface.ts';
import { MalformedResponseError } from '../../src/lib/enrich/malformed.ts';
import { bareDoi, openAlexClient, parseOpenAlexSearch } from '../../src/lib/enrich/openalex.ts';
import { fixture, useFakeSources } from '../helpers/enrich-server.ts';

const start = useFakeSources();
const http = createHttp({
  userAgent: 'test (mailto:test@example.org)',
  retries: 0,
  timeoutMs: 1000,
});

describe('the Hugging Face client', () => {
  it('finds papers by title and reads id, names, date and count from the search answer', async () => {
    const server = await start({
      '/api/papers/search q=Spectral Dropout for Graph Neural Networks': {
        file: 'hf-search-spectral.json',
      },
    });
    const papers = await huggingFaceClient(http, server.url).search(
      'Spectral Dropout for Graph Neural Networks',
    );
    expect(papers.map((paper) => paper.id)).toEqual(['2106.04321', '2012.09876']);
    expect(papers[0]).toMatchObject({
      title: 'Spectral dropout for graph neural networks',
      authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor'],
      published: '2021-06-08',
      upvotes: 42,
    });
    expect(server.requests[0]?.url).toContain('limit=5');
  });

  it('reads code and project page from a paper, and says when the index has no such paper', async () => {
    const server = await start({ '/api/papers/2106.04321': { file: 'hf-paper-2106.04321.json' } });
    const client = huggingFaceClient(http, server.url);
    expect(await client.paper('2106.04321')).toMatchObject({
      githubRepo: 'https://github.com/example-lab/spectral-dropout',
      projectPage: 'https://example-lab.github.io/spectral-dropout/',
    });
    expect(await client.paper('1111.11111')).toBeUndefined();
  });

  it('turns an HTML error page into a malformed-answer error', () => {
    expect(() => parseHfPaper(fixture('malformed.html'), 'u')).toThrow(MalformedResponseError);
    expect(() => parseHfPaper('{"title": "no id"}', 'u')).toThrow(/unexpected JSON at id/);
  });

  it('cuts a long query between words at 250 characters', () => {
    const query = searchQuery(`${'regularization '.repeat(30)}end`);
    expect(query.length).toBeLessThanOrEqual(250);
    expect(query.endsWith('regularization')).toBe(true);
  });
});

describe('the arXiv client', () => {
  it('reads the id without its version, unwrapped title, category, DOI and journal reference', () => {
    expect(parseArxivFeed(fixture('arxiv-2106.04321.xml'), 'u')).toEqual([
      {
        id: '2106.04321',
        title: 'Spectral Dropout for Graph Neural Networks',
        authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor'],
        published: '2021-06-08',
        primaryCategory: 'cs.LG',
        doi: '10.5555/sdgnn.2021.17',
        journalRef: 'Advances in Neural Information Processing Systems 34 (2021)',
        summary: 'We drop eigencomponents of the graph Laplacian instead of nodes or edges.',
      },
    ]);
  });

  it("takes arXiv's error entry for a refusal, not for a paper titled Error", () => {
    expect(() => parseArxivFeed(fixture('arxiv-error.xml'), 'u')).toThrow(ArxivRequestError);
    expect(() => parseArxivFeed(fixture('arxiv-error.xml'), 'u')).toThrow(/incorrect id format/);
  });

  it('rejects a throttling message and an HTML page as malformed', () => {
    expect(() => parseArxivFeed(fixture('arxiv-rate-exceeded.txt'), 'u')).toThrow(
      MalformedResponseError,
    );
    expect(() => parseArxivFeed(fixture('malformed.html'), 'u')).toThrow(MalformedResponseError);
  });

  it('asks by id list and searches titles as a phrase of their words', async () => {
    const server = await start({
      '/api/query id_list=2106.04321': { file: 'arxiv-2106.04321.xml' },
      '/api/query search_query=ti:"entropic regularization of wasserstein barycenters"': {
        file: 'arxiv-search-entropic.xml',
      },
    });
    const client = arxivClient(http, server.url);
    expect((await client.byId('2106.04321v2'))?.id).toBe('2106.04321');
    const found = await client.byTitle('Entropic Regularization of Wasserstein Barycenters');
    expect(found.map((entry) => [entry.id, entry.primaryCategory])).toEqual([
      ['1905.07777', 'math.OC'],
    ]);
  });
});

describe('the OpenAlex client', () => {
  it('takes the venue from a conference or journal, never from arXiv the repository', () => {
    const works = parseOpenAlexSearch(fixture('openalex-spectral.json'), 'u');
    expect(works[0]).toMatchObject({
      venue: 'Neural Information Processing Systems 2021',
      doi: '10.5555/sdgnn.2021.17',
      landingPage: 'https://proceedings.example.org/paper/2021/spectral-dropout',
      authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor'],
    });
    expect(works[1]).toMatchObject({ venue: undefined, doi: undefined, landingPage: undefined });
  });

  it("drops arXiv's own DOIs and keeps others bare", () => {
    expect(bareDoi('https://doi.org/10.48550/arXiv.2106.04321')).toBeUndefined();
    expect(bareDoi('https://doi.org/10.1109/CVPR.2016.90')).toBe('10.1109/CVPR.2016.90');
    expect(bareDoi('doi:10.1000/x')).toBe('10.1000/x');
    expect(bareDoi('not a doi')).toBeUndefined();
  });

  it('sends the contact address for the polite pool and a filter without commas', async () => {
    const server = await start({
      '/works filter=title.search:sp2ot semantic regularized optimal transport': {
        file: 'openalex-empty.json',
      },
    });
    const works = await openAlexClient(http, 'curator@example.org', server.url).byTitle(
      'SP$^2$OT: Semantic-Regularized, Optimal Transport',
    );
    expect(works).toEqual([]);
    expect(server.requests[0]?.url).toContain('mailto=curator%40example.org');
  });

  it('rejects an answer without results as malformed', () => {
    expect(() => parseOpenAlexSearch('{"meta": {}}', 'u')).toThrow(MalformedResponseError);
  });
});
