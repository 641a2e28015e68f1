/** The CSV export, read back with a real CSV parser (csv-parse, strict RFC 4180 quoting). */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, papersCsv } from '../../src/lib/export/csv.ts';
import { hasUnsafeText } from '../../src/lib/paper/safe-text.ts';
import {
  pageUrlOf,
  realPapers,
  SITE_URL,
  samplePaper,
  samplePapers,
} from '../cite/sample-papers.ts';
import { HOSTILE_STRINGS } from '../robustness/arbitraries.ts';

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

describe('a field a spreadsheet would run as a formula', () => {
  /** OWASP's list of characters that start a formula, the tab and carriage return included. */
  const FORMULAS = ['=1+1', '+1', '-1+1', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

  it.each(FORMULAS)('starts with an apostrophe inside quotes: %j', (formula) => {
    // Past the schema, which trims titles, so the tab and the carriage return reach the writer.
    const plain = samplePaper('formula');
    const paper = {
      ...plain,
      data: { ...plain.data, title: formula, venue: formula },
      abstract: formula,
    };
    const csv = papersCsv([paper], SITE_URL);
    const [row] = readCsv(csv);
    const expected = `'${formula.replace(/\r\n?/g, '\n')}`;
    expect(row?.title).toBe(expected);
    expect(row?.venue).toBe(expected);
    expect(row?.abstract).toBe(expected);
    expect(csv).toContain(`"${expected.replaceAll('"', '""')}"`);
  });

  it('is neutralised in every column, names and topics included, for every hostile string', () => {
    const papers = HOSTILE_STRINGS.map((text, index) =>
      samplePaper(
        `hostile-${String(index)}`,
        { title: `${text} title`, authors: [`${text} name`, 'Bob'], venue: text.trim() || 'x' },
        `${text} abstract`,
      ),
    );
    const csv = papersCsv(papers, SITE_URL);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(papers.length);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        expect(value, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
        expect(hasUnsafeText(value)).toBe(false);
      }
    }
  });

  it('leaves text that only contains those characters further on unchanged', () => {
    const paper = samplePaper('inner', { title: 'Cost = loss + penalty - bias @ scale' });
    expect(readCsv(papersCsv([paper], SITE_URL))[0]?.title).toBe(
      'Cost = loss + penalty - bias @ scale',
    );
  });
});
