/**
 * Checking a whole content folder without building the site: every paper file, the taxonomy,
 * duplicates across files and files the site would silently ignore. Pure: the script reads the folder and hands over names and texts.
 */
import { findDuplicatePairs, type DuplicateReason } from '../duplicates.ts';
import { LEGACY_TOPIC_RECORD_FILE } from '../import-cli.ts';
import { fieldLine } from '../paper-file.ts';
import { fileLabel } from '../files.ts';
import { checkPaperFile, type CheckedPaper, type PaperFile } from './paper.ts';
import { compareText } from '../ordering.ts';
import { plural } from '../words.ts';
import { formatProblem, sortProblems, type Problem } from './problem.ts';
import { checkTaxonomy } from './taxonomy.ts';

/** What an entry of the papers folder is, by its name. */
export type EntryKind = 'paper' | 'record' | 'ignored' | 'stray';

/**
 * Paper files are `*.md`; the shared record of automatic topics older versions kept is reported.
 * Other hidden files (editor and system files, an interrupted write's temporary files) are not
 * content. Anything else is a file the site would silently leave out, such as `paper.markdown`
 * or `Paper.MD`.
 */
export function classifyEntry(name: string, isFolder: boolean): EntryKind {
  if (name === LEGACY_TOPIC_RECORD_FILE && !isFolder) return 'record';
  if (name.startsWith('.')) return 'ignored';
  if (!isFolder && name.endsWith('.md')) return 'paper';
  return 'stray';
}

export interface CorpusInput {
  /** How the papers folder is named in messages, such as `content/papers`. */
  papersDir: string;
  /** How the taxonomy file is named in messages, such as `content/topics.yaml`. */
  taxonomyFile: string;
  /** The taxonomy's text; undefined when the file does not exist. */
  taxonomyText: string | undefined;
  /** Every paper file (`classifyEntry` = `paper`), any order. */
  papers: readonly PaperFile[];
  /** The text of the old shared record of automatic topics, when the folder still has one. */
  topicRecord?: string | undefined;
  /** Entries of the papers folder that are neither papers nor the record nor ignored. */
  strays?: readonly { name: string; isFolder: boolean }[];
}

export interface CorpusReport {
  problems: Problem[];
  paperCount: number;
  /** How many topics the taxonomy lists; undefined when it cannot be read. */
  topicCount: number | undefined;
}

const DUPLICATE_WORDS: Readonly<Record<DuplicateReason, { field: string; message: string }>> = {
  'same-title': { field: 'title', message: 'same title as' },
  'near-identical-title': { field: 'title', message: 'nearly the same title as' },
  'same-arxiv': { field: 'arxiv', message: 'same arXiv id as' },
};

const DUPLICATE_HINTS: Readonly<Record<DuplicateReason, string>> = {
  'same-title':
    'a paper is listed once: keep one file, move anything only the other has into it, delete the other',
  'near-identical-title':
    'if it is the same paper, keep one file and delete the other; if not, give both files their arXiv ids',
  'same-arxiv':
    'a paper is listed once: keep one file and delete the other, or correct the arXiv id',
};

/** One problem per duplicated paper and reason, naming the first file it duplicates. */
function duplicateProblems(papers: readonly CheckedPaper[]): Problem[] {
  const titled = papers.flatMap((paper) =>
    paper.data === undefined
      ? []
      : [{ file: paper.file, text: paper.text, title: paper.data.title, arxiv: paper.data.arxiv }],
  );
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const { first, second, reason } of findDuplicatePairs(titled)) {
    // Three copies of a paper make three pairs; naming the first copy twice is enough.
    const key = `${second.file}\n${reason}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const words = DUPLICATE_WORDS[reason];
    problems.push({
      file: second.file,
      line: fieldLine(second.text, words.field),
      field: words.field,
      message: `${words.message} ${first.file}`,
      hint: DUPLICATE_HINTS[reason],
    });
  }
  return problems;
}

/**
 * The shared record older versions kept: every paper now carries its own `autoTopics`, and a
 * leftover record (from a branch made before the change) is moved into them by the importer.
 */
function legacyRecordProblem(file: string): Problem {
  return {
    file,
    line: 1,
    field: 'record',
    message:
      'the shared record of automatic topics is no longer used: each paper keeps its own in `autoTopics`',
    hint: 'run `npm run import`, which moves its entries into the papers and deletes it',
  };
}

function strayProblem(name: string, isFolder: boolean, papersDir: string): Problem {
  const lower = name.toLowerCase();
  const stem = name.replace(/\.[^.]*$/, '');
  const hint = isFolder
    ? `the site reads only the Markdown files directly in ${papersDir}; move the papers up and remove the folder`
    : lower.endsWith('.md') || lower.endsWith('.markdown')
      ? `rename it to ${stem.toLowerCase()}.md`
      : `the site reads only <slug>.md files; move it out of ${papersDir}`;
  return {
    file: fileLabel(papersDir, name),
    line: 1,
    field: 'file name',
    message: isFolder
      ? 'a folder, which the site ignores'
      : 'not a paper file, so the site ignores it',
    hint,
  };
}

/** Checks a whole content folder; problems come sorted by file, then line. */
export function checkCorpus(input: CorpusInput): CorpusReport {
  const taxonomy = checkTaxonomy(input.taxonomyText, input.taxonomyFile);
  const context = {
    papersDir: input.papersDir,
    taxonomyFile: input.taxonomyFile,
    topicIds: taxonomy.topics?.map((topic) => topic.id),
  };
  const checked = [...input.papers]
    .sort((a, b) => compareText(a.name, b.name))
    .map((paper) => checkPaperFile(paper, context));
  const problems = [
    ...taxonomy.problems,
    ...checked.flatMap((paper) => paper.problems),
    ...duplicateProblems(checked),
    ...(input.strays ?? []).map(({ name, isFolder }) =>
      strayProblem(name, isFolder, input.papersDir),
    ),
    ...(input.topicRecord === undefined
      ? []
      : [legacyRecordProblem(fileLabel(input.papersDir, LEGACY_TOPIC_RECORD_FILE))]),
  ];
  return {
    problems: sortProblems(problems),
    paperCount: input.papers.length,
    topicCount: taxonomy.topics?.length,
  };
}

/** The report as printed: one line per problem and a final count, or one line saying all is well. */
export function formatReport(report: CorpusReport): string {
  const { problems, paperCount, topicCount } = report;
  const topics = topicCount === undefined ? '' : `, ${plural(topicCount, 'topic')}`;
  if (problems.length === 0) return `${plural(paperCount, 'paper')}${topics}: no problems\n`;
  const files = new Set(problems.map((problem) => problem.file)).size;
  return [
    ...problems.map(formatProblem),
    `${plural(problems.length, 'problem')} in ${plural(files, 'file')} (${plural(paperCount, 'paper')}${topics})`,
    '',
  ].join('\n');
}
