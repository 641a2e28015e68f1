/**
 * `npm run new` in a terminal: asks for every value not given as a flag, re-asking until each is
 * valid, and shows the proposed topics and the file before writing. It asks through an injected
 * `Prompter`, so it runs the same in a terminal and in a test.
 */
import { formatProblem } from '../../problems/problem.ts';
import { given, normalizeArxiv, type Field, type NewPaperFields } from './fields.ts';
import {
  duplicateProblems,
  fieldProblems,
  planNewPaper,
  type NewPaperContext,
  type NewPaperPlan,
} from './plan.ts';
import { formatProposal, proposeTopics } from './proposal.ts';

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
