/**
 * arXiv's API (an Atom feed): `query?id_list=…` for a paper's primary category, the DOI and the
 * journal reference its authors gave, and `query?search_query=ti:"…"` as the title search when the
 * Hugging Face index is down. arXiv asks for at most one request every three seconds.
 *
 * The feed has traps this parser handles: a bad request answers HTTP 200 with one entry titled
 * `Error`; throttling answers the plain text `Rate exceeded.`; ids carry a version (`…v2`) and
 * titles and summaries are hard-wrapped.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Http } from './http.ts';
import { MalformedResponseError } from './malformed.ts';
import { normalizeTitle } from './title.ts';

export const ARXIV_BASE_URL = 'https://export.arxiv.org';

/** arXiv's interval between requests, in milliseconds. */
export const ARXIV_INTERVAL_MS = 3000;

export interface ArxivEntry {
  /** Without its version: `2106.09685`. */
  id: string;
  title: string;
  authors: string[];
  /** `YYYY-MM-DD` of the first version. */
  published: string | undefined;
  primaryCategory: string | undefined;
  doi: string | undefined;
  journalRef: string | undefined;
  /** The abstract; used to pre-fill a new paper, never kept in the cache. */
  summary?: string | undefined;
}

/** arXiv answered, but with its error entry: the request itself was wrong. */
export class ArxivRequestError extends Error {
  constructor(url: string, summary: string) {
    super(`arXiv refused the request ${url}: ${summary}`);
    this.name = 'ArxivRequestError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

type Node = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (value !== null && typeof value === 'object' && '#text' in value)
    return text((value as Node)['#text']);
  return undefined;
}

/** The id in an entry's `<id>`: `http://arxiv.org/abs/2106.09685v2` → `2106.09685`. */
export function entryId(url: string): string | undefined {
  const match = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/.exec(url.trim());
  return match?.[1];
}

/** The entries of a feed. Throws `MalformedResponseError` for anything that is not a feed. */
export function parseArxivFeed(body: string, url: string): ArxivEntry[] {
  let root: Node;
  try {
    root = parser.parse(body) as Node;
  } catch (error) {
    throw new MalformedResponseError(url, `not XML: ${(error as Error).message}`);
  }
  const feed = root.feed as Node | undefined;
  // A throttling message (`Rate exceeded.`) or an HTML error page parses, but holds no feed.
  if (feed === undefined || typeof feed !== 'object') {
    throw new MalformedResponseError(
      url,
      `no Atom <feed> (starts with ${JSON.stringify(body.trim().slice(0, 40))})`,
    );
  }
  const entries = (feed.entry as Node[] | undefined) ?? [];
  const result: ArxivEntry[] = [];
  for (const entry of entries) {
    const idUrl = text(entry.id) ?? '';
    const title = text(entry.title) ?? '';
    if (idUrl.includes('/api/errors') || title === 'Error')
      throw new ArxivRequestError(url, text(entry.summary) ?? 'no reason given');
    const id = entryId(idUrl);
    if (id === undefined || title === '')
      throw new MalformedResponseError(url, `an entry without an arXiv id or title (${idUrl})`);
    const authors = ((entry.author as Node[] | undefined) ?? [])
      .map((author) => text(author.name) ?? '')
      .filter((name) => name !== '');
    const primary = entry['arxiv:primary_category'] as Node | undefined;
    result.push({
      id,
      title,
      authors,
      published: /^\d{4}-\d{2}-\d{2}/.exec(text(entry.published) ?? '')?.[0],
      primaryCategory: typeof primary?.['@term'] === 'string' ? primary['@term'] : undefined,
      doi: text(entry['arxiv:doi']),
      journalRef: text(entry['arxiv:journal_ref']),
      summary: text(entry.summary),
    });
  }
  return result;
}

/** A phrase search for the title's words: `ti:"decoupled weight decay regularization"`. */
export function titleQuery(title: string): string {
  return `ti:"${normalizeTitle(title)}"`;
}

export interface ArxivClient {
  /** The entry, or undefined when arXiv has no such paper. */
  byId(id: string): Promise<ArxivEntry | undefined>;
  byTitle(title: string, limit?: number): Promise<ArxivEntry[]>;
}

export function arxivClient(http: Http, baseUrl = ARXIV_BASE_URL): ArxivClient {
  const root = baseUrl.replace(/\/+$/, '');
  const query = async (params: string): Promise<ArxivEntry[]> => {
    const url = `${root}/api/query?${params}`;
    const response = await http.get(url, 'application/atom+xml');
    return response.status === 404 ? [] : parseArxivFeed(response.body, url);
  };
  return {
    async byId(id) {
      // The paper, not one version of it: the newest version carries the latest DOI and venue.
      const base = id.replace(/v\d+$/, '');
      const entries = await query(`id_list=${encodeURIComponent(base)}&max_results=1`);
      return entries.find((entry) => entry.id === base);
    },
    byTitle(title, limit = 5) {
      return query(
        `search_query=${encodeURIComponent(titleQuery(title))}&start=0&max_results=${limit}`,
      );
    },
  };
}
