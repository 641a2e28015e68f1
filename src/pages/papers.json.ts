import type { APIRoute } from 'astro';
import { asPaper, catalog } from '../data/catalog.ts';
import { papersJsonText } from '../lib/export/papers-json.ts';
import { base } from '../lib/site/site-config.ts';
import { buildDate } from '../lib/site/build-date.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    papersJsonText(catalog.papers.map(asPaper), {
      buildDate: buildDate(process.env),
      siteUrl: new URL(base, site).href,
    }),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
