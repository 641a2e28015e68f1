/**
 * `npm run new` without the terminal: from the values a contributor typed or passed as flags to
 * the text of a new paper file, or to a list of what is wrong with them. Every value goes through
 * the shared schema and the checker's own rules (placeholders, known topic ids, duplicates), so a
 * paper this module writes is one `npm run check` accepts.
 *
 * The interview asks through an injected `ask`, so it runs the same in a terminal and in a test.
 */
import { abstractProblem, titleProblem } from '../check/placeholders.ts';
import { closestTopic } from '../check/paper.ts';
import { findDuplicatesOf, type DuplicateReason } from '../paper/duplicates.ts';
import { readPaperFile, serializePaper } from '../paper/paper-file.ts';
import { formatProblem, type Problem } from '../problems/problem.ts';
import { zodErrorMap } from '../problems/zod.ts';
import { paperSchema, type PaperData } from '../paper/schema.ts';
import { slugify, uniqueSlug } from '../paper/slug.ts';
import { normalizeText, type TopicMatcher } from '../topics/assign.ts';
import { patternRegExp } from '../topics/schema.ts';

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

type Field = keyof NewPaperFields;

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

/** A paper in the list, as far as finding duplicates and free file names needs it. */
export interface ListedPaper {
  slug: string;
  title: string;
  arxiv?: string | undefined;
}

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

/** A topic the rules propose, with the score and the words of the paper that earned it. */
export interface ProposedTopic {
  id: string;
  name: string;
  score: number;
  /** The text each matching pattern found, as it appears in the title or abstract. */
  terms: string[];
}

