/**
 * `npm run new` without the terminal: from the values a contributor typed or passed as flags to
 * the text of a new paper file, or to a list of what is wrong with them. Every value goes through
 * the shared schema and the checker's own rules (placeholders, known topic ids, duplicates), so a
 * paper this module writes is one `npm run check` accepts.
 */
import { abstractProblem, titleProblem } from '../../check/placeholders.ts';
import { closestTopic } from '../../check/paper.ts';
import { findDuplicatesOf, type DuplicateReason } from '../../paper/duplicates.ts';
import { readPaperFile, serializePaper } from '../../paper/paper-file.ts';
import { paperSchema, type Paper, type PaperData } from '../../paper/schema.ts';
import { slugify, uniqueSlug } from '../../paper/slug.ts';
import type { Problem } from '../../problems/problem.ts';
import { zodErrorMap } from '../../problems/zod.ts';
import type { TopicMatcher } from '../../topics/assign.ts';
import {
  FIELD_OPTIONS,
  given,
  normalizeArxiv,
  parseAuthors,
  parseTopicIds,
  type Field,
  type NewPaperFields,
} from './fields.ts';
import { proposeTopics, type TopicProposal } from './proposal.ts';

/** A paper in the list, as far as finding duplicates and free file names needs it. */
export type ListedPaper = Pick<Paper, 'slug'> & Pick<PaperData, 'title' | 'arxiv'>;

export interface NewPaperContext {
  /** The `added` date, `YYYY-MM-DD`. */
  today: string;
  matcher: TopicMatcher;
  /** How the taxonomy file is named in messages. */
  taxonomyFile: string;
  /** How the papers folder is named in messages. */
  papersDir: string;
  /** Every paper already in the folder. */
  existing: readonly ListedPaper[];
}

export type NewPaperPlan =
  | {
      ok: true;
      slug: string;
      fileName: string;
      text: string;
      data: PaperData;
      proposal: TopicProposal;
    }
  | { ok: false; problems: Problem[]; proposal: TopicProposal | undefined };

/** How to give each value right, for messages. */
const FIELD_HINTS: Readonly<Record<Field, string>> = {
  title: 'give the title as published, such as --title "Decoupled Weight Decay Regularization"',
  abstract: 'give the abstract as published with --abstract "…" or --abstract-file FILE',
  date: 'give the publication date as YYYY-MM-DD, such as --date 2019-01-04, or leave it out',
  arxiv: 'give the identifier, such as --arxiv 1711.05101, or leave it out',
  url: 'give a full http(s) link, such as --url https://openreview.net/forum?id=Bkg6RiCqY7',
  code: 'give the full link of the repository, such as --code https://github.com/owner/repo',
  projectPage: 'give the full link of the project page, or leave it out',
  authors: 'separate the names with semicolons, such as --authors "Ilya Loshchilov; Frank Hutter"',
  venue: 'name where it was published, such as --venue "ICLR 2019", or leave it out',
  notes: 'write a sentence for readers, or leave it out',
  topics: 'give topic ids separated by commas, primary first, such as --topics weight-penalties',
};

/** A title or abstract problem, with the flag's own hint rather than the file's. */
function fromText(field: Field, problem: Problem | undefined): Problem[] {
  return problem === undefined
    ? []
    : [{ field: FIELD_OPTIONS[field], message: problem.message, hint: FIELD_HINTS[field] }];
}

/** What is wrong with one value on its own, before the paper is assembled. */
export function fieldProblems(
  field: Field,
  raw: string | undefined,
  context: NewPaperContext,
): Problem[] {
  const option = FIELD_OPTIONS[field];
  const value = given(raw);
  const hint = FIELD_HINTS[field];
  if (field === 'title') {
    if (value === undefined) return [{ field: option, message: 'missing', hint }];
    return fromText(field, titleProblem(value));
  }
  if (field === 'abstract') {
    if (value === undefined) return [{ field: option, message: 'missing', hint }];
    return fromText(field, abstractProblem(value));
  }
  if (value === undefined) return [];
  if (field === 'topics') return topicProblems(parseTopicIds(value), context);
  if (field === 'authors' && parseAuthors(value).length === 0) {
    return [{ field: option, message: 'no names', hint }];
  }
  const shape = {
    date: 'date',
    arxiv: 'arxiv',
    url: 'url',
    code: 'code',
    projectPage: 'projectPage',
  } as const;
  if (field in shape) {
    const key = shape[field as keyof typeof shape];
    const checked = key === 'arxiv' ? normalizeArxiv(value) : value;
    const result = paperSchema.shape[key].safeParse(checked, { error: zodErrorMap });
    if (!result.success) {
      const detail = result.error.issues[0]?.message ?? 'invalid';
      // A date's message quotes the value itself.
      const message = key === 'date' ? detail : `"${value}": ${detail}`;
      return [{ field: option, message, hint }];
    }
  }
  return [];
}

function topicProblems(ids: readonly string[], context: NewPaperContext): Problem[] {
  const field = FIELD_OPTIONS.topics;
  const known = context.matcher.taxonomy.topics.map((topic) => topic.id);
  const problems: Problem[] = [];
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) {
      problems.push({ field, message: `"${id}" is given twice`, hint: 'give each topic once' });
    } else if (!known.includes(id)) {
      const suggestion = closestTopic(id, known);
      problems.push({
        field,
        message: `unknown topic id "${id}"`,
        hint:
          suggestion === undefined
            ? `use ids listed in ${context.taxonomyFile}: ${known.join(', ')}`
            : `did you mean "${suggestion}"? The ids are listed in ${context.taxonomyFile}`,
      });
    }
  });
  return problems;
}

