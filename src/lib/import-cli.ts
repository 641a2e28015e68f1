/** Pieces of the import command that are worth testing without running it. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ImportPlan } from './importer.ts';

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
  const created = plan.writes.filter((write) => write.status === 'new').length;
  const updated = plan.writes.length - created;
  const verb = options.dryRun ? 'would write' : 'wrote';
  lines.push(
    `${verb} ${created} new and ${updated} updated paper files to ${options.out}; ${plan.unchanged} unchanged` +
      (options.dryRun ? ' (dry run: nothing written)' : ''),
  );
  return `${lines.join('\n')}\n`;
}
