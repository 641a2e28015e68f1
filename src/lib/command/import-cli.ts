/** Pieces of the import command that are worth testing without running it. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readOptionalFile } from '../paper/files.ts';
import { plural } from '../paper/words.ts';
import type { FieldChange, ImportPlan, TopicOptions } from '../import/importer.ts';
import { compileTaxonomy, loadTaxonomy } from '../topics/assign.ts';
import { z } from 'zod';

/**
 * The shared record of automatic topics that older versions kept beside the papers. Every paper
 * now carries its own (`autoTopics`), so two pull requests that add papers never touch one file;
 * the importer moves what an old record still holds into the papers and deletes it.
 */
export const LEGACY_TOPIC_RECORD_FILE = '.assigned-topics.json';

const legacyRecordSchema = z.record(z.string(), z.array(z.string()));

/** The old shared record's entries; throws a clear error when the file is damaged. */
export function parseLegacyTopicRecord(text: string, file: string): Record<string, string[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file}: invalid JSON (${(error as Error).message}); restore it from git, or delete it to treat every paper without \`autoTopics\` as filed by hand`,
      { cause: error },
    );
  }
  const result = legacyRecordSchema.safeParse(data);
  if (!result.success) {
    throw new Error(
      `${file}: expected an object mapping each paper slug to a list of topic ids; restore it from git, or delete it`,
    );
  }
  return result.data;
}

/**
 * The topic options of an import: the rules from the taxonomy file, and the old shared record
 * when the papers folder still has one. Without a taxonomy file, papers are imported without
 * topics.
 */
export async function loadTopicOptions(
  taxonomyFile: string,
  papersDir: string,
  retopic: boolean,
): Promise<TopicOptions | undefined> {
  const yaml = await readOptionalFile(taxonomyFile);
  if (yaml === undefined) return undefined;
  const matcher = compileTaxonomy(loadTaxonomy(yaml, taxonomyFile));
  const legacyFile = path.join(papersDir, LEGACY_TOPIC_RECORD_FILE);
  const legacyText = await readOptionalFile(legacyFile);
  return {
    assign: (paper) => matcher.assign(paper).topics,
    retopic,
    ...(legacyText === undefined
      ? {}
      : { legacyRecord: parseLegacyTopicRecord(legacyText, legacyFile) }),
  };
}

/** Every `.txt` listing in a folder, sorted, as paths. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));
}

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
