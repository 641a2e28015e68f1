/**
 * Hostile titles survive the whole way into the built site: papers written by serializePaper are
 * loaded by Astro's content collection and rendered, and each paper page's heading shows the title
 * exactly. A temporary file that a killed import left in the papers folder is not a page.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializePaper } from '../../src/lib/paper/paper-file.ts';
import { buildSite, removeBuilds } from '../../harness/build-and-serve.ts';
import { repoRoot } from '../helpers/paths.ts';

/** Three invented papers whose titles and abstracts hold YAML, HTML, Markdown and odd Unicode. */
const PAPERS = [
  {
    slug: 'hostile-yaml-and-html',
    title:
      'yes: "no" — \'---\' # not a comment & <b>not bold</b> </h1><script>alert(1)</script> {{x}} ${y} \\ back\\slash',
    abstract:
      'We show that <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) stay text, that --- is not a fence, and that yes: no is no mapping.',
  },
  {
    slug: 'hostile-unicode',
    title:
      '𝓛₂ Re\u0301gularisation 🙂: line\u2028separator, paragraph\u2029separator, tab\tinside, no-break\u00A0space, zero\u200Bwidth',
    abstract:
      'Astral-plane letters, combining marks and the line\u2028and paragraph\u2029separators must reach the page unchanged; this abstract about regularization holds them all.',
  },
  {
    slug: 'hostile-long-title',
    title: `${'null ~ true .inf 0x1F 1e3 2024-06-11 | > * & ! % @ ` [a, b] {a: b} '.repeat(5)}Part III`,
    abstract:
      'A title of nearly three hundred characters made of YAML special words, which a careless writer would turn into nulls, booleans, numbers, dates, anchors and flow collections.',
  },
];

/** A temporary file an import killed mid-write leaves behind: half a paper. */
const LEFTOVER = '.hostile-unicode.md.tmp-4194304-0badc0de';

/** Text of an HTML fragment as Astro escapes it: the five characters it replaces, and numbers. */
function decodeHtml(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const char = named[name];
    if (char === undefined) throw new Error(`unexpected entity ${entity}`);
    return char;
  });
}

let contentDir: string;
let site: string;

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'reading-list-hostile-site-'));
  const papers = path.join(contentDir, 'papers');
  await mkdir(papers);
  for (const paper of PAPERS) {
    const text = serializePaper(
      {
        title: paper.title,
        date: '2024-06-11',
        topics: ['robustness', 'weight-penalties'],
        sources: ['2026-11-22-hf-papers-blocks.txt'],
        added: '2026-11-22',
      },
      paper.abstract,
    );
    await writeFile(path.join(papers, `${paper.slug}.md`), text);
  }
  await writeFile(path.join(papers, LEFTOVER), '---\ntitle: "half a tit');
  await copyFile(
    path.join(repoRoot, 'content', 'topics.yaml'),
    path.join(contentDir, 'topics.yaml'),
  );
  site = await buildSite({ contentDir, base: '/' });
});

afterAll(async () => {
  await removeBuilds();
  await rm(contentDir, { recursive: true, force: true });
});

describe('a site built from papers with hostile titles', () => {
  it('has a page for each paper and none for the temporary file a killed import left', async () => {
    const pages = (await readdir(path.join(site, 'papers'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(pages).toEqual(PAPERS.map((paper) => paper.slug).sort());
  });

  for (const paper of PAPERS) {
    it(`shows the title of ${paper.slug} in its heading exactly, character for character`, async () => {
      const html = await readFile(path.join(site, 'papers', paper.slug, 'index.html'), 'utf8');
      const headings = [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map(
        (match) => match[1] ?? '',
      );
      expect(headings.map((heading) => decodeHtml(heading).trim())).toEqual([paper.title]);
      // The markup in the title stays text: the heading holds no element.
      expect(headings.join('')).not.toContain('<');
    });
  }
});
