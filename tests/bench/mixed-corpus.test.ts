/**
 * The search-quality benchmark's larger corpus: the real papers, untouched, among synthetic ones
 * up to the size asked.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../bench/data/vocabulary.ts';
import { mixedCorpus } from '../../bench/lib/mixed-corpus.ts';
import { repoRoot } from '../helpers/paths.ts';
import { snapshotDir, useTempDirs } from '../helpers/temp.ts';

const REAL = path.join(repoRoot, 'tests', 'fixtures', 'site-corpus');
const options = { seed: 7, vocabulary: VOCABULARY, topicIds: ['weight-decay', 'dropout-noise'] };
const tempDir = useTempDirs();

describe('the real list among synthetic papers', () => {
  it('keeps every real paper byte for byte and adds synthetic ones up to the total', async () => {
    const out = path.join(await tempDir('mixed'), 'content');
    const realPapers = await snapshotDir(path.join(REAL, 'papers'));
    const counts = await mixedCorpus(REAL, out, realPapers.size + 40, options);
    expect(counts).toEqual({ real: realPapers.size, synthetic: 40 });
    const papers = await snapshotDir(path.join(out, 'papers'));
    expect(papers.size).toBe(realPapers.size + 40);
    for (const [name, text] of realPapers) expect(papers.get(name), name).toBe(text);
    // The rest of the content folder (reading paths, vocabulary) comes along.
    expect(await readFile(path.join(out, 'reading-paths.yaml'), 'utf8')).toBe(
      await readFile(path.join(REAL, 'reading-paths.yaml'), 'utf8'),
    );
  });

  it('gives the same synthetic papers for the same seed', async () => {
    const [a, b] = [await tempDir('mixed-a'), await tempDir('mixed-b')];
    await mixedCorpus(REAL, path.join(a, 'content'), 30, options);
    await mixedCorpus(REAL, path.join(b, 'content'), 30, options);
    expect(await snapshotDir(path.join(a, 'content', 'papers'))).toEqual(
      await snapshotDir(path.join(b, 'content', 'papers')),
    );
  });

  it('refuses a total smaller than the real list, and writes nothing', async () => {
    const dir = await tempDir('mixed-small');
    await expect(mixedCorpus(REAL, path.join(dir, 'content'), 1, options)).rejects.toThrow(
      /1 papers is fewer than the real list's \d+/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