export interface TopicProposal {
  /** The topics the rules give the paper, primary first; what `--yes` accepts. */
  topics: ProposedTopic[];
  /** Topics that matched but scored below the bar, best first. */
  others: ProposedTopic[];
  /** No pattern matched at all: the paper gets the taxonomy's fallback topic. */
  fallback: boolean;
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

/** A value with surrounding space removed, or undefined when nothing is left. */
function given(value: string | undefined): string | undefined {
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

// ---------------------------------------------------------------------------------------------
// Topics.

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** What each pattern matched in the paper, lower case, each text once. */
function matchedTerms(patterns: readonly string[], texts: readonly string[]): string[] {
  const terms: string[] = [];
  for (const source of patterns) {
    const regexp = patternRegExp(source);
    for (const text of texts) {
      regexp.lastIndex = 0;
      const found = regexp.exec(text)?.[0].toLowerCase();
      if (found !== undefined && found !== '') {
        // `l2` adds nothing after `l2 regularization`: patterns overlap on purpose.
        if (!terms.some((term) => term.includes(found))) terms.push(found);
        break;
      }
    }
  }
  return terms;
}

/** The topics the rules of the taxonomy give a paper, and why. */
export function proposeTopics(
  matcher: TopicMatcher,
  paper: { title: string; abstract: string },
): TopicProposal {
  const assignment = matcher.assign(paper);
  const names = new Map(matcher.taxonomy.topics.map((topic) => [topic.id, topic.name]));
  const texts = [normalizeText(paper.title), normalizeText(paper.abstract)];
  const scores = new Map(assignment.scores.map((score) => [score.id, score]));
  const describe = (id: string): ProposedTopic => {
    const score = scores.get(id);
    return {
      id,
      name: names.get(id) ?? id,
      score: round(score?.score ?? 0),
      terms: matchedTerms(score?.matches ?? [], texts),
    };
  };
  return {
    topics: assignment.topics.map(describe),
    others: assignment.scores
      .filter((score) => !assignment.topics.includes(score.id))
      .map((score) => describe(score.id)),
    fallback: assignment.scores.length === 0,
  };
}

function describeTopic(topic: ProposedTopic): string {
  const terms = topic.terms.map((term) => `"${term}"`).join(', ');
  return `${topic.id} (${topic.name}): score ${topic.score}${terms === '' ? '' : ` from ${terms}`}`;
}

/** The proposal as shown to the contributor: the topics, the words that earned them, the rule. */
export function formatProposal(
  proposal: TopicProposal,
  matcher: TopicMatcher,
  taxonomyFile: string,
): string {
  const { threshold, secondaryRatio, maxTopics } = matcher.taxonomy.scoring;
  const lines = [`Topics proposed by the rules in ${taxonomyFile} (primary first):`];
  proposal.topics.forEach((topic, index) => {
    lines.push(
      proposal.fallback
        ? `  ${index + 1}. ${topic.id} (${topic.name}): no rule matched, so the fallback topic`
        : `  ${index + 1}. ${describeTopic(topic)}`,
    );
  });
  if (proposal.others.length > 0) {
    lines.push('Also matched, below the bar:');
    for (const topic of proposal.others.slice(0, 3)) lines.push(`     ${describeTopic(topic)}`);
  }
  lines.push(
    `(A topic is proposed when it scores at least ${threshold} and at least ${Math.round(secondaryRatio * 100)}% of the primary topic's score; at most ${maxTopics}.)`,
  );
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Values.

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

// ---------------------------------------------------------------------------------------------
// The interview.

/** How the interview talks to the contributor. */
export interface Prompter {
  /** Asks one question; resolves with the answer line, without its line break. */
  ask(question: string): Promise<string>;
  /** Shows text (which ends with a line break). */
  say(text: string): void;
}

/** The questions, in the order asked; `fields` given as flags are not asked again. */
const QUESTIONS: readonly { field: Field; question: string; required: boolean }[] = [
  { field: 'title', question: 'Title, as published', required: true },
  { field: 'arxiv', question: 'arXiv id or link (Enter to skip)', required: false },
  { field: 'abstract', question: 'Abstract: paste it, then an empty line', required: true },
  { field: 'date', question: 'Publication date, YYYY-MM-DD (Enter to skip)', required: false },
  { field: 'url', question: 'Link to the paper (Enter to skip)', required: false },
  {
    field: 'authors',
    question: 'Authors, separated by semicolons (Enter to skip)',
    required: false,
  },
  { field: 'venue', question: 'Venue, such as NeurIPS 2023 (Enter to skip)', required: false },
  { field: 'notes', question: "A curator's note for readers (Enter to skip)", required: false },
];

/** Reads lines until an empty one and joins them: a pasted abstract's line breaks become spaces. */
async function askParagraph(io: Prompter, question: string): Promise<string> {
  const lines: string[] = [];
  let line = await io.ask(`${question}:\n`);
  while (line.trim() !== '') {
    lines.push(line.trim());
    line = await io.ask('');
  }
  return lines.join(' ');
}

/**
 * Asks for every value not given as a flag, re-asking until each is valid, shows the proposed
 * topics and the file, and asks before writing. Returns the plan to write, a plan that refuses
 * (a duplicate), or `cancelled` when the contributor declines to write.
 */
export async function interview(
  io: Prompter,
  flags: NewPaperFields,
  acceptProposed: boolean,
  context: NewPaperContext,
): Promise<NewPaperPlan | 'cancelled'> {
  const fields: NewPaperFields = { ...flags };
  io.say(`Adding a paper to ${context.papersDir}. Optional questions can be skipped with Enter.\n`);
  for (const { field, question, required } of QUESTIONS) {
    let problems =
      given(fields[field]) === undefined ? [] : fieldProblems(field, fields[field], context);
    for (const problem of problems) io.say(`${formatProblem(problem)}\n`);
    while (given(fields[field]) === undefined || problems.length > 0) {
      const answer =
        field === 'abstract' ? await askParagraph(io, question) : await io.ask(`${question}: `);
      fields[field] = answer;
      problems = fieldProblems(field, answer, context);
      if (!required && given(answer) === undefined) break;
      for (const problem of problems) io.say(`${formatProblem(problem)}\n`);
    }
    if (field === 'arxiv') {
      // Before the abstract is pasted: a paper already listed is refused at once.
      const title = given(fields.title) ?? '';
      const arxivText = given(fields.arxiv);
      const duplicates = duplicateProblems(
        { title, arxiv: arxivText === undefined ? undefined : normalizeArxiv(arxivText) },
        context,
      );
      if (duplicates.length > 0) return { ok: false, problems: duplicates, proposal: undefined };
    }
  }
  const proposal = proposeTopics(context.matcher, {
    title: given(fields.title) ?? '',
    abstract: given(fields.abstract) ?? '',
  });
  io.say(formatProposal(proposal, context.matcher, context.taxonomyFile));
  let accept = acceptProposed;
  const flagged = given(fields.topics);
  const flagProblems = flagged === undefined ? [] : fieldProblems('topics', flagged, context);
  for (const problem of flagProblems) io.say(`${formatProblem(problem)}\n`);
  if (flagProblems.length > 0 || (flagged === undefined && !acceptProposed)) {
    fields.topics = undefined;
    const ids = proposal.topics.map((topic) => topic.id).join(', ');
    for (;;) {
      const answer = await io.ask(
        `Topics: Enter accepts ${ids}, or type ids separated by commas: `,
      );
      if (given(answer) === undefined) {
        accept = true;
        break;
      }
      const problems = fieldProblems('topics', answer, context);
      for (const problem of problems) io.say(`${formatProblem(problem)}\n`);
      if (problems.length === 0) {
        fields.topics = answer;
        break;
      }
    }
  }
  const plan = planNewPaper(fields, accept, context);
  if (!plan.ok) return plan;
  io.say(`\n${context.papersDir.replace(/\/+$/, '')}/${plan.fileName}:\n${plan.text}\n`);
  for (;;) {
    const confirm = (await io.ask(`Write ${plan.fileName}? [Y/n] `)).trim();
    if (/^(?:y|yes)?$/i.test(confirm)) return plan;
    if (/^(?:n|no)$/i.test(confirm)) return 'cancelled';
  }
}
