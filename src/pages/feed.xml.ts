import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data/catalog.ts';
import { links } from '../lib/site/build-links.ts';
import { siteFeed } from '../lib/site/feeds.ts';

export const GET: APIRoute = () => rss(siteFeed(catalog.papers, catalog.topicById, links));
