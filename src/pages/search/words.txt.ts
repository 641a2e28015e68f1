import type { APIRoute } from 'astro';
import { catalog } from '../../data/catalog.ts';
import { paperIndexWords } from '../../lib/site/search-words.ts';

/** The index's words for typo correction, fetched by the search page only when a word has no match. */
export const GET: APIRoute = () =>
  new Response(paperIndexWords(catalog.papers), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
