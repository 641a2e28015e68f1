/**
 * Checking the taxonomy file (`topics.yaml`) with the loader the importer and the site use, and
 * reading its topic ids even when it is broken, so that one mistake there does not hide the
 * papers' own problems.
 */
import { load } from 'js-yaml';
import { ProblemError, type Problem } from '../problems/problem.ts';
import { loadTaxonomy } from '../topics/load.ts';
import type { Taxonomy } from '../topics/schema.ts';

/** A topic as papers refer to it. */
export interface TopicName {
  id: string;
  name: string;
}

export interface TaxonomyCheck {
  problems: Problem[];
  /** The taxonomy when the file is valid. */
  taxonomy: Taxonomy | undefined;
  /**
   * The topics the file lists, read leniently when it is invalid; undefined when not even the ids
   * can be read (no file, or not YAML), and then papers' topic ids cannot be checked.
   */
  topics: TopicName[] | undefined;
}

/** Topic ids and names from a taxonomy that failed validation, as far as they can be read. */
function lenientTopics(text: string): TopicName[] | undefined {
  let data: unknown;
  try {
    data = load(text);
  } catch {
    return undefined;
  }
  const topics = (data as { topics?: unknown } | null)?.topics;
  if (!Array.isArray(topics)) return undefined;
  return topics.flatMap((topic: unknown) => {
    const { id, name } = (topic ?? {}) as { id?: unknown; name?: unknown };
    return typeof id === 'string' ? [{ id, name: typeof name === 'string' ? name : id }] : [];
  });
}

/**
 * Checks the taxonomy file. `text` is undefined when the file does not exist; `file` is how it is
 * named in messages.
 */
export function checkTaxonomy(text: string | undefined, file: string): TaxonomyCheck {
  if (text === undefined) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: 'topics',
          message: 'the taxonomy file is missing',
          hint: 'restore it from git; it lists the topics papers may use and the rules that assign them',
        },
      ],
      taxonomy: undefined,
      topics: undefined,
    };
  }
  try {
    const taxonomy = loadTaxonomy(text, file);
    return {
      problems: [],
      taxonomy,
      topics: taxonomy.topics.map(({ id, name }) => ({ id, name })),
    };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return {
      problems: [...error.problems],
      taxonomy: undefined,
      topics: lenientTopics(text),
    };
  }
}
