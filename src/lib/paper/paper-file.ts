/**
 * Reading and writing a paper's Markdown file: YAML frontmatter and the abstract as the body.
 *
 * The writer is our own rather than a YAML library's `stringify`: the frontmatter is a small fixed
 * shape, and writing it by hand gives byte-stable output in a fixed field order, with every string
 * double-quoted so that titles such as `yes`, `null`, `- x`, `a: b` or `---` can never change
 * meaning. Reading goes through gray-matter, the parser the ecosystem (and Astro) trusts.
 */
import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';
import { editDistance } from './duplicates.ts';
import type { Problem } from '../problems/problem.ts';
import { issueProblems, zodErrorMap } from '../problems/zod.ts';
import { paperFieldOrder, paperSchema, type PaperData } from './schema.ts';

/**
 * gray-matter with js-yaml 4, the YAML parser Astro reads frontmatter with, so a file this module
 * accepts is one the site can build. The core schema leaves `2024-02-30` a string for the schema to
 * reject, where the default schema would silently roll it over to March 1st.
 */
const matterOptions = {
  engines: { yaml: (text: string) => load(text, { schema: CORE_SCHEMA }) as object },
};

/** A YAML double-quoted scalar: JSON escapes plus the characters YAML treats as line breaks. */
export function yamlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0xfeff ||
      (code >= 0xd800 && code <= 0xdfff)
    ) {
      out += `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
    } else out += char;
  }
  return `${out}"`;
}

function yamlValue(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(`cannot write ${typeof value} to frontmatter`);
}

/** The frontmatter block (without the `---` fences), fields in `paperFieldOrder`. */
export function serializeFrontmatter(data: PaperData): string {
  const lines: string[] = [];
  for (const field of paperFieldOrder) {
    const value = data[field];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${field}: []`);
      else lines.push(`${field}:`, ...value.map((item) => `  - ${yamlValue(item)}`));
    } else {
      lines.push(`${field}: ${yamlValue(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The whole Markdown file of a paper; ends with exactly one newline. */
export function serializePaper(data: PaperData, abstract: string): string {
  const body = abstract.trim();
  return `---\n${serializeFrontmatter(data)}---\n${body === '' ? '' : `${body}\n`}`;
}

/** The line of `field:` in a file's frontmatter, or 1 when the field is absent. */
export function fieldLine(text: string, field: string): number {
  const lines = text.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  const index = lines.findIndex(
    (line, position) => position < (end < 0 ? lines.length : end) && line.startsWith(`${field}:`),
  );
  return index < 0 ? 1 : index + 1;
}

/** The result of reading a paper file: the data when valid, the problems otherwise. */
export type ReadResult =
  | { ok: true; data: PaperData; abstract: string; raw: Record<string, unknown> }
  | {
      ok: false;
      /** Each with its line and field; the caller places them in the file. */
      problems: Problem[];
      /** The frontmatter as parsed, when it is YAML at all, so a checker can look at the rest. */
      raw?: Record<string, unknown>;
    };

/** How to write each field right. */
const FIX_HINTS: Readonly<Record<string, string>> = {
  title: 'write the title in double quotes',
  date: 'write the date as "2024-06-11"',
  dateText: 'write a date without a year as "Mar 6", or give a full date in `date`',
  added: 'write the day the paper was added as "2024-06-11"',
  arxiv: 'write only the identifier, such as "2106.09685"',
  url: 'write a full http(s) link',
  code: 'write the full https:// link of the repository',
  projectPage: 'write the full https:// link of the project page',
  doi: 'write only the DOI, such as "10.1109/CVPR.2016.90", without https://doi.org/',
  arxivCategory: 'write the primary category as arXiv prints it, such as "cs.LG"',
  upvotesOn: 'write the day the count was read as "2024-06-11"',
  topics: 'list topic ids from content/topics.yaml',
  authorCount: 'write a whole number of at least 1',
  upvotes: 'write a whole number, 0 or more',
};

/** What to write for a field that is missing, when it is one the schema requires. */
const MISSING_HINTS: Readonly<Record<string, string>> = {
  title: 'add a line such as title: "Decoupled Weight Decay Regularization" below the first "---"',
  added: 'add a line added: "YYYY-MM-DD" with the day the paper joins the list',
};

/** The known field nearest in spelling to an unknown one (`author` → `authors`), if any is near. */
export function closestField(key: string): string | undefined {
  let best: { field: string; distance: number } | undefined;
  const limit = Math.max(1, Math.floor(key.length / 3));
  for (const field of paperFieldOrder) {
    const distance = editDistance(key.toLowerCase(), field.toLowerCase(), limit);
    if (distance <= limit && (best === undefined || distance < best.distance))
      best = { field, distance };
  }
  return best?.field;
}

/** How to fix a schema issue of `field`. */
function fixHint(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === 'unrecognized_keys') {
    const meant = closestField(field);
    return meant === undefined
      ? `remove it, or use one of: ${paperFieldOrder.join(', ')}`
      : `did you mean \`${meant}\`? The fields are: ${paperFieldOrder.join(', ')}`;
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return (
    (missing ? MISSING_HINTS[field] : undefined) ??
    FIX_HINTS[field] ??
    'see the example in CONTRIBUTING.md'
  );
}

/**
 * What to do about a YAML error, by its cause: js-yaml words an unquoted value holding `: ` and a
 * field indented too far alike ("bad indentation"), so the line itself tells them apart.
 */
export function yamlHint(reason: string, line: string): string {
  const colon = line.indexOf(': ');
  const value = colon < 0 ? '' : line.slice(colon + 2).trimStart();
  if (value !== '' && !/^["']/.test(value) && value.includes(': '))
    return 'write the value in double quotes: a colon followed by a space starts a new field';
  if (reason.startsWith('bad indentation') || reason.includes('document separator'))
    return 'start every field at the beginning of its line, and indent list items by two spaces under their field (topics:, then   - "dropout-noise"); use spaces, not tabs';
  if (reason.startsWith('duplicated mapping key')) return 'give each field once';
  if (reason.includes('quoted scalar')) return 'close the quotes on the same line';
  return 'quote values that contain a colon, a # or quotes';
}

/** Reads and validates a paper file; never throws on bad content. */
export function readPaperFile(text: string): ReadResult {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          field: 'frontmatter',
          message: 'missing frontmatter',
          hint: 'start the file with a line "---", the fields, and another "---"; see CONTRIBUTING.md',
        },
      ],
    };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also bypasses gray-matter's cache, which keys on the text alone.
    parsed = matter(text, matterOptions);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // gray-matter hands over the text from the newline ending the opening `---`, and the mark
    // counts lines from 0, so the file line is one more than the mark's.
    const line = (mark?.line ?? 0) + 1;
    return {
      ok: false,
      problems: [
        {
          line,
          field: 'frontmatter',
          message: `invalid YAML: ${reason}`,
          hint: yamlHint(reason, text.split('\n', line)[line - 1] ?? ''),
        },
      ],
    };
  }
  const raw = parsed.data as Record<string, unknown>;
  const result = paperSchema.safeParse(raw, { error: zodErrorMap, reportInput: true });
  const abstract = parsed.content.trim();
  if (!result.success) {
    const fieldOf = (path: readonly PropertyKey[]): string =>
      path.length > 0 ? String(path[0]) : 'frontmatter';
    return {
      ok: false,
      raw,
      problems: issueProblems(result.error.issues, {
        field: fieldOf,
        line: (path) => fieldLine(text, fieldOf(path)),
        hint: (issue, path) => fixHint(issue, fieldOf(path)),
      }),
    };
  }
  return { ok: true, data: result.data, abstract, raw };
}
