/**
 * Checking a whole content folder without building the site: every paper file, the taxonomy,
 * duplicates across files and files the site would silently ignore. Pure: the script reads the folder and hands over names and texts.
 */
import { findDuplicatePairs, type DuplicateReason } from '../paper/duplicates.ts';
import { LEGACY_TOPIC_RECORD_FILE } from '../import/legacy-record.ts';
import { fieldLine } from '../paper/paper-file.ts';
import { fileLabel } from '../paper/files.ts';
import { checkPaperFile, type CheckedPaper, type PaperFile } from './paper.ts';
import { compareText } from '../paper/ordering.ts';
import { plural } from '../paper/words.ts';
import { formatProblem, inFile, sortProblems, type Problem } from '../problems/problem.ts';
import { checkTaxonomy } from './taxonomy.ts';
import { parseRetired, RetiredList } from '../paper/retired.ts';
import { yamlLines } from '../problems/yaml-path.ts';

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

/**
 * An entry of the papers folder that is not a paper: a folder, a file the site ignores, a symbolic
 * link (which the checker does not follow: it may point anywhere, even at /dev/zero), something
 * that is not a regular file, or a file too large to be a paper.
 */
export interface Stray {
  name: string;
  isFolder: boolean;
  /** What else makes it a stray; absent for folders and ignored file names. */
  reason?: 'link' | 'special' | { bytes: number } | undefined;
}

/** The largest paper file read; a paper with a long abstract takes a few kilobytes. */
export const MAX_PAPER_BYTES = 1024 * 1024;

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
  strays?: readonly Stray[];
  /** Today as `YYYY-MM-DD`, for dates that may not lie in the future (default: the real today). */
  today?: string | undefined;
  /** How the retired file is named in messages, such as `content/retired.yaml`. */
  retiredFile?: string | undefined;
  /** The text of the retired file, when there is one. */
  retiredText?: string | undefined;
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

/**
 * One problem per duplicated paper and reason, reported on the copy added last (by `added`, then
 * by file name), which is the file a pull request brings, and naming the one already listed.
 */
function duplicateProblems(papers: readonly CheckedPaper[]): Problem[] {
  const titled = papers.flatMap((paper) =>
    paper.data === undefined
      ? []
      : [
          {
            file: paper.file,
            text: paper.text,
            title: paper.data.title,
            arxiv: paper.data.arxiv,
            added: paper.data.added,
          },
        ],
  );
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const { first, second, reason } of findDuplicatePairs(titled)) {
    const [kept, copy] =
      compareText(first.added, second.added) > 0 ? [second, first] : [first, second];
    // Three copies of a paper make three pairs; naming the first copy twice is enough.
    const key = `${copy.file}\n${reason}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const words = DUPLICATE_WORDS[reason];
    problems.push({
      file: copy.file,
      line: fieldLine(copy.text, words.field),
      field: words.field,
      message: `${words.message} ${kept.file}`,
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

function strayProblem({ name, isFolder, reason }: Stray, papersDir: string): Problem {
  const file = fileLabel(papersDir, name);
  if (reason === 'link')
    return {
      file,
      line: 1,
      field: 'file name',
      message: 'a symbolic link, which neither the checker nor the site follows',
      hint: 'put the paper file itself here, not a link to it',
    };
  if (reason === 'special')
    return {
      file,
      line: 1,
      field: 'file name',
      message: 'not a regular file (a device, a pipe or a socket)',
      hint: `remove it; ${papersDir} holds only <slug>.md files`,
    };
  if (typeof reason === 'object')
    return {
      file,
      line: 1,
      field: 'file name',
      message: `${reason.bytes.toLocaleString('en')} bytes, more than the limit of ${MAX_PAPER_BYTES.toLocaleString('en')} for a paper file, so it was not read`,
      hint: 'a paper file holds the frontmatter and the abstract; remove anything else',
    };
  const lower = name.toLowerCase();
  const stem = name.replace(/\.[^.]*$/, '');
  const hint = isFolder
    ? `the site reads only the Markdown files directly in ${papersDir}; move the papers up and remove the folder`
    : lower.endsWith('.md') || lower.endsWith('.markdown')
      ? `rename it to ${stem.toLowerCase()}.md`
      : `the site reads only <slug>.md files; move it out of ${papersDir}`;
  return {
    file,
    line: 1,
    field: 'file name',
    message: isFolder
      ? 'a folder, which the site ignores'
      : 'not a paper file, so the site ignores it',
    hint,
  };
}

/** Problems of `retired.yaml`: its shape, and papers it retires that are still in the list. */
function retiredProblems(
  text: string,
  file: string,
  papers: readonly CheckedPaper[],
  papersDir: string,
): Problem[] {
  const { entries, problems } = parseRetired(text);
  const found = inFile(problems, file);
  const lineOf = yamlLines(text);
  entries.forEach((entry, index) => {
    if (entry.fields !== undefined) return;
    const list = new RetiredList([entry]);
    for (const paper of papers) {
      const slug = paper.file.slice(papersDir.length + 1).replace(/\.md$/, '');
      if (!list.paper({ slug, title: paper.data?.title ?? '' })) continue;
      found.push({
        file,
        line: lineOf([index]),
        field: String(index),
        message: `retires a paper that is still in the list: ${paper.file}`,
        hint: `delete ${paper.file}, or remove this entry to bring the paper back`,
      });
    }
  });
  return found;
}

/** Checks a whole content folder; problems come sorted by file, then line. */
export function checkCorpus(input: CorpusInput): CorpusReport {
  const taxonomy = checkTaxonomy(input.taxonomyText, input.taxonomyFile);
  const context = {
    papersDir: input.papersDir,
    taxonomyFile: input.taxonomyFile,
    topicIds: taxonomy.topics?.map((topic) => topic.id),
    today: input.today,
  };
  const checked = [...input.papers]
    .sort((a, b) => compareText(a.name, b.name))
    .map((paper) => checkPaperFile(paper, context));
  const problems = [
    ...taxonomy.problems,
    ...checked.flatMap((paper) => paper.problems),
    ...duplicateProblems(checked),
    ...(input.strays ?? []).map((stray) => strayProblem(stray, input.papersDir)),
    ...(input.retiredText === undefined
      ? []
      : retiredProblems(
          input.retiredText,
          input.retiredFile ?? 'retired.yaml',
          checked,
          input.papersDir,
        )),
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
