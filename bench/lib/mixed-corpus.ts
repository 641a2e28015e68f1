/**
 * The real list among many synthetic papers: the search-quality benchmark's queries look for real
 * papers, so at 10,000 papers they must still be there, among others that use the same words.
 */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFilesAtomically } from '../../src/lib/paper/files.ts';
import { generatePapers, paperFiles, type CorpusOptions } from './generator.ts';

/**
 * Copies the content folder `realContentDir` to `outDir` and adds synthetic papers until there are
 * `total` in all. A synthetic paper whose file name a real paper has is left out (and made up for
 * by the next), so no real paper is replaced.
 */
export async function mixedCorpus(
  realContentDir: string,
  outDir: string,
  total: number,
  options: Omit<CorpusOptions, 'count'>,
): Promise<{ real: number; synthetic: number }> {
  const realNames = (await readdir(path.join(realContentDir, 'papers'))).filter((name) =>
    name.endsWith('.md'),
  );
  if (total < realNames.length) {
    throw new Error(`${total} papers is fewer than the real list's ${realNames.length}`);
  }
  await cp(realContentDir, outDir, { recursive: true });
  const real = new Set(realNames);
  const wanted = total - real.size;
  // A few spare papers, for the names the real list already has.
  const files = paperFiles(generatePapers({ ...options, count: wanted + real.size }))
    .filter(({ name }) => !real.has(name))
    .slice(0, wanted);
  await writeFilesAtomically(path.join(outDir, 'papers'), files);
  return { real: real.size, synthetic: files.length };
}
