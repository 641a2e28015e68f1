import { defineCollection } from 'astro:content';
import { file, glob, type LoaderContext } from 'astro/loaders';
import { load } from 'js-yaml';
import { checkPapersFolder, explainLoadError } from './lib/content-folder.ts';
import { contentDirOf } from './lib/content-dir.ts';
import { paperSchema } from './lib/schema.ts';
import { topicSchema } from './lib/topics/schema.ts';

/** The folder holding `papers/` and `topics.yaml`; CONTENT_DIR builds the site from another corpus. */
const contentDir = contentDirOf(process.env);
const papersDir = `${contentDir}/papers`;
const papersGlob = glob({ pattern: '*.md', base: papersDir });

export const collections = {
  papers: defineCollection({
    // Astro's glob loader, after the folder is checked (no links, no devices, at least one paper)
    // and with a frontmatter that is not YAML named by file and line instead of a stack trace.
    loader: {
      name: 'papers',
      load: async (context: LoaderContext) => {
        await checkPapersFolder(papersDir, papersDir);
        try {
          await papersGlob.load(context);
        } catch (error) {
          throw await explainLoadError(papersDir, papersDir, error);
        }
      },
    },
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
