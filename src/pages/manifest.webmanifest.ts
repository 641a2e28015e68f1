import type { APIRoute } from 'astro';
import { base } from '../lib/site/site-config.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site/identity.ts';
import { withBase } from '../lib/site/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(
      {
        name: SITE_NAME,
        short_name: 'Reading list',
        description: SITE_DESCRIPTION,
        start_url: base,
        scope: base,
        display: 'browser',
        background_color: '#fdfdfc',
        theme_color: '#0b5cad',
        icons: [{ src: withBase(base, 'favicon.svg'), sizes: 'any', type: 'image/svg+xml' }],
      },
      null,
      2,
    )}\n`,
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
