/** The summary `npm run import` prints: what each listing brought, and every file it changes. */
import path from 'node:path';
import { plural } from '../paper/words.ts';
import type { FieldChange, ImportPlan } from './importer.ts';
import { LEGACY_TOPIC_RECORD_FILE } from './legacy-record.ts';

/** A value as the summary shows it: text quoted, lists joined. */
function shown(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(shown).join(', ')}]` : JSON.stringify(value);
}

/** `upvotes 0 → 4`, `date "2017-01-08"` (new), `abstract`. */
function describeChange(change: FieldChange): string {
  if (!('before' in change) && !('after' in change)) return change.field;
  if (!('before' in change)) return `${change.field} ${shown(change.after)}`;
  if (!('after' in change)) return `${change.field} removed (was ${shown(change.before)})`;
  return `${change.field} ${shown(change.before)} → ${shown(change.after)}`;
}

/** The summary printed at the end of an import: one line per listing, then the totals. */
export function formatSummary(plan: ImportPlan, options: { dryRun: boolean; out: string }): string {
  const lines: string[] = [];
  for (const summary of plan.summaries) {
    lines.push(
      `${summary.file} (${summary.layout}): ${summary.entries} entries, ${summary.newPapers} new, ` +
        `${summary.alreadyPresent} already present, ${summary.duplicatesMerged} duplicates merged, ` +
        `${summary.warnings.length} warnings` +
        (summary.titlesByRule > 0
          ? `; ${summary.titlesByRule} titles split from their abstract by rule`
          : '') +
        (summary.retired > 0
          ? `; ${summary.retired} retired (content/retired.yaml), left out`
          : '') +
        (summary.refreshed > 0
          ? `; ${plural(summary.refreshed, 'count')} refreshed (upvotes, comments: this listing is newer)`
          : ''),
    );
    for (const warning of summary.warnings) lines.push(`  warning: ${warning}`);
  }
  if (plan.migrated > 0) {
    lines.push(
      `moved the automatic topics of ${plural(plan.migrated, 'paper')} from ${LEGACY_TOPIC_RECORD_FILE} into their files`,
    );
  }
  for (const change of plan.topicChanges) {
    lines.push(
      `topics of ${change.slug}: ${change.before.join(', ')} → ${change.after.join(', ')}`,
    );
  }
  // Every file a dry run would write, and every file a real run changed, with what changes.
  for (const write of plan.writes) {
    if (write.status === 'new' && !options.dryRun) continue;
    lines.push(
      `${options.dryRun ? 'would ' : ''}${write.status === 'new' ? 'create' : 'update'} ${path.join(options.out, `${write.slug}.md`)}: ${write.changes.map(describeChange).join('; ')}`,
    );
  }
  const created = plan.writes.filter((write) => write.status === 'new').length;
  const updated = plan.writes.length - created;
  const verb = options.dryRun ? 'would write' : 'wrote';
  lines.push(
    `${verb} ${created} new and ${updated} updated paper files to ${options.out}; ${plan.unchanged} unchanged` +
      (options.dryRun ? ' (dry run: nothing written)' : ''),
  );
  return `${lines.join('\n')}\n`;
}
