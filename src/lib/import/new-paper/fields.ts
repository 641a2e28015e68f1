/**
 * The values of a new paper as a contributor types them or passes them as flags to `npm run new`,
 * the flag that names each in messages, and how each is read: an arXiv id from any of the forms
 * it is copied in, author names, topic ids.
 */

/** The values of a new paper as typed or given as flags; a blank value counts as not given. */
export interface NewPaperFields {
  title?: string | undefined;
  abstract?: string | undefined;
  /** `YYYY-MM-DD`. */
  date?: string | undefined;
  /** An identifier, `arXiv:…`, or an arxiv.org link. */
  arxiv?: string | undefined;
  url?: string | undefined;
  /** The code repository's link. */
  code?: string | undefined;
  /** The project page's link. */
  projectPage?: string | undefined;
  /** Names separated by semicolons: `Ilya Loshchilov; Frank Hutter`. */
  authors?: string | undefined;
  venue?: string | undefined;
  notes?: string | undefined;
  /** Topic ids separated by commas or spaces, the primary topic first. */
  topics?: string | undefined;
}

/** One value of a new paper. */
export type Field = keyof NewPaperFields;

/**
 * The flag of each field, which messages name so the contributor knows what to change: a problem
 * of a value is printed as `--date: what is wrong (how to fix)`.
 */
export const FIELD_OPTIONS: Readonly<Record<Field, string>> = {
  title: '--title',
  abstract: '--abstract',
  date: '--date',
  arxiv: '--arxiv',
  url: '--url',
  code: '--code',
  projectPage: '--project-page',
  authors: '--authors',
  venue: '--venue',
  notes: '--notes',
  topics: '--topics',
};

/** A value with surrounding space removed, or undefined when nothing is left. */
export function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The bare identifier from `arXiv:2106.09685`, `https://arxiv.org/abs/2106.09685v2` or a PDF link. */
export function normalizeArxiv(value: string): string {
  const text = value.trim().replace(/^arxiv:\s*/i, '');
  const link = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/i;
  return link.exec(text)?.[1] ?? text;
}

/** Author names from `A; B; C`. */
export function parseAuthors(value: string): string[] {
  return value
    .split(/[;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Topic ids from `a, b` or `a b`. */
export function parseTopicIds(value: string): string[] {
  return value.split(/[\s,]+/).filter((id) => id !== '');
}
