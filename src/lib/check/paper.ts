/**
 * Checking one paper file: its name, its frontmatter against the shared schema (through
 * `readPaperFile`, exactly as the importer and the site read it), its topic ids against the
 * taxonomy, and its title and abstract for placeholders. Pure: text in, problems out.
 */
import { editDistance } from '../paper/duplicates.ts';
import { fileLabel } from '../paper/files.ts';
import { fieldLine, readPaperFile } from '../paper/paper-file.ts';
import { paperFieldOrder, paperSchema, type PaperData } from '../paper/schema.ts';
import { todayIso } from '../paper/dates.ts';
import {
  describeCodePoint,
  findForbiddenCharacters,
  FORBIDDEN_HINTS,
  type ForbiddenKind,
} from '../paper/text-safety.ts';
import { isWindowsReserved, limitProblems } from './limits.ts';
import { isWellFormedSlug, MAX_SLUG_LENGTH, slugify } from '../paper/slug.ts';
import { abstractProblem, titleProblem } from './placeholders.ts';
import type { Problem } from './problem.ts';

/** A file of the papers folder: its name and its text. */
export interface PaperFile {
  name: string;
  text: string;
  /** The line of the first byte that is not UTF-8, when the file's bytes are not all UTF-8. */
  invalidUtf8Line?: number | undefined;
}

export interface PaperContext {
  /** How the papers folder is named in messages, such as `content/papers`. */
  papersDir: string;
  /** How the taxonomy file is named in messages, such as `content/topics.yaml`. */
  taxonomyFile: string;
  /** The topic ids papers may use; undefined when the taxonomy cannot be read at all. */
  topicIds: readonly string[] | undefined;
  /** Today as `YYYY-MM-DD`, for dates that may not lie in the future (default: the real today). */
  today?: string | undefined;
}

export interface CheckedPaper {
  /** The file as named in messages. */
  file: string;
  /** The file's text. */
  text: string;
  problems: Problem[];
  /** The frontmatter when the file passes the schema. */
  data: PaperData | undefined;
}

/** What to write for a field that is missing, when it is one the schema requires. */
const MISSING_HINTS: Readonly<Record<string, string>> = {
  title: 'add a line such as title: "Decoupled Weight Decay Regularization" below the first "---"',
  added: 'add a line added: "YYYY-MM-DD" with the day the paper joins the list',
};

/** The lines of a file, and where its frontmatter ends (0-based index of the closing `---`). */
function frontmatterEnd(lines: readonly string[]): number {
  return lines[0] === '---' ? lines.indexOf('---', 1) : -1;
}

/**
 * The top-level keys written in the frontmatter, each with its 1-based line. Found with indexOf
 * rather than a regular expression: a lazy pattern before `\s*:` backtracks quadratically on a long
 * line without a colon (300 KB took half a minute).
 */
function frontmatterKeys(lines: readonly string[], end: number): { key: string; line: number }[] {
  return lines.slice(1, end).flatMap((text, index) => {
    const colon = text.indexOf(':');
    const key = colon < 0 ? '' : text.slice(0, colon).trimEnd();
    const after = text.charAt(colon + 1);
    const valid = key !== '' && !/^[\s#:'"-]/.test(key) && (after === '' || /\s/.test(after));
    return valid ? [{ key, line: index + 2 }] : [];
  });
}

/** The 1-based line where the abstract starts: its first non-blank line, else the line after `---`. */
export function bodyLine(text: string): number {
  const lines = text.split(/\r?\n/);
  const end = frontmatterEnd(lines);
  const first = lines.findIndex((line, index) => index > end && line.trim() !== '');
  return (first < 0 ? end + 1 : first) + 1;
}

/** The abstract as written below the frontmatter, whether or not the frontmatter is valid. */
function bodyText(lines: readonly string[], end: number): string {
  return lines
    .slice(end + 1)
    .join('\n')
    .trim();
}

/** A known id close to an unknown one, to suggest: one containing it, or a near spelling. */
export function closestTopic(id: string, known: readonly string[]): string | undefined {
  const containing = known.find((candidate) => candidate.includes(id) || id.includes(candidate));
  if (containing !== undefined && id.length >= 3) return containing;
  let best: { id: string; distance: number } | undefined;
  const limit = Math.max(2, Math.floor(id.length / 3));
  for (const candidate of known) {
    const distance = editDistance(id, candidate, limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { id: candidate, distance };
    }
  }
  return best?.id;
}

/** Problems of a list of topic ids (`topics` or `autoTopics`): ids repeated or not in the taxonomy. */
function topicIdProblems(
  ids: readonly string[],
  field: string,
  file: string,
  line: number,
  context: PaperContext,
): Problem[] {
  const taxonomy = context.taxonomyFile;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      problems.push({
        file,
        line,
        field,
        message: `"${id}" is listed twice`,
        hint: 'list each topic once, the primary topic first',
      });
    }
    seen.add(id);
    const known = context.topicIds;
    if (known === undefined || known.includes(id)) continue;
    const suggestion = closestTopic(id, known);
    problems.push({
      file,
      line,
      field,
      message: `unknown topic id "${id}"`,
      hint:
        suggestion === undefined
          ? `use one of the ids listed in ${taxonomy}`
          : `did you mean "${suggestion}"? The ids are listed in ${taxonomy}`,
    });
  }
  return problems;
}

