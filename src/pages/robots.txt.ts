import type { APIRoute } from 'astro';
import { base } from '../lib/site/site-config.ts';
import { withBase } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase(base, 'sitemap-index.xml'), site).href}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
