/**
 * CSL-JSON items, validated against the parts of the CSL 1.0.2 data schema they use (types,
 * names, dates), written out here because the schema cannot be fetched during tests.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import { cslItem } from '../../src/lib/cite/csl.ts';
import { pageUrlOf, realPapers, samplePaper, samplePapers } from './sample-papers.ts';

const nameVariable = {
  type: 'object',
  properties: {
    family: { type: 'string' },
    given: { type: 'string' },
    suffix: { type: 'string' },
    'non-dropping-particle': { type: 'string' },
    'dropping-particle': { type: 'string' },
    literal: { type: 'string' },
  },
  additionalProperties: false,
};

const dateVariable = {
  type: 'object',
  properties: {
    'date-parts': {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: {
        type: 'array',
        minItems: 1,
        maxItems: 3,
        items: { type: ['string', 'number'] },
      },
    },
  },
  additionalProperties: false,
};

/** From csl-data.json (CSL 1.0.2): the item types and the fields these items use. */
const cslItemSchema = {
  type: 'object',
  required: ['id', 'type'],
  properties: {
    id: { type: ['string', 'number'] },
    'citation-key': { type: 'string' },
    type: {
      enum: [
        'article',
        'article-journal',
        'article-magazine',
        'article-newspaper',
        'book',
        'chapter',
        'dataset',
        'manuscript',
        'paper-conference',
        'report',
        'thesis',
        'webpage',
      ],
    },
    title: { type: 'string' },
    author: { type: 'array', items: nameVariable },
    issued: dateVariable,
    'container-title': { type: 'string' },
    publisher: { type: 'string' },
    number: { type: ['string', 'number'] },
    note: { type: 'string' },
    URL: { type: 'string' },
    abstract: { type: 'string' },
  },
  additionalProperties: false,
};

// CSL-JSON itself gives some variables a union type (`"type": ["string", "number"]`), which Ajv's
// strict mode would otherwise report on the console at every run.
const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
const validate = new Ajv2020(AJV_OPTIONS).compile(cslItemSchema);

describe('the CSL data schema', () => {
  it('compiles in strict mode without a warning on the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      new Ajv2020(AJV_OPTIONS).compile(cslItemSchema);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('cslItem', () => {
  it('gives every paper an item valid per the CSL data schema', async () => {
    for (const paper of [...samplePapers(), ...(await realPapers())]) {
      const item = cslItem(paper, pageUrlOf(paper.slug));
      expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
      expect(JSON.parse(JSON.stringify(item))).toEqual(item);
    }
  });

  it('is an article-journal, a paper-conference, or else an article', () => {
    expect(cslItem(samplePaper('p', { venue: 'Neural Computation' }), '').type).toBe(
      'article-journal',
    );
    expect(cslItem(samplePaper('p', { venue: 'CVPR 2022 Workshops' }), '').type).toBe(
      'paper-conference',
    );
    expect(cslItem(samplePaper('p', { venue: 'OpenReview' }), '').type).toBe('article');
    expect(cslItem(samplePaper('p'), '').type).toBe('article');
  });

  it('names the venue as the container and an arXiv preprint by its archive', () => {
    const published = cslItem(samplePaper('p', { venue: 'ICLR 2020', arxiv: '1711.05101' }), '');
    expect(published['container-title']).toBe('ICLR 2020');
    expect(published.URL).toBe('https://arxiv.org/abs/1711.05101');
    const preprint = cslItem(samplePaper('p', { arxiv: '1711.05101' }), '');
    expect(preprint.publisher).toBe('arXiv');
    expect(preprint.number).toBe('arXiv:1711.05101');
  });

  it('dates the item with year, month and day, and leaves it undated without a year', () => {
    expect(cslItem(samplePaper('p', { date: '2024-03-06' }), '').issued).toEqual({
      'date-parts': [[2024, 3, 6]],
    });
    const undated = cslItem(samplePaper('p', { date: undefined, dateText: 'Mar 6' }), '');
    expect(undated.issued).toBeUndefined();
  });

  it('names authors as family and given, teams as literal, and otherwise notes the count', () => {
    const item = cslItem(
      samplePaper('p', { authors: ['Jan van der Berg', 'Google Brain Team'], authorCount: 2 }),
      '',
    );
    expect(item.author).toEqual([
      { family: 'van der Berg', given: 'Jan' },
      { literal: 'Google Brain Team' },
    ]);
    expect(item.note).toBeUndefined();
    const unnamed = cslItem(samplePaper('p', { authorCount: 7 }), '');
    expect(unnamed.author).toBeUndefined();
    expect(unnamed.note).toBe('7 authors');
  });

  it('keeps the title and abstract as plain text on one line', () => {
    const item = cslItem(samplePaper('p', { title: 'SP$^2$OT & more' }, 'One.\n\nTwo.'), '');
    expect(item.title).toBe('SP$^2$OT & more');
    expect(item.abstract).toBe('One. Two.');
    expect(item.id).toMatch(/^sp2ot2023-[0-9a-z]{6}$/);
  });

  it('carries the DOI of the published version', () => {
    expect(cslItem(samplePaper('p', { doi: '10.5555/sdgnn.2021.17' }), pageUrlOf('p')).DOI).toBe(
      '10.5555/sdgnn.2021.17',
    );
  });
});
