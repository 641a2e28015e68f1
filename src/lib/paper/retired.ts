/**
 * Papers, and fields of papers, taken out of the list on purpose: `content/retired.yaml`. The
 * importer only adds papers and fills empty fields, so without this record a deleted paper file,
 * or a deleted `date` or `upvotes`, would come back on the next import of a listing that has it.
 * Each entry names a paper by its slug or its title, says why, and may limit itself to some of
 * the fields a listing fills. Read by the importer (which honours it) and the checker (which
 * validates it).
 */
import { load, YAMLException } from 'js-yaml';
import { z } from 'zod';
import type { Problem } from '../problems/problem.ts';
import { yamlLines } from '../problems/yaml-path.ts';
import { issueProblems, zodErrorMap } from '../problems/zod.ts';
import { titleKey } from './slug.ts';

/** The fields a listing fills, which a retired entry may name. */
export const LISTING_FIELDS = ['date', 'dateText', 'authorCount', 'upvotes', 'comments'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

const entrySchema = z
  .strictObject({
    /** The paper's file name without `.md`. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: 'expected a slug such as decoupled-weight-decay-regularization',
      })
      .optional(),
    /** The paper's title as a listing prints it (case, accents and punctuation do not matter). */
    title: z.string().trim().min(1).optional(),
    /** Only these fields are retired; without it, the whole paper. */
    fields: z.array(z.enum(LISTING_FIELDS)).min(1).optional(),
    /** Why: a reviewer reads it, and it keeps the decision from being undone. */
    reason: z.string().trim().min(1, { error: 'say why the paper or field is retired' }),
  })
  .refine((entry) => (entry.slug === undefined) !== (entry.title === undefined), {
    error: 'give either slug or title, not both and not neither',
  });

export const retiredSchema = z.array(entrySchema);

export type RetiredEntry = z.output<typeof entrySchema>;

/** How an entry of the retired file is written. */
const ENTRY_HINT =
  'each entry: slug or title, a reason, and optionally fields; see CONTRIBUTING.md';

/**
 * Reads the retired file; an empty file retires nothing. Problems come with their lines, and a
 * field such as `2.fields.0` (the third entry's first field); the caller places them in the file.
 */
export function parseRetired(text: string): {
  entries: RetiredEntry[];
  problems: Problem[];
} {
  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return {
      entries: [],
      problems: [
        {
          line: error.mark.line + 1,
          field: 'yaml',
          message: `invalid YAML: ${error.reason}`,
          hint: ENTRY_HINT,
        },
      ],
    };
  }
  const result = retiredSchema.safeParse(data ?? [], { error: zodErrorMap });
  if (result.success) return { entries: result.data, problems: [] };
  return {
    entries: [],
    problems: issueProblems(result.error.issues, {
      field: (path) => (path.length === 0 ? 'retired' : path.map(String).join('.')),
      line: yamlLines(text),
      hint: () => ENTRY_HINT,
    }),
  };
}

/** Which papers and fields are retired, for the importer's look-ups. */
export class RetiredList {
  readonly #papers = new Set<string>();
  readonly #fields = new Map<string, Set<ListingField>>();

  constructor(entries: readonly RetiredEntry[]) {
    for (const entry of entries) {
      const key =
        entry.slug === undefined ? `title:${titleKey(entry.title ?? '')}` : `slug:${entry.slug}`;
      if (entry.fields === undefined) this.#papers.add(key);
      else {
        const fields = this.#fields.get(key) ?? new Set<ListingField>();
        for (const field of entry.fields) fields.add(field);
        this.#fields.set(key, fields);
      }
    }
  }

  #keys(paper: { slug: string; title: string }): string[] {
    return [`slug:${paper.slug}`, `title:${titleKey(paper.title)}`];
  }

  /** Whether the whole paper is retired, by its slug or its title. */
  paper(paper: { slug: string; title: string }): boolean {
    return this.#keys(paper).some((key) => this.#papers.has(key));
  }

  /** Whether a field of the paper is retired: the importer must not fill it again. */
  field(paper: { slug: string; title: string }, field: ListingField): boolean {
    return this.#keys(paper).some((key) => this.#fields.get(key)?.has(field) === true);
  }
}
