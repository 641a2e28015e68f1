/**
 * For importer tests: the day they import on, the paper most of them import, and looking up one
 * listing's summary and one paper's write in an import plan.
 */
import type { FileSummary, ImportPlan } from '../../src/lib/import/importer.ts';
import type { TestPaper } from './listings.ts';

/** The day the tests import on: later than every listing's capture date. */
export const TODAY = '2027-01-15';

export const LATTICE: TestPaper = {
  title: 'Lattice Dropout: Structured Noise for Convolutional Feature Maps',
  abstract:
    'Dropout on convolutional feature maps removes too little information. We propose Lattice Dropout.',
};
export const LATTICE_SLUG = 'lattice-dropout-structured-noise-for-convolutional-feature-maps';

/** The summary of the listing `file`; throws when the plan has none. */
export function summaryOf(importPlan: ImportPlan, file: string): FileSummary {
  const summary = importPlan.summaries.find((candidate) => candidate.file === file);
  if (summary === undefined) throw new Error(`no summary for ${file}`);
  return summary;
}

/** The text the plan writes to the paper `slug`; throws when it writes none. */
export function writeOf(importPlan: ImportPlan, slug: string): string {
  const write = importPlan.writes.find((candidate) => candidate.slug === slug);
  if (write === undefined) throw new Error(`no write for ${slug}`);
  return write.text;
}
