import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { papersJsonText } from '../lib/export/papers-json.ts';
import { buildDate } from '../lib/site/build-date.ts';
import { siteUrl } from '../lib/site/build-links.ts';

export const GET: APIRoute = () =>
  new Response(papersJsonText(catalog.papers, { buildDate: buildDate(process.env), siteUrl }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
