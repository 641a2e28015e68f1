import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './lib/schema.ts';

/** The folder holding `papers/` and `topics.yaml`; CONTENT_DIR builds the site from another corpus. */
const contentDir = process.env.CONTENT_DIR ?? 'content';

export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir}/papers` }),
    schema: paperSchema,
  }),
};
