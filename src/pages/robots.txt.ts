import type { APIRoute } from 'astro';
import { links } from '../lib/site/build-links.ts';
import { robotsTxt } from '../lib/site/site-files.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(links), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
