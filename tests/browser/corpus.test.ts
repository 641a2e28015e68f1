/**
 * Keeps the fixture corpus honest, without a browser: every fixture paper names at least one
 * topic, and only topics of the real content/topics.yaml, which the fixture site is built with.
 */
import { describe, expect, test } from 'vitest';
import { CONTENT_DIR, CORPUS_DIR, readPapers, readTaxonomy } from './fixture-corpus.ts';

describe('the fixture corpus in tests/fixtures/site-corpus', () => {
  test('every fixture paper names only topics of content/topics.yaml, and at least one', async () => {
    const [taxonomy, papers] = await Promise.all([
      readTaxonomy(CONTENT_DIR),
      readPapers(CORPUS_DIR),
    ]);
    const known = new Set(taxonomy.topics.map((topic) => topic.id));
    const unknown = papers.flatMap((paper) =>
      paper.data.topics.filter((id) => !known.has(id)).map((id) => `${paper.slug}: ${id}`),
    );
    expect(unknown).toEqual([]);
    expect(
      papers.filter((paper) => paper.data.topics.length === 0).map((paper) => paper.slug),
    ).toEqual([]);
    expect(papers.length).toBeGreaterThan(0);
  });
});
