/**
 * Keeps the fixture corpus honest, without a browser: its topics.yaml is a copy of the real
 * content/topics.yaml (so topic pages built from the fixture show the real names and
 * descriptions), and every fixture paper names topics that exist. When the real taxonomy changes,
 * copy it again: `cp content/topics.yaml tests/fixtures/site-corpus/`.
 */
import { describe, expect, test } from 'vitest';
import { CONTENT_DIR, CORPUS_DIR, readPapers, readTaxonomy } from './fixture-corpus.ts';

const COPY_HINT = 'run: cp content/topics.yaml tests/fixtures/site-corpus/';

describe('the fixture corpus in tests/fixtures/site-corpus', () => {
  test('its taxonomy has the same topic ids, names and descriptions as content/topics.yaml', async () => {
    const [fixture, real] = await Promise.all([
      readTaxonomy(CORPUS_DIR),
      readTaxonomy(CONTENT_DIR),
    ]);
    const summary = (topics: typeof real.topics) =>
      topics.map(({ id, name, description }) => ({ id, name, description }));
    expect(summary(fixture.topics), COPY_HINT).toEqual(summary(real.topics));
  });

  test('every fixture paper names only topics of the taxonomy, and at least one', async () => {
    const [taxonomy, papers] = await Promise.all([
      readTaxonomy(CORPUS_DIR),
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
