/**
 * The one place pages read content from: both collections are loaded once and everything pages
 * show is derived here (see src/lib/site/catalog.ts), so no page queries a collection itself.
 */
import { getCollection } from 'astro:content';
import { buildCatalog } from '../lib/site/catalog.ts';

const paperEntries = await getCollection('papers');
const topicEntries = await getCollection('topics');

export const catalog = buildCatalog(
  paperEntries.map((entry) => ({
    id: entry.id,
    data: entry.data,
    body: entry.body ?? '',
    filePath: entry.filePath ?? `papers/${entry.id}.md`,
  })),
  topicEntries.map((entry) => ({
    id: entry.id,
    name: entry.data.name,
    description: entry.data.description,
  })),
);
