import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { load } from 'js-yaml';
import { paperSchema } from './lib/schema.ts';
import { z } from 'zod';
import { topicSchema } from './lib/topics/schema.ts';

/** The folder holding `papers/` and `topics.yaml`; CONTENT_DIR builds the site from another corpus. */
const contentDir = process.env.CONTENT_DIR ?? 'content';

export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir}/papers` }),
    schema: paperSchema,
  }),
  topics: defineCollection({
    // The taxonomy file also holds the scoring settings; the collection is its `topics` list. The
    // collection comes back sorted by id, so each topic carries its place in the file: the site
    // shows topics in the curators' order.
    loader: file(`${contentDir}/topics.yaml`, {
      parser: (text) =>
        (load(text) as { topics: Record<string, unknown>[] }).topics.map((topic, position) => ({
          ...topic,
          position,
        })),
    }),
    schema: topicSchema.extend({
      /** The topic's place in `topics.yaml`, from 0: the order pages list topics in. */
      position: z.int().min(0),
    }),
  }),
};
