/**
 * The one place pages read content from: both collections are loaded once and everything pages
 * show is derived here (see src/lib/site/catalog.ts), so no page queries a collection itself and
 * related papers are computed once per build, not once per page.
 */
import { getCollection } from 'astro:content';
import { citationKeys as keysOf } from '../lib/cite/reference.ts';

import path from 'node:path';
import { formatProblem } from '../lib/problems/problem.ts';
import { READING_PATHS_FILE } from '../lib/check/reading-paths.ts';
import { readOptionalFile } from '../lib/paper/files.ts';
import {
  parseReadingPaths,
  positionsByPaper,
  type ReadingPath,
} from '../lib/topics/reading-paths.ts';
import { relatedPapers } from '../lib/discovery/related.ts';
import { safeText, safeValue } from '../lib/paper/safe-text.ts';
import type { Paper } from '../lib/paper/schema.ts';
import { buildCatalog, type SitePaper } from '../lib/site/catalog.ts';

const paperEntries = await getCollection('papers');
const topicEntries = await getCollection('topics');

// Every text is made safe once here (src/lib/paper/safe-text.ts), so no page, feed or download the
// site writes carries a control character, a noncharacter or a bidi override, whatever the files
// hold: one such character would make a feed invalid XML or reverse the names after it.
export const catalog = buildCatalog(
  paperEntries.map((entry) => ({
    id: entry.id,
    data: safeValue(entry.data),
    body: safeText(entry.body ?? ''),
    filePath: entry.filePath ?? `papers/${entry.id}.md`,
  })),
  topicEntries
    .toSorted((a, b) => a.data.position - b.data.position)
    .map((entry) => ({
      id: entry.id,
      name: safeText(entry.data.name),
      description: safeText(entry.data.description),
    })),
);

/** Up to five related papers per paper id, with the reason they are related. */
export const related = relatedPapers(
  catalog.papers.map((paper) => ({
    id: paper.id,
    title: paper.data.title,
    abstract: paper.body,
    topics: paper.data.topics,
  })),
);

/** A site paper in the shape the citation and export modules take. */
export function asPaper(paper: SitePaper): Paper {
  return { slug: paper.id, data: paper.data, abstract: paper.body };
}

/** Every paper's citation key, unique across the whole list, by slug. */
export const citationKeys = keysOf(catalog.papers.map(asPaper));

/** The folder holding the content, as in content.config.ts. */
const contentDir = process.env.CONTENT_DIR ?? 'content';

/**
 * The reading paths, checked as `npm run check` checks them: the build stops on the first
 * problem rather than publishing a path with a missing or misplaced paper.
 */
async function loadReadingPaths(): Promise<ReadingPath[]> {
  const file = path.join(contentDir, READING_PATHS_FILE);
  const text = await readOptionalFile(file);
  if (text === undefined) return [];
  const { paths, problems } = parseReadingPaths({
    text,
    file,
    topics: new Set(catalog.topics.map((topic) => topic.id)),
    paperTopics: new Map(catalog.papers.map((paper) => [paper.id, paper.data.topics])),
  });
  if (problems.length > 0)
    throw new Error(`invalid reading paths:\n${problems.map(formatProblem).join('\n')}`);
  return paths;
}

/** Each topic's reading path, by topic id. */
export const readingPaths = new Map(
  (await loadReadingPaths()).map((entry) => [entry.topic, entry]),
);

/** Where each paper stands on the reading paths, by slug. */
export const pathPositions = positionsByPaper([...readingPaths.values()]);
