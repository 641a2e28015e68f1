/**
 * `papers.json` and its JSON Schema: the data validates against the schema generated from the
 * same zod schema as the paper files (checked with Ajv), and the file is byte-stable.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { papersJsonSchema } from '../../src/lib/export/json-schema.ts';
import { papersJson, papersJsonText } from '../../src/lib/export/papers-json.ts';
import { realPapers, SITE_URL, samplePapers } from '../cite/sample-papers.ts';

const buildDate = new Date('2026-11-22T10:00:00Z');

function validator(): ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(papersJsonSchema());
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
    const json = papersJson(samplePapers(), { buildDate, siteUrl: SITE_URL });
    const [paper] = json.papers;
    if (paper === undefined) throw new Error('no sample paper');
    expect(validate({ ...json, papers: [{ ...paper, color: 'red' }] })).toBe(false);
    expect(validate({ ...json, papers: [{ ...paper, date: '2023-02-30' }] })).toBe(false);
    expect(validate({ ...json, papers: [{ ...paper, abstract: undefined }] })).toBe(false);
    expect(validate({ ...json, count: '5' })).toBe(false);
  });
});