/** Problems of the topic lists of a paper that passed the schema. */
function topicProblems(
  data: Pick<PaperData, 'topics'> & Partial<Pick<PaperData, 'autoTopics'>>,
  file: string,
  text: string,
  context: PaperContext,
): Problem[] {
  const line = fieldLine(text, 'topics');
  const problems: Problem[] =
    data.topics.length === 0
      ? [
          {
            file,
            line,
            field: 'topics',
            message: 'no topics',
            hint: `list topic ids from ${context.taxonomyFile}, primary topic first, or empty the list and run \`npm run import\` to let the rules choose`,
          },
        ]
      : topicIdProblems(data.topics, 'topics', file, line, context);
  if (data.autoTopics !== undefined) {
    // The record of what the rules chose must name real topics, or a retopic could not redo it.
    const recordLine = fieldLine(text, 'autoTopics');
    problems.push(
      ...topicIdProblems(data.autoTopics, 'autoTopics', file, recordLine, context).map(
        (problem) => ({
          ...problem,
          hint: 'it records what the rules chose and is written by `npm run import`; delete the field to mark the topics as chosen by hand',
        }),
      ),
    );
  }
  return problems;
}

/**
 * The value written on a field's line, without quotes: `date: "2024-02-30"` → `2024-02-30`.
 * Sliced by hand, in linear time, like `frontmatterKeys`.
 */
function writtenValue(line: string | undefined): string | undefined {
  const text = line ?? '';
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const value = text.slice(colon + 1).trim();
  const quote = value.charAt(0);
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    return close === value.length - 1 ? value.slice(1, -1) : undefined;
  }
  const comment = value.indexOf('#');
  const plain = (comment < 0 ? value : value.slice(0, comment)).trimEnd();
  return plain === '' ? undefined : plain;
}

/** A date's problem in words: a real day written another way, or no real day at all. */
export function dateMessage(value: string | undefined, message: string): string {
  if (value === undefined) return message;
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `"${value}" is not a day of the calendar`
    : `"${value}" is not an ISO date such as 2024-06-11`;
}

/** How zod's type names read to a contributor. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'text in double quotes',
  array: 'a list',
  object: 'a set of fields',
  boolean: 'true or false',
};

/**
 * zod's generic messages in plain words, with the value as written:
 * `Invalid input: expected number, received string` → `expected a number, not "many"`.
 */
function plainMessage(message: string, value: string | undefined): string {
  const typed = /^Invalid input: expected (\w+), received \w+$/.exec(message);
  if (typed !== null) {
    const expected = TYPE_WORDS[typed[1] ?? ''] ?? typed[1] ?? '';
    return `expected ${expected}${value === undefined ? '' : `, not "${value}"`}`;
  }
  const small = /^Too small: expected number to be >=(\d+)$/.exec(message);
  if (small !== null)
    return `must be at least ${small[1] ?? ''}${value === undefined ? '' : `, not ${value}`}`;
  return message;
}

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

/** Problems that `readPaperFile` reports, in words that say what to do. */
function schemaProblems(
  reported: readonly { line: number; field: string; message: string; hint: string }[],
  lines: readonly string[],
  end: number,
  file: string,
  context: PaperContext,
): Problem[] {
  const keys = frontmatterKeys(lines, end);
  const written = new Set(keys.map(({ key }) => key));
  const known = new Set<string>(paperFieldOrder);
  const problems: Problem[] = [];
  for (const problem of reported) {
    if (problem.message === 'unknown field') continue;
    // The reader names the real taxonomy; this corpus may have its own.
    const hint = problem.hint.replace('content/topics.yaml', context.taxonomyFile);
    if (known.has(problem.field) && !written.has(problem.field)) {
      problems.push({
        file,
        line: problem.line,
        field: problem.field,
        message: 'missing',
        hint: MISSING_HINTS[problem.field] ?? hint,
      });
    } else if (problem.message.endsWith('received null')) {
      problems.push({ file, ...problem, message: 'has no value', hint });
    } else if (problem.field === 'date' || problem.field === 'added') {
      const value = writtenValue(lines[problem.line - 1]);
      problems.push({ file, ...problem, message: dateMessage(value, problem.message), hint });
    } else {
      const value = writtenValue(lines[problem.line - 1]);
      problems.push({ file, ...problem, message: plainMessage(problem.message, value), hint });
    }
  }
  // The reader names only the first unknown field; report every one, each at its own line.
  if (reported.some((problem) => problem.message === 'unknown field')) {
    for (const { key, line } of keys) {
      if (known.has(key)) continue;
      const meant = closestField(key);
      problems.push({
        file,
        line,
        field: key,
        message: 'unknown field',
        hint:
          meant === undefined
            ? `remove it, or use one of: ${paperFieldOrder.join(', ')}`
            : `did you mean \`${meant}\`? The fields are: ${paperFieldOrder.join(', ')}`,
      });
    }
  }
  return problems;
}

