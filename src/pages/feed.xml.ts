import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { base } from '../lib/site/site-config.ts';
import { feedItems } from '../lib/site/feeds.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site/identity.ts';

export const GET: APIRoute = ({ site }) =>
  rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: new URL(base, site),
    items: feedItems(catalog.papers, (id) => catalog.topicById.get(id)?.name, base),
    customData: '<language>en</language>',
  });
