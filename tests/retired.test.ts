/**
 * `content/retired.yaml`: papers and fields taken out on purpose stay out through every import,
 * and the checker validates the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/check/corpus.ts';
import { formatProblem } from '../src/lib/problems/problem.ts';
import { planImport, type SourceFile } from '../src/lib/import/importer.ts';
import { parseRetired, RetiredList } from '../src/lib/paper/retired.ts';
import { blocksListing } from './helpers/listings.ts';
import { applyPlan, existingPapers } from './helpers/papers.ts';
import { repoRoot } from './helpers/paths.ts';

const TAXONOMY = readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8');
const BLOCKS = '2026-11-22-hf-papers-blocks.txt';
const DECAY = {
  title: 'Weight Decay Revisited for Vision Transformers',
  abstract: 'We revisit weight decay for vision transformers and find it matters.',
  authors: 3,
  date: 'Jun 11, 2024 4',
};
const DECAY_SLUG = 'weight-decay-revisited-for-vision-transformers';
const DROPOUT = {
  title: 'Dropout Schedules Reconsidered',
  abstract: 'We reconsider dropout schedules and find that a constant rate is enough.',
  authors: 2,
  date: 'Jan 8, 2025',
};
const SOURCES: SourceFile[] = [{ name: BLOCKS, text: blocksListing([DECAY, DROPOUT]) }];

function importWith(retired: string, folder = new Map<string, string>()) {
  const { entries, problems } = parseRetired(retired);
  expect(problems).toEqual([]);
  return planImport(SOURCES, existingPapers(folder), {
    today: '2026-12-01',
    retired: new RetiredList(entries),
  });
}

describe('retiring papers', () => {
  it('leaves a retired paper out of every import, by slug or by title, and counts it', () => {
    for (const retired of [
      `- slug: "${DECAY_SLUG}"\n  reason: "Not about regularization."\n`,
      `- title: "weight decay revisited for VISION transformers"\n  reason: "Duplicate."\n`,
    ]) {
      const plan = importWith(retired);
      expect(plan.writes.map((write) => write.slug)).toEqual(['dropout-schedules-reconsidered']);
      expect(plan.summaries[0]?.retired).toBe(1);
    }
  });

  it('never fills a retired field again, while filling the others', () => {
    const first = applyPlan(new Map(), importWith(''));
    const edited = new Map(first);
    const text = first.get(DECAY_SLUG) ?? '';
    // A curator deleted the date and the upvotes: the listing's values were wrong.
    edited.set(DECAY_SLUG, text.replace('date: "2024-06-11"\n', '').replace('upvotes: 4\n', ''));
    const again = importWith(
      `- slug: "${DECAY_SLUG}"\n  fields: ["date", "upvotes"]\n  reason: "The listing's date is the workshop's."\n`,
      edited,
    );
    expect(again.writes).toEqual([]);
    // Without the entry, the next import brings both back.
    expect(importWith('', edited).writes.map((write) => write.slug)).toEqual([DECAY_SLUG]);
  });
});

describe('checking retired.yaml', () => {
  function check(retired: string, papers: Record<string, string> = {}): string[] {
    return checkCorpus({
      papersDir: 'content/papers',
      taxonomyFile: 'content/topics.yaml',
      taxonomyText: TAXONOMY,
      today: '2026-12-01',
      papers: Object.entries(papers).map(([name, text]) => ({ name, text })),
      retiredFile: 'content/retired.yaml',
      retiredText: retired,
    }).problems.map(formatProblem);
  }

  it('accepts an empty file and well-formed entries', () => {
    expect(check('')).toEqual([]);
    expect(
      check(
        `- slug: "a-paper"\n  reason: "Off topic."\n- title: "B"\n  fields: ["upvotes"]\n  reason: "Wrong count."\n`,
      ),
    ).toEqual([]);
  });

  it('reports an entry without a reason, with both slug and title, or with an unknown field', () => {
    expect(
      check(
        `- slug: "a-paper"\n- slug: "b"\n  title: "B"\n  reason: "x"\n- slug: "c"\n  fields: ["abstract"]\n  reason: "x"\n`,
      ),
    ).toEqual([
      expect.stringMatching(/^content\/retired\.yaml:1: 0\.reason: /),
      'content/retired.yaml:2: 1: give either slug or title, not both and not neither (each entry: slug or title, a reason, and optionally fields; see CONTRIBUTING.md)',
      expect.stringMatching(
        /^content\/retired\.yaml:6: 2\.fields\.0: Invalid option: expected one of "date"/,
      ),
    ]);
  });

  it('reports a retired paper whose file is still in the list', () => {
    const paper = `---\ntitle: "A Paper"\ntopics:\n  - "optimization"\nadded: "2026-11-22"\n---\nAn abstract long enough to pass the checks.\n`;
    expect(check(`- title: "A paper"\n  reason: "Off topic."\n`, { 'a-paper.md': paper })).toEqual([
      'content/retired.yaml:1: 0: retires a paper that is still in the list: content/papers/a-paper.md (delete content/papers/a-paper.md, or remove this entry to bring the paper back)',
    ]);
  });
});
