/**
 * The one place pages read content from: the collection is loaded once and the lists pages
 * need are derived here, so no page queries the collection on its own.
 */
import { getCollection } from 'astro:content';
import { byNewest } from '../lib/ordering.ts';

/** Every paper, newest first. */
export const papers = byNewest(await getCollection('papers'));
