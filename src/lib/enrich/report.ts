/**
 * What an enrichment run tells its maintainer: a summary per source on the terminal, and the
 * review report, a Markdown file listing every record that was found but not written (our title,
 * the candidate, why it was not accepted), what was found but could not be written, and errors.
 */
import { compareText } from '../paper/ordering.ts';
import { plural } from '../paper/words.ts';
import { SOURCE_LABELS, SOURCE_NAMES, type SourceName } from './lookups.ts';
import type { PaperOutcome, Verdict } from './paper.ts';

export const REPORT_FILE = 'enrich-report.md';

const VERDICTS: readonly Verdict[] = ['accepted', 'candidates', 'not-found', 'skipped', 'error'];
const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  accepted: 'accepted',
  candidates: 'candidates to review',
  'not-found': 'not found',
  skipped: 'skipped',
  error: 'errors',
};

/** Per source, how many papers ended with each verdict. */
export function countVerdicts(
  outcomes: readonly PaperOutcome[],
): Record<SourceName, Record<Verdict, number>> {
  const counts = Object.fromEntries(
    SOURCE_NAMES.map((source) => [
      source,
      Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>,
    ]),
  ) as Record<SourceName, Record<Verdict, number>>;
  for (const outcome of outcomes)
    for (const source of SOURCE_NAMES) counts[source][outcome.verdicts[source]] += 1;
  return counts;
}

/** The summary printed at the end of a run. */
export function formatRunSummary(
  outcomes: readonly PaperOutcome[],
  options: { dryRun: boolean; papersDir: string; skipped: number; reportFile: string },
): string {
  const lines: string[] = [];
  const counts = countVerdicts(outcomes);
  for (const source of SOURCE_NAMES) {
    const parts = VERDICTS.map(
      (verdict) => `${counts[source][verdict]} ${VERDICT_LABELS[verdict]}`,
    );
    lines.push(`${SOURCE_LABELS[source]}: ${parts.join(', ')}`);
  }
  const changed = outcomes.filter((outcome) => outcome.filled.length > 0);
  const fields = changed.reduce((sum, outcome) => sum + outcome.filled.length, 0);
  const toReview = outcomes.filter((outcome) => outcome.review.length > 0).length;
  const verb = options.dryRun ? 'would fill' : 'filled';
  lines.push(
    `${verb} ${fields} fields in ${changed.length} of ${outcomes.length} papers in ${options.papersDir}` +
      (options.skipped > 0
        ? `; ${plural(options.skipped, 'paper')} already complete, not asked`
        : '') +
      (options.dryRun ? ' (dry run: nothing written)' : ''),
  );
  if (toReview > 0)
    lines.push(
      `${plural(toReview, 'paper')} with candidates to review` +
        (options.dryRun ? '' : ` in ${options.reportFile}`),
    );
  return `${lines.join('\n')}\n`;
}

/** Text for a Markdown list item: no line breaks, and no character that would start markup. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** The review report: papers in slug order, each with what a person should decide. */
export function formatReport(outcomes: readonly PaperOutcome[]): string {
  const lines = [
    '# Enrichment report',
    '',
    'Written by `npm run enrich`. Each record below was found for a paper but not written into it,',
    'because it did not pass the acceptance rule (same title once case, accents, punctuation and',
    'LaTeX are folded; the same number of authors and year where both are known) or because two',
    'records passed it. Check each one, and copy what is right into the paper file by hand.',
  ];
  const listed = [...outcomes]
    .filter((outcome) => outcome.review.length + outcome.notes.length + outcome.errors.length > 0)
    .sort((a, b) => compareText(a.slug, b.slug));
  if (listed.length === 0) lines.push('', 'Nothing to review.');
  for (const outcome of listed) {
    lines.push('', `## ${outcome.slug}`, '', `Our title: ${inline(outcome.paper.data.title)}`, '');
    for (const item of outcome.review) {
      const detail = item.detail === '' ? '' : ` (${item.detail})`;
      lines.push(
        `- ${SOURCE_LABELS[item.source]}, ${inline(item.id)}: ${inline(item.title)}${detail}. ` +
          `Not accepted: ${item.reasons.map(inline).join('; ')}.`,
      );
    }
    for (const note of outcome.notes) lines.push(`- Found, not written: ${inline(note)}.`);
    for (const error of outcome.errors)
      lines.push(`- ${SOURCE_LABELS[error.source]} failed: ${inline(error.message)}.`);
  }
  return `${lines.join('\n')}\n`;
}
