import type { APIRoute } from 'astro';
import { papersJsonSchema } from '../lib/export/json-schema.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(papersJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
