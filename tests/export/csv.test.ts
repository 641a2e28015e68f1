/** The CSV export, read back with a real CSV parser (csv-parse, strict RFC 4180 quoting). */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, papersCsv } from '../../src/lib/export/csv.ts';
import { pageUrlOf, realPapers, SITE_URL, samplePapers } from '../cite/sample-papers.ts';

function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, relax_quotes: false, skip_empty_lines: false });
}

describe('papersCsv', () => {
  const papers = samplePapers();
  const csv = papersCsv(papers, SITE_URL);

  it('starts with the header row naming the columns in order', () => {
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(
      'slug,title,date,dateText,year,authorCount,authors,upvotes,upvotesOn,topics,arxiv,arxivCategory,doi,url,code,projectPage,venue,added,page_url,abstract',
    );
    expect(parse(csv, { to_line: 1 })).toEqual([[...CSV_COLUMNS]]);
  });

  it('reads back field for field, commas, quotes and line breaks included', () => {
    const rows = readCsv(csv);
    expect(rows.map((row) => row.slug)).toEqual([...papers.map((paper) => paper.slug)].sort());
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    for (const { slug, data, abstract } of papers) {
      expect(bySlug.get(slug)).toEqual({
        slug,
        title: data.title,
        date: data.date ?? '',
        dateText: data.dateText ?? '',
        year: data.date?.slice(0, 4) ?? '',
        authorCount: data.authorCount === undefined ? '' : String(data.authorCount),
        authors: (data.authors ?? []).join('; '),
        upvotes: data.upvotes === undefined ? '' : String(data.upvotes),
        upvotesOn: data.upvotesOn ?? '',
        topics: data.topics.join('; '),
        arxiv: data.arxiv ?? '',
        arxivCategory: data.arxivCategory ?? '',
        doi: data.doi ?? '',
        url: data.url ?? '',
        code: data.code ?? '',
        projectPage: data.projectPage ?? '',
        venue: data.venue ?? '',
        added: data.added,
        page_url: pageUrlOf(slug),
        abstract: abstract.replace(/\r\n?/g, '\n'),
      });
    }
  });

  it('ends every line with LF, the one kind of line break in the file', () => {
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('quotes exactly the fields that need it and doubles their quotes', () => {
    expect(csv).toContain('"Title: with ""double quotes"", commas, and a # hash"');
    expect(csv).toContain(',#1,');
  });

  it('has one row per real paper', async () => {
    const real = await realPapers();
    const rows = readCsv(papersCsv(real, SITE_URL));
    expect(rows).toHaveLength(real.length);
    expect(new Set(rows.map((row) => row.slug)).size).toBe(real.length);
    expect(rows.every((row) => row.page_url === pageUrlOf(row.slug ?? ''))).toBe(true);
  });
});
