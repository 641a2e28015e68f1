import type { APIRoute } from 'astro';
import { links } from '../lib/site/build-links.ts';
import { webManifest } from '../lib/site/site-files.ts';

export const GET: APIRoute = () =>
  new Response(webManifest(links), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
