/**
 * The JSON Schema (draft 2020-12) of `papers.json`, generated from the same zod schema that
 * validates the paper files, so the published description cannot drift from the data.
 */
import { z } from 'zod';
import { paperSchema } from '../paper/schema.ts';

/**
 * One paper in `papers.json`: its frontmatter, without the importer's bookkeeping, plus slug,
 * abstract and page address.
 */
export const paperRecordSchema = paperSchema.omit({ autoTopics: true }).extend({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  abstract: z.string(),
  // JSON Schema output drops zod's `protocol` option, and a pattern drops the `uri` format: so
  // the protocol is a pattern and the format is restated, and readers' validators check both.
  pageUrl: z
    .url()
    .regex(/^https?:\/\//)
    .meta({ format: 'uri' }),
});

/** The whole of `papers.json`. */
export const papersJsonEnvelope = z
  .strictObject({
    $schema: z.url().meta({ description: 'The address of this JSON Schema.' }),
    generated: z
      .union([z.iso.datetime(), z.iso.date()])
      .meta({ description: 'When the site was built.' }),
    count: z.int().min(0).meta({ description: 'How many papers `papers` holds.' }),
    papers: z.array(paperRecordSchema).meta({ description: 'Every paper, by slug.' }),
  })
  .meta({
    title: 'Reading list papers',
    description: 'Every paper of the reading list with its metadata and abstract.',
  });

/** The schema as a JSON-ready object; the same every time for the same zod schema. */
export function papersJsonSchema(): Record<string, unknown> {
  // Stryker disable next-line ObjectLiteral: both are zod's defaults today; stated so that a new default cannot change the published file
  return z.toJSONSchema(papersJsonEnvelope, { target: 'draft-2020-12', io: 'output' });
}
