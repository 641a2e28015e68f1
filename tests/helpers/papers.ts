/** An in-memory papers folder for importer tests: file name without `.md` → file text. */
import type { ImportPlan } from '../../src/lib/import/importer.ts';
import type { ExistingPaper } from '../../src/lib/paper/files.ts';
import { readPaperFile } from '../../src/lib/paper/paper-file.ts';

export type PapersFolder = ReadonlyMap<string, string>;

/** The papers of a folder as the importer receives them; throws on a file that does not read. */
export function existingPapers(folder: PapersFolder): ExistingPaper[] {
  return [...folder].map(([slug, text]) => {
    const result = readPaperFile(text);
    if (!result.ok) {
      throw new Error(`${slug}.md does not read: ${JSON.stringify(result.problems)}`);
    }
    return { slug, text, data: result.data, abstract: result.abstract };
  });
}

/** The folder after the plan's writes, as `npm run import` would leave it. */
export function applyPlan(folder: PapersFolder, plan: ImportPlan): Map<string, string> {
  const next = new Map(folder);
  for (const write of plan.writes) next.set(write.slug, write.text);
  return next;
}

/** A file's text with `search` replaced once; fails loudly when `search` is absent. */
export function edit(text: string, search: string, replacement: string): string {
  if (!text.includes(search)) throw new Error(`cannot edit: ${JSON.stringify(search)} not found`);
  return text.replace(search, () => replacement);
}
