/**
 * Checking one paper file: its name, its frontmatter against the shared schema (through
 * `readPaperFile`, exactly as the importer and the site read it), its topic ids against the
 * taxonomy, and its title and abstract for placeholders. Pure: text in, problems out.
 */
import { editDistance } from '../paper/duplicates.ts';
import { fileLabel } from '../paper/files.ts';
import { fieldLine, readPaperFile } from '../paper/paper-file.ts';
import { paperSchema, type PaperData } from '../paper/schema.ts';
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
import type { Problem } from '../problems/problem.ts';

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

/** The lines of a file, and where its frontmatter ends (0-based index of the closing `---`). */
function frontmatterEnd(lines: readonly string[]): number {
  return lines[0] === '---' ? lines.indexOf('---', 1) : -1;
}

/** The 1-based line where the abstract starts: its first non-blank line, else the line after `---`. */
export function bodyLine(text: string): number {
  const lines = text.split(/\r?\n/);
  const end = frontmatterEnd(lines);
  const first = lines.findIndex((line, index) => index > end && line.trim() !== '');
  // Stryker disable next-line EqualityOperator: the first line is found only without frontmatter, where end + 1 is 0 as well
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

/** The problems `readPaperFile` reports, placed in the file and naming this corpus's taxonomy. */
function schemaProblems(
  reported: readonly Problem[],
  file: string,
  context: PaperContext,
): Problem[] {
  return reported.map((problem) => ({
    ...problem,
    file,
    hint: problem.hint.replace('content/topics.yaml', context.taxonomyFile),
  }));
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
      problems.push(...schemaProblems(result.problems, file, context));
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
  // Stryker disable next-line StringLiteral: without frontmatter only the length limit reads the abstract, and any short text passes it as '' does
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
