import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { load } from 'js-yaml';
import { paperSchema } from './lib/schema.ts';
import { topicSchema } from './lib/topics/schema.ts';

/** The folder holding `papers/` and `topics.yaml`; CONTENT_DIR builds the site from another corpus. */
const contentDir = process.env.CONTENT_DIR ?? 'content';

export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir}/papers` }),
    schema: paperSchema,
  }),
  topics: defineCollection({
    // The taxonomy file also holds the scoring settings; the collection is its `topics` list.
    loader: file(`${contentDir}/topics.yaml`, {
      parser: (text) => (load(text) as { topics: Record<string, unknown>[] }).topics,
    }),
    schema: topicSchema,
  }),
};