const DUPLICATE_MESSAGES: Readonly<Record<DuplicateReason, { field: Field; message: string }>> = {
  'same-title': { field: 'title', message: 'the list already has a paper with this title' },
  'near-identical-title': {
    field: 'title',
    message: 'the list already has a paper with nearly this title',
  },
  'same-arxiv': { field: 'arxiv', message: 'the list already has a paper with this arXiv id' },
};

/** The papers already in the list that a paper with this title and arXiv id would repeat. */
export function duplicateProblems(
  paper: { title: string; arxiv?: string | undefined },
  context: NewPaperContext,
): Problem[] {
  const listed = context.existing.map((existing) => ({
    ...existing,
    file: `${context.papersDir.replace(/\/+$/, '')}/${existing.slug}.md`,
  }));
  return findDuplicatesOf(paper, listed).flatMap(({ paper: existing, reasons }) =>
    reasons.map((reason) => {
      const words = DUPLICATE_MESSAGES[reason];
      return {
        field: FIELD_OPTIONS[words.field],
        message: `${words.message}: ${existing.file} ("${existing.title}")`,
        hint:
          reason === 'near-identical-title'
            ? `if it is the same paper, edit ${existing.file} instead; if it is another paper, add the arXiv ids of both: --arxiv here and arxiv in ${existing.file}`
            : `edit ${existing.file} instead of adding the paper again`,
      };
    }),
  );
}

const SCHEMA_FIELDS: Readonly<Record<string, Field>> = { authorCount: 'authors' };

/**
 * Builds a new paper from its values, or says everything that is wrong with them. `acceptProposed`
 * takes the rules' topics when no `topics` are given (the `--yes` flag).
 */
export function planNewPaper(
  fields: NewPaperFields,
  acceptProposed: boolean,
  context: NewPaperContext,
): NewPaperPlan {
  const order: Field[] = [
    'title',
    'abstract',
    'date',
    'arxiv',
    'url',
    'code',
    'projectPage',
    'authors',
    'venue',
    'notes',
    'topics',
  ];
  const problems = order.flatMap((field) => fieldProblems(field, fields[field], context));
  const title = given(fields.title);
  const abstract = given(fields.abstract);
  const arxivText = given(fields.arxiv);
  const arxiv = arxivText === undefined ? undefined : normalizeArxiv(arxivText);
  const proposal =
    title === undefined || abstract === undefined
      ? undefined
      : proposeTopics(context.matcher, { title, abstract });

  const topicsText = given(fields.topics);
  let topics: string[] = [];
  if (topicsText !== undefined) topics = parseTopicIds(topicsText);
  else if (acceptProposed && proposal !== undefined)
    topics = proposal.topics.map((topic) => topic.id);
  else if (proposal !== undefined) {
    problems.push({
      field: FIELD_OPTIONS.topics,
      message: `no topics chosen; the rules propose ${proposal.topics.map((topic) => topic.id).join(', ')}`,
      hint: `pass --yes to accept them, or --topics with ids from ${context.taxonomyFile}, primary first`,
    });
  }
  if (title !== undefined) problems.push(...duplicateProblems({ title, arxiv }, context));

  const authors = given(fields.authors) === undefined ? [] : parseAuthors(fields.authors ?? '');
  const optional = (key: Field): string | undefined => given(fields[key]);
  const date = optional('date');
  const url = optional('url');
  const code = optional('code');
  const projectPage = optional('projectPage');
  const venue = optional('venue');
  const notes = optional('notes');
  const input = {
    title: title ?? '',
    ...(date === undefined ? {} : { date }),
    ...(authors.length === 0 ? {} : { authorCount: authors.length, authors }),
    topics,
    // Accepted proposals are marked as the rules', so a later `--retopic` may update them; ids
    // typed by hand are the contributor's choice, even when they equal the proposal.
    ...(topicsText === undefined && topics.length > 0 ? { autoTopics: topics } : {}),
    ...(arxiv === undefined ? {} : { arxiv }),
    ...(url === undefined ? {} : { url }),
    ...(code === undefined ? {} : { code }),
    ...(projectPage === undefined ? {} : { projectPage }),
    ...(venue === undefined ? {} : { venue }),
    sources: [],
    added: context.today,
    ...(notes === undefined ? {} : { notes }),
  };
  // The shared schema has the last word on every value; its problems are reported once per flag.
  const result = paperSchema.safeParse(input, { error: zodErrorMap });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'title');
      const field = SCHEMA_FIELDS[key] ?? (key in FIELD_OPTIONS ? (key as Field) : 'title');
      const option = FIELD_OPTIONS[field];
      if (problems.some((problem) => problem.field === option)) continue;
      problems.push({ field: option, message: issue.message, hint: FIELD_HINTS[field] });
    }
  }
  if (
    problems.length > 0 ||
    !result.success ||
    title === undefined ||
    abstract === undefined ||
    proposal === undefined
  ) {
    return { ok: false, problems, proposal };
  }
  const taken = new Set(context.existing.map((paper) => paper.slug));
  const slug = uniqueSlug(slugify(title), (candidate) => taken.has(candidate));
  const text = serializePaper(result.data, abstract);
  // What is written must read back as the same paper; anything else is a bug here, not bad input.
  const reread = readPaperFile(text);
  if (!reread.ok)
    throw new Error(`the new paper file does not read back: ${JSON.stringify(reread.problems)}`);
  return {
    ok: true,
    slug,
    fileName: `${slug}.md`,
    text,
    data: result.data,
    proposal,
  };
}
