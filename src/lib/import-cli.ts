/** Pieces of the import command that are worth testing without running it. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readOptionalFile } from './files.ts';
import type { ImportPlan, TopicOptions } from './importer.ts';
import { compileTaxonomy, loadTaxonomy } from './topics/assign.ts';

/**
 * The record of the topics the rules gave each paper, kept beside the papers it describes. A
 * paper whose topics no longer match its record was edited by hand and keeps its topics.
 */
export const ASSIGNED_TOPICS_FILE = '.assigned-topics.json';

/** The record as written: keys sorted, one paper per line, a trailing newline. */
export function formatTopicRecord(record: Readonly<Record<string, readonly string[]>>): string {
  const lines = Object.keys(record)
    .sort()
    .map((slug) => `  ${JSON.stringify(slug)}: ${JSON.stringify(record[slug])}`);
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * The topic options of an import: the rules from the taxonomy file and the record from the papers
 * folder. Without a taxonomy file, papers are imported without topics.
 */
export async function loadTopicOptions(
  taxonomyFile: string,
  papersDir: string,
  retopic: boolean,
): Promise<(TopicOptions & { recordText: string | undefined }) | undefined> {
  const yaml = await readOptionalFile(taxonomyFile);
  if (yaml === undefined) return undefined;
  const matcher = compileTaxonomy(loadTaxonomy(yaml, taxonomyFile));
  const recordText = await readOptionalFile(path.join(papersDir, ASSIGNED_TOPICS_FILE));
  const record =
    recordText === undefined ? {} : (JSON.parse(recordText) as Record<string, string[]>);
  return { assign: (paper) => matcher.assign(paper).topics, record, retopic, recordText };
}

/** Every `.txt` listing in a folder, sorted, as paths. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));
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
          : ''),
    );
    for (const warning of summary.warnings) lines.push(`  warning: ${warning}`);
  }
  for (const change of plan.topicChanges) {
    lines.push(
      `topics of ${change.slug}: ${change.before.join(', ')} → ${change.after.join(', ')}`,
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
