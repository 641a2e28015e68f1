/**
 * `papers.json` and its JSON Schema: the data validates against the schema generated from the
 * same zod schema as the paper files (checked with Ajv), and the file is byte-stable.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { papersJsonSchema } from '../../src/lib/export/json-schema.ts';
import {
  papersJson,
  papersJsonText,
  type PaperRecord,
  type PapersJson,
} from '../../src/lib/export/papers-json.ts';
import { realPapers, SITE_URL, samplePapers } from '../cite/sample-papers.ts';

const buildDate = new Date('2026-11-22T10:00:00Z');

function validator(): ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(papersJsonSchema());
}

/** papers.json of the sample papers, and its first paper, to alter one field at a time. */
function sampleJson(): { json: PapersJson; paper: PaperRecord } {
  const json = papersJson(samplePapers(), { buildDate, siteUrl: SITE_URL });
  const [paper] = json.papers;
  if (paper === undefined) throw new Error('no sample paper');
  return { json, paper };
}

/** Whether the schema accepts the sample papers' file with `changes` made to its first paper. */
function validWith(changes: Record<string, unknown>): boolean {
  const { json, paper } = sampleJson();
  return validator()({ ...json, papers: [{ ...paper, ...changes }] }) as boolean;
}

describe('papersJson', () => {
  it('validates against the generated schema, for the real papers and hostile samples', async () => {
    const validate = validator();
    for (const papers of [await realPapers(), samplePapers()]) {
      const json: unknown = JSON.parse(papersJsonText(papers, { buildDate, siteUrl: SITE_URL }));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('counts the papers and lists each once, by slug, with its abstract and page', async () => {
    const real = await realPapers();
    const json = papersJson(real, { buildDate, siteUrl: SITE_URL });
    expect(json.count).toBe(real.length);
    expect(json.papers).toHaveLength(real.length);
    const slugs = json.papers.map((paper) => paper.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(new Set(slugs).size).toBe(real.length);
    const first = json.papers[0];
    expect(first?.pageUrl).toBe(`${SITE_URL}papers/${first?.slug ?? ''}/`);
    expect(json.generated).toBe('2026-11-22T10:00:00.000Z');
    expect(json.$schema).toBe(`${SITE_URL}papers.schema.json`);
  });

  it('writes every object with its keys sorted', () => {
    const json = papersJson(samplePapers(), { buildDate, siteUrl: SITE_URL });
    expect(Object.keys(json)).toEqual(['$schema', 'count', 'generated', 'papers']);
    for (const paper of json.papers) {
      const keys = Object.keys(paper);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('is byte for byte the same on every run and for papers in any order', async () => {
    const real = await realPapers();
    const options = { buildDate, siteUrl: SITE_URL };
    const text = papersJsonText(real, options);
    expect(papersJsonText(real, options)).toBe(text);
    expect(papersJsonText([...real].reverse(), options)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps the sub-path of a site address written without its final slash', () => {
    const json = papersJson([], { buildDate, siteUrl: 'https://example.org/reading-list' });
    expect(json.$schema).toBe('https://example.org/reading-list/papers.schema.json');
  });

  it('records a build date given as a day as that day', () => {
    const json = papersJson([], { buildDate: '2026-11-22', siteUrl: 'https://example.org' });
    expect(json).toEqual({
      $schema: 'https://example.org/papers.schema.json',
      count: 0,
      generated: '2026-11-22',
      papers: [],
    });
    const validate = validator();
    expect(validate(json)).toBe(true);
  });
});

describe('papersJsonSchema', () => {
  it('is a draft 2020-12 schema, the same on every call', () => {
    const schema = papersJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(papersJsonSchema())).toBe(JSON.stringify(schema));
  });

  it('rejects what the paper files may not hold: unknown fields, bad dates, a wrong count type', () => {
    const validate = validator();
    const { json, paper } = sampleJson();
    expect(validate({ ...json, papers: [{ ...paper, color: 'red' }] })).toBe(false);
    expect(validate({ ...json, papers: [{ ...paper, date: '2023-02-30' }] })).toBe(false);
    expect(validate({ ...json, papers: [{ ...paper, abstract: undefined }] })).toBe(false);
    expect(validate({ ...json, count: '5' })).toBe(false);
  });

  it('rejects a paper without a required field or with a field of the wrong type', () => {
    expect(validWith({ title: undefined })).toBe(false);
    expect(validWith({ topics: 'dropout-noise' })).toBe(false);
    expect(validWith({ authorCount: '2' })).toBe(false);
  });

  it("rejects the importer's record of automatic topics, which papers.json leaves out", () => {
    expect(validWith({ autoTopics: ['dropout-noise'] })).toBe(false);
  });

  it('accepts a slug only as the whole of a lower-case, hyphenated name', () => {
    expect(validWith({ slug: 'decoupled-weight-decay-regularization' })).toBe(true);
    expect(validWith({ slug: 'Decoupled-weight-decay-regularization' })).toBe(false);
    expect(validWith({ slug: 'decoupled-weight-decay-regularization.md' })).toBe(false);
  });

  it('accepts a page address only as a full http or https link', () => {
    expect(validWith({ pageUrl: 'https://example.org/papers/dropout/' })).toBe(true);
    expect(validWith({ pageUrl: 'http://example.org/papers/dropout/' })).toBe(true);
    expect(validWith({ pageUrl: 'ftp://example.org/papers/dropout/' })).toBe(false);
    expect(validWith({ pageUrl: 'git+https://example.org/papers/dropout/' })).toBe(false);
    expect(validWith({ pageUrl: 'https://example.org/papers/drop out/' })).toBe(false);
  });

  it('tells its readers what the file and each of its parts hold', () => {
    const schema = papersJsonSchema();
    expect(schema.title).toBe('Reading list papers');
    expect(schema.description).toBe(
      'Every paper of the reading list with its metadata and abstract.',
    );
    expect(schema.properties).toMatchObject({
      $schema: { description: 'The address of this JSON Schema.' },
      generated: { description: 'When the site was built.' },
      count: { description: 'How many papers `papers` holds.' },
      papers: { description: 'Every paper, by slug.' },
    });
  });
});
