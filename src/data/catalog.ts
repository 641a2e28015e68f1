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
import { buildCatalog } from '../lib/site/catalog.ts';

const paperEntries = await getCollection('papers');
const topicEntries = await getCollection('topics');

// Every text is made safe once here (src/lib/safe-text.ts), so no page, feed or download the
// site writes carries a control character, a noncharacter or a bidi override, whatever the files
// hold: one such character would make a feed invalid XML or reverse the names after it.
const paperFiles = new Map(paperEntries.map((entry) => [entry.id, entry.filePath]));

export const catalog = buildCatalog(
  paperEntries.map((entry) => ({
    slug: entry.id,
    data: safeValue(entry.data),
    abstract: safeText(entry.body ?? ''),
  })),
  topicEntries
    .toSorted((a, b) => a.data.position - b.data.position)
    .map((entry) => ({
      id: entry.id,
      name: safeText(entry.data.name),
      description: safeText(entry.data.description),
    })),
  (slug) => paperFiles.get(slug) ?? `papers/${slug}.md`,
);

/** Up to five related papers per paper id, with the reason they are related. */
export const related = relatedPapers(
  catalog.papers.map((paper) => ({
    id: paper.slug,
    title: paper.data.title,
    abstract: paper.abstract,
    topics: paper.data.topics,
  })),
);

/** Every paper's citation key, unique across the whole list, by slug. */
export const citationKeys = keysOf(catalog.papers);

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
    paperTopics: new Map(catalog.papers.map((paper) => [paper.slug, paper.data.topics])),
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
