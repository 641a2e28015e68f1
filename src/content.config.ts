import { defineCollection } from 'astro:content';
import { file, glob, type Loader, type LoaderContext } from 'astro/loaders';
import { load } from 'js-yaml';
import { checkPapersFolder, explainLoadError } from './lib/paper/content-folder.ts';
import { contentDirOf } from './lib/paper/content-dir.ts';
import { paperSchema } from './lib/paper/schema.ts';
import { z } from 'zod';
import { topicSchema } from './lib/topics/schema.ts';

/** The folder holding `papers/` and `topics.yaml`; CONTENT_DIR builds the site from another corpus. */
const contentDir = contentDirOf(process.env);
const papersDir = `${contentDir}/papers`;
/** What glob() is given by Astro beside the public context: how to parse and render each type. */
type EntryTypes = ReadonlyMap<string, { getRenderFunction?: unknown }>;

/**
 * A loader that reads files as `inner` does but renders none of them. Pages render abstracts
 * themselves (src/lib/markdown/render-abstract.ts, where Markdown is plain text); Astro's own
 * rendering of every paper was unused work, and it resolved `![x](y.png)` in an abstract as an
 * image to bundle, so one such abstract failed the whole build. glob() renders an entry only when
 * its type has a render function; `entryTypes` is not in Astro's public types, so it is read
 * defensively (the hostile-content build test fails if this stops working).
 */
function withoutRendering(inner: Loader): Loader {
  return {
    ...inner,
    load: (context) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      if (entryTypes === undefined) return inner.load(context);
      const unrendered = new Map(
        [...entryTypes].map(([extension, entryType]) => [
          extension,
          { ...entryType, getRenderFunction: undefined },
        ]),
      );
      return inner.load({ ...context, entryTypes: unrendered } as LoaderContext);
    },
  };
}

const papersGlob = withoutRendering(glob({ pattern: '*.md', base: papersDir }));

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
