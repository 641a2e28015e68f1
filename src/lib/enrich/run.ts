/**
 * One enrichment run over a list of papers: each paper in slug order, one at a time (the sources'
 * pace allows no more), the files to write and the outcome of every paper.
 */
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { serializePaper } from '../paper/paper-file.ts';
import type { Paper } from '../paper/schema.ts';
import type { Lookups } from './lookups.ts';
import { enrichPaper, needsEnrichment, type PaperOutcome } from './paper.ts';

export interface RunResult {
  outcomes: PaperOutcome[];
  /** Papers that lack nothing the sources could give, and were not asked about. */
  skipped: number;
  /** New texts of the papers that changed. */
  writes: { slug: string; before: string; after: string }[];
}

export async function runEnrichment(
  papers: readonly (Paper & { text: string })[],
  lookups: Lookups,
  onPaper: (outcome: PaperOutcome, index: number, total: number) => void = () => undefined,
): Promise<RunResult> {
  const todo = papers.filter(needsEnrichment);
  const outcomes: PaperOutcome[] = [];
  const writes: RunResult['writes'] = [];
  for (const [index, paper] of todo.entries()) {
    const outcome = await enrichPaper(paper, lookups);
    outcomes.push(outcome);
    onPaper(outcome, index, todo.length);
    if (outcome.filled.length > 0) {
      const after = serializePaper(outcome.paper.data, paper.abstract);
      if (after !== paper.text) writes.push({ slug: paper.slug, before: paper.text, after });
    }
  }
  return { outcomes, skipped: papers.length - todo.length, writes };
}

/**
 * The change to one file as a unified diff, as `--dry-run` prints it: `a/` and `b/` before a
 * relative path, as git writes them, so the output applies with `git apply`.
 */
export function fileDiff(file: string, before: string, after: string): string {
  const [from, to] = path.isAbsolute(file) ? [file, file] : [`a/${file}`, `b/${file}`];
  return createTwoFilesPatch(from, to, before, after, undefined, undefined, {
    context: 2,
  })
    .split('\n')
    .slice(1)
    .join('\n');
}
