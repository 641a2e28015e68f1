import type { APIRoute } from 'astro';
import { catalog } from '../../data/catalog.ts';
import { indexWords, searchIdentifiers } from '../../lib/site/search-words.ts';

/** The index's words for typo correction, fetched by the search page only when a word has no match. */
export const GET: APIRoute = () =>
  new Response(
    indexWords(
      catalog.papers.map((paper) => [
        paper.data.title,
        paper.body,
        ...searchIdentifiers(paper.data),
      ]),
    ),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
