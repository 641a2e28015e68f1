/**
 * Every real paper file in content/papers/ re-serialises to exactly its own bytes: read with the
 * project's reader (`readPapers`, as the importer, the checker and `npm run new` read the folder)
 * and written back with its writer (`serializePaper`, as they write). A file that came back
 * different would be rewritten by the next import or edit, a change nobody asked for; a reader or
 * writer that drops, reorders or re-quotes a field shows up here on real data first.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPapers } from '../../src/lib/paper/files.ts';
import { serializePaper } from '../../src/lib/paper/paper-file.ts';
import { papersDir } from '../helpers/paths.ts';

describe('the real paper files in content/papers/', () => {
  it('each come back byte for byte when read and written again', async () => {
    const { papers, problems } = await readPapers(papersDir);
    expect(problems).toEqual([]);
    // Every Markdown file was read: none is skipped on the way.
    const names = (await readdir(papersDir)).filter((name) => name.endsWith('.md'));
    expect(papers.map((paper) => `${paper.slug}.md`).sort()).toEqual(names.sort());
    expect(papers.length).toBeGreaterThan(300);

    const differing = papers.filter(
      (paper) => serializePaper(paper.data, paper.abstract) !== paper.text,
    );
    const [first] = differing;
    // The first file that differs, written both ways, so the failure shows where.
    expect(
      first === undefined ? undefined : serializePaper(first.data, first.abstract),
      first?.slug,
    ).toBe(first?.text);
    expect(differing.map((paper) => paper.slug)).toEqual([]);
  });
});
