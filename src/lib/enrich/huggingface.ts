/**
 * The Hugging Face paper index, which the listings come from: `GET /api/papers/search?q=…` finds
 * papers by title (and authors and content), `GET /api/papers/{arxivId}` gives one paper with its
 * authors, `githubRepo`, `projectPage`, `upvotes` and `publishedAt`. Reads need no key.
 */
import { z } from 'zod';
import type { Http } from './http.ts';
import { parseJsonBody } from './malformed.ts';

export const HUGGING_FACE_BASE_URL = 'https://huggingface.co';

/** The index's longest `q`. */
export const MAX_QUERY_LENGTH = 250;

/** What we use of a paper in the index. */
export interface HfPaper {
  /** The arXiv id, which is the paper's id in the index. */
  id: string;
  title: string;
  /** Names in order; empty when the index lists none. */
  authors: string[];
  /** `YYYY-MM-DD` of `publishedAt`. */
  published: string | undefined;
  upvotes: number | undefined;
  githubRepo: string | undefined;
  projectPage: string | undefined;
  /** The abstract; used to pre-fill a new paper, never kept in the cache. */
  summary?: string | undefined;
}

const paperShape = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  summary: z.string().optional(),
  authors: z.array(z.looseObject({ name: z.string() })).optional(),
  publishedAt: z.string().optional(),
  upvotes: z.int().min(0).optional(),
  githubRepo: z.string().nullable().optional(),
  projectPage: z.string().nullable().optional(),
});

/** Search results wrap each paper with listing fields of their own; only `paper` is used. */
const searchShape = z.array(z.looseObject({ paper: paperShape }));

/** An http(s) link, or undefined for anything else (an empty string, a bare word). */
export function httpLink(value: string | null | undefined): string | undefined {
  const text = value?.trim() ?? '';
  return /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(text) ? text : undefined;
}

function toPaper(paper: z.infer<typeof paperShape>): HfPaper {
  const published = /^\d{4}-\d{2}-\d{2}/.exec(paper.publishedAt ?? '')?.[0];
  return {
    id: paper.id,
    title: paper.title,
    authors: (paper.authors ?? [])
      .map((author) => author.name.trim())
      .filter((name) => name !== ''),
    published,
    upvotes: paper.upvotes,
    githubRepo: httpLink(paper.githubRepo),
    projectPage: httpLink(paper.projectPage),
    summary: paper.summary?.replace(/\s+/g, ' ').trim(),
  };
}

/** The papers of a search answer, in the index's order. */
export function parseHfSearch(body: string, url: string): HfPaper[] {
  return parseJsonBody(body, url, searchShape).map((result) => toPaper(result.paper));
}

/** One paper's answer. */
export function parseHfPaper(body: string, url: string): HfPaper {
  return toPaper(parseJsonBody(body, url, paperShape));
}

/** The search query for a title: whitespace folded, cut between words to the index's limit. */
export function searchQuery(title: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const cut = text.lastIndexOf(' ', MAX_QUERY_LENGTH);
  return text.slice(0, cut > 0 ? cut : MAX_QUERY_LENGTH);
}

export interface HuggingFaceClient {
  search(title: string, limit?: number): Promise<HfPaper[]>;
  /** The paper, or undefined when the index does not have it. */
  paper(arxivId: string): Promise<HfPaper | undefined>;
}

export function huggingFaceClient(http: Http, baseUrl = HUGGING_FACE_BASE_URL): HuggingFaceClient {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async search(title, limit = 5) {
      const url = `${root}/api/papers/search?q=${encodeURIComponent(searchQuery(title))}&limit=${limit}`;
      const response = await http.get(url, 'application/json');
      return response.status === 404 ? [] : parseHfSearch(response.body, url);
    },
    async paper(arxivId) {
      const url = `${root}/api/papers/${encodeURIComponent(arxivId)}`;
      const response = await http.get(url, 'application/json');
      return response.status === 404 ? undefined : parseHfPaper(response.body, url);
    },
  };
}
