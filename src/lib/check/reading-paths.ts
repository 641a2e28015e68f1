/**
 * Checking `reading-paths.yaml` against the papers and the taxonomy of the same content folder.
 * Pure: the script hands over the texts. A content folder without the file has no paths and
 * nothing to report.
 */
import { load } from 'js-yaml';
import { readPaperFile } from '../paper/paper-file.ts';
import { parseReadingPaths } from '../topics/reading-paths.ts';
import type { Problem } from '../problems/problem.ts';

/** The file's name inside a content folder. */
export const READING_PATHS_FILE = 'reading-paths.yaml';

export interface ReadingPathsCheckInput {
  /** The file's text; undefined when the folder has none. */
  text: string | undefined;
  /** How the file is named in messages. */
  file: string;
  /** The taxonomy's text; without it the topic ids cannot be known. */
  taxonomyText: string | undefined;
  /** Every paper file of the folder. */
  papers: readonly { name: string; text: string }[];
}

/** Topic ids from the taxonomy, read leniently: its own problems are reported elsewhere. */
function topicIds(taxonomyText: string | undefined): Set<string> {
  try {
    const topics = (load(taxonomyText ?? '') as { topics?: unknown } | null)?.topics;
    if (!Array.isArray(topics)) return new Set();
    return new Set(
      topics.flatMap((topic: unknown) => {
        const id = (topic as { id?: unknown } | null)?.id;
        return typeof id === 'string' ? [id] : [];
      }),
    );
  } catch {
    return new Set();
  }
}

/** Every problem of the reading paths, with file and line. */
export function checkReadingPaths(input: ReadingPathsCheckInput): Problem[] {
  if (input.text === undefined) return [];
  const paperTopics = new Map<string, readonly string[] | undefined>(
    input.papers.map(({ name, text }) => {
      const read = readPaperFile(text);
      // A broken paper file is reported on its own; its topics are then unknown, not empty.
      return [name.replace(/\.md$/, ''), read.ok ? read.data.topics : undefined];
    }),
  );
  return parseReadingPaths({
    text: input.text,
    file: input.file,
    topics: topicIds(input.taxonomyText),
    paperTopics,
  }).problems;
}
