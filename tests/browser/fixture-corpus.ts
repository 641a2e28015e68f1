/**
 * The fixture corpus the browser tests build the site from: the papers, reading paths and search
 * vocabulary of tests/fixtures/site-corpus/ with the real content/topics.yaml, read straight from
 * their files, so every expectation (which topics have papers, in what order a topic lists them,
 * what a paper page shows) is derived from the same files the site is built from.
 */
import matter from 'gray-matter';
import { load } from 'js-yaml';
import { copyFile, cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paperSchema, type PaperData } from '../../src/lib/paper/schema.ts';
import { taxonomySchema, type Taxonomy } from '../../src/lib/topics/schema.ts';

/** The fixture corpus's own files: `papers/`, `reading-paths.yaml`, `search-vocabulary.yaml`. */
export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/site-corpus/', import.meta.url));

/** The real content folder, whose `topics.yaml` the fixture site is built with. */
export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

/**
 * Writes the fixture corpus as a content folder to build from: its own files and the real
 * `topics.yaml`, so topic pages show the real names and descriptions and the fixture never keeps
 * a copy of the taxonomy that could drift from it.
 */
export async function writeFixtureContent(dir: string): Promise<void> {
  await cp(CORPUS_DIR, dir, { recursive: true });
  await copyFile(path.join(CONTENT_DIR, 'topics.yaml'), path.join(dir, 'topics.yaml'));
}

export interface FixturePaper {
  /** The file name without `.md`: the paper page's slug. */
  slug: string;
  data: PaperData;
  /** The Markdown body, trimmed: the abstract. */
  abstract: string;
}

export interface FixtureTopic {
  id: string;
  name: string;
  description: string;
}

export interface Corpus {
  papers: FixturePaper[];
  /** The taxonomy's topics, in file order. */
  topics: FixtureTopic[];
}

/** Reads and validates `<dir>/topics.yaml` with the schema the site and the importer use. */
export async function readTaxonomy(dir: string): Promise<Taxonomy> {
  return taxonomySchema.parse(load(await readFile(path.join(dir, 'topics.yaml'), 'utf8')));
}

/** Reads and validates every `<dir>/papers/*.md`, in file-name order. */
export async function readPapers(dir: string): Promise<FixturePaper[]> {
  const papersDir = path.join(dir, 'papers');
  const names = (await readdir(papersDir)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = matter(await readFile(path.join(papersDir, name), 'utf8'));
      const parsed = paperSchema.safeParse(file.data);
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.message}`);
      return {
        slug: name.slice(0, -'.md'.length),
        data: parsed.data,
        abstract: file.content.trim(),
      };
    }),
  );
}

/** The whole fixture corpus. */
export async function readCorpus(): Promise<Corpus> {
  const [taxonomy, papers] = await Promise.all([readTaxonomy(CONTENT_DIR), readPapers(CORPUS_DIR)]);
  const topics = taxonomy.topics.map(({ id, name, description }) => ({ id, name, description }));
  return { papers, topics };
}

/**
 * Newest first, papers without a full date last, ties by title: the order the site promises for
 * a topic's papers. Written out here rather than imported, so the test does not just repeat the
 * site's own code.
 */
export function newestFirst(papers: readonly FixturePaper[]): FixturePaper[] {
  return [...papers].sort((a, b) => {
    const dateA = a.data.date ?? '';
    const dateB = b.data.date ?? '';
    if (dateA !== dateB) return dateA < dateB ? 1 : -1;
    return a.data.title.localeCompare(b.data.title, 'en');
  });
}

/** The papers carrying a topic (first or not), newest first. */
export function papersWithTopic(corpus: Corpus, topicId: string): FixturePaper[] {
  return newestFirst(corpus.papers.filter((paper) => paper.data.topics.includes(topicId)));
}

/** The topics that at least one paper carries, in taxonomy order. */
export function topicsWithPapers(corpus: Corpus): FixtureTopic[] {
  return corpus.topics.filter((topic) => papersWithTopic(corpus, topic.id).length > 0);
}

/** A paper by slug; throws when the fixture has no such paper (a renamed fixture file). */
export function paperBySlug(corpus: Corpus, slug: string): FixturePaper {
  const paper = corpus.papers.find((candidate) => candidate.slug === slug);
  if (paper === undefined) throw new Error(`no fixture paper ${slug} in ${CORPUS_DIR}`);
  return paper;
}

/** A topic by id; throws when the fixture taxonomy has no such topic. */
export function topicById(corpus: Corpus, id: string): FixtureTopic {
  const topic = corpus.topics.find((candidate) => candidate.id === id);
  if (topic === undefined) throw new Error(`no topic ${id} in ${CONTENT_DIR}topics.yaml`);
  return topic;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How a reader sees a full date: `2024-06-11` is `Jun 11, 2024`. */
export function readableDate(isoDate: string): string {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${String(Number(day))}, ${year}`;
}
