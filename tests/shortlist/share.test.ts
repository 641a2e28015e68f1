/**
 * Share links and the shortlist's downloads: ids that stay short, stable and distinct over the
 * real list, links that read back as written, and records that turn back into the same papers.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperRecord } from '../../src/lib/export/papers-json.ts';
import { readPaperFile } from '../../src/lib/paper/paper-file.ts';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { paperFromRecord, shortlistFile } from '../../src/lib/export/shortlist.ts';
import {
  idCollisions,
  ID_LENGTH,
  paperId,
  parseShareFragment,
  shareFragment,
} from '../../src/lib/shortlist/share.ts';
import { repoRoot } from '../helpers/paths.ts';

const PAPERS = path.join(repoRoot, 'content/papers');

async function realPapers(): Promise<Paper[]> {
  const names = (await readdir(PAPERS)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const read = readPaperFile(await readFile(path.join(PAPERS, name), 'utf8'));
      if (!read.ok) throw new Error(name);
      return { slug: name.slice(0, -3), data: read.data, abstract: read.abstract };
    }),
  );
}

describe('paper ids', () => {
  it('are seven lower-case letters or digits, and distinct across the real list', async () => {
    const slugs = (await realPapers()).map((paper) => paper.slug);
    for (const slug of slugs) {
      expect(paperId(slug)).toMatch(/^[0-9a-z]{7}$/);
    }
    expect(idCollisions(slugs)).toEqual([]);
    expect(new Set(slugs.map(paperId)).size).toBe(slugs.length);
  });

  it('never change: links shared before any rebuild keep naming the same papers', () => {
    // Pinned on purpose. A new hash would silently turn every link ever shared into other papers.
    expect(paperId('decoupled-weight-decay-regularization')).toBe('zzxoffs');
    expect(paperId('dropblock-a-regularization-method-for-convolutional-networks')).toBe('6d8s1ut');
  });

  it('are reported when two slugs share one', () => {
    const slug = 'decoupled-weight-decay-regularization';
    expect(idCollisions([slug, 'other', slug])).toEqual([[slug, slug]]);
  });
});

describe('share links', () => {
  it('hold 50 papers in 352 characters and read back in order, without repeats', async () => {
    const slugs = (await realPapers()).slice(0, 50).map((paper) => paper.slug);
    const fragment = shareFragment(slugs);
    expect(fragment).toHaveLength(2 + 50 * ID_LENGTH);
    expect(parseShareFragment(`#${fragment}`)).toEqual(slugs.map(paperId));
    const [first = '', second = ''] = slugs;
    expect(parseShareFragment(shareFragment([first, second, first]))).toEqual([
      paperId(first),
      paperId(second),
    ]);
  });

  it('are not recognised in a fragment of another shape', () => {
    for (const fragment of ['', '#', '#p=', '#p=abc', '#p=ABCDEFG', '#q=abcdefg', '#p=abcdefg1'])
      expect(parseShareFragment(fragment), fragment).toBeUndefined();
  });
});

describe('shortlist downloads', () => {
  it('turn a published record back into the paper it was made from', async () => {
    for (const paper of (await realPapers()).slice(0, 40)) {
      // The importer's record of automatic topics is not published; everything else comes back.
      const { autoTopics, ...published } = paper.data;
      expect(autoTopics, `${paper.slug} has its topic record`).toBeDefined();
      expect(paperFromRecord(paperRecord(paper, 'https://example.org/list/'))).toEqual({
        ...paper,
        data: published,
      });
    }
  });

  it('write BibTeX and CSV that parsers read back, and RIS and CSL-JSON in the reader’s order', async () => {
    const papers = (await realPapers()).slice(10, 16).reverse();
    const titles = papers.map((paper) => paper.data.title.replace(/\s+/g, ' ').trim());
    const site = 'https://example.org/reading-list/';
    const bib = parseBibtex(shortlistFile('bib', papers, site), { english: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(papers.length);
    const rows = parseCsv<{ slug: string; page_url: string }>(shortlistFile('csv', papers, site), {
      columns: true,
    });
    expect(rows.map((row) => row.slug).sort()).toEqual(papers.map((paper) => paper.slug).sort());
    expect(rows[0]?.page_url).toBe(`${site}papers/${rows[0]?.slug ?? ''}/`);
    const ris = shortlistFile('ris', papers, site);
    expect([...ris.matchAll(/^TI {2}- (.*)\r$/gm)].map((match) => match[1])).toEqual(titles);
    const csl = JSON.parse(shortlistFile('csl', papers, site)) as { title: string }[];
    expect(csl.map((item) => item.title)).toEqual(titles);
  });
});