/** How each kind of forbidden character is named in a message. */
const FORBIDDEN_WORDS: Readonly<Record<ForbiddenKind, string>> = {
  control: 'control character',
  noncharacter: 'noncharacter',
  bidi: 'invisible direction control',
  surrogate: 'half a character (a lone surrogate)',
};

/** Problems of the characters themselves: bytes that are not UTF-8, and forbidden characters. */
function characterProblems(paper: PaperFile, text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  if (paper.invalidUtf8Line !== undefined) {
    problems.push({
      file,
      line: paper.invalidUtf8Line,
      field: 'encoding',
      message: 'not valid UTF-8',
      hint: 'save the file as UTF-8; retype the characters on this line that show as \uFFFD or boxes',
    });
  }
  for (const found of findForbiddenCharacters(text)) {
    problems.push({
      file,
      line: found.line,
      field: 'text',
      message: `${FORBIDDEN_WORDS[found.kind]} ${describeCodePoint(found.code)} at column ${found.column}`,
      hint: FORBIDDEN_HINTS[found.kind],
    });
  }
  return problems;
}

/**
 * The fields of a frontmatter that failed the schema which are valid on their own, so that their
 * own checks (topics, placeholders, limits) still run and one run reports every problem.
 */
function validFields(raw: Record<string, unknown> | undefined): Partial<PaperData> {
  const fields: Partial<Record<string, unknown>> = {};
  const shape = paperSchema.shape as Record<
    string,
    { safeParse(value: unknown): { success: boolean; data?: unknown } }
  >;
  for (const [key, value] of Object.entries(raw ?? {})) {
    const result = shape[key]?.safeParse(value);
    if (result?.success === true && result.data !== undefined) fields[key] = result.data;
  }
  // Each value passed its own field's schema, so together they are a partial paper.
  return fields;
}

/** Checks one paper file of the papers folder. */
export function checkPaperFile(paper: PaperFile, context: PaperContext): CheckedPaper {
  const file = fileLabel(context.papersDir, paper.name);
  const problems: Problem[] = [];
  let text = paper.text;
  if (text.startsWith('\uFEFF')) {
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      message: 'the file starts with an invisible byte-order mark',
      hint: 'save the file as UTF-8 without BOM, so that its first line is exactly "---"',
    });
    text = text.slice(1);
  }
  problems.push(...characterProblems(paper, text, file));
  const lines = text.split(/\r?\n/);
  const end = frontmatterEnd(lines);
  let data: PaperData | undefined;
  let fields: Partial<PaperData> = {};
  if (lines[0] === '---' && end < 0) {
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      message: 'the frontmatter is never closed',
      hint: 'end the fields with a line "---" and put the abstract below it',
    });
  } else {
    const result = readPaperFile(text);
    if (result.ok) {
      data = result.data;
      fields = data;
    } else {
      problems.push(...schemaProblems(result.problems, lines, end, file, context));
      fields = validFields(result.raw);
    }
  }
  if (fields.title !== undefined) {
    const titleIssue = titleProblem(fields.title);
    if (titleIssue !== undefined) {
      problems.push({ file, line: fieldLine(text, 'title'), field: 'title', ...titleIssue });
    }
  }
  if (fields.topics !== undefined) {
    problems.push(...topicProblems({ ...fields, topics: fields.topics }, file, text, context));
  }
  const abstract = end >= 0 ? bodyText(lines, end) : '';
  if (end >= 0) {
    const abstractIssue = abstractProblem(abstract);
    if (abstractIssue !== undefined) {
      problems.push({ file, line: bodyLine(text), field: 'abstract', ...abstractIssue });
    }
  }
  problems.push(
    ...limitProblems(fields, abstract, bodyLine(text), text, file, context.today ?? todayIso()),
  );
  const slug = paper.name.replace(/\.md$/, '');
  if (!isWellFormedSlug(slug)) {
    const suggested = slugify(data?.title ?? slug);
    problems.push({
      file,
      line: 1,
      field: 'file name',
      message: `"${paper.name}" is not a well-formed slug`,
      hint: `rename it to ${suggested}.md: lower-case letters and digits joined by single hyphens, at most ${MAX_SLUG_LENGTH} characters before a -2, -3 suffix`,
    });
  } else if (isWindowsReserved(paper.name)) {
    problems.push({
      file,
      line: 1,
      field: 'file name',
      message: `"${paper.name}" is a name Windows reserves for a device, so the repository cannot be checked out there`,
      hint: `rename it to ${slug}-paper.md, or to the slug of the paper's title`,
    });
  }
  return { file, text, problems, data };
}
