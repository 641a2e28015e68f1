/** File names and URLs of papers, and the key that tells two titles name the same paper. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify, titleKey, uniqueSlug } from '../src/lib/paper/slug.ts';

describe('slugify', () => {
  it('turns a title into lower-case ASCII words joined by hyphens', () => {
    expect(slugify('Decoupled Weight Decay Regularization')).toBe(
      'decoupled-weight-decay-regularization',
    );
    expect(slugify('3D-Properties: Identifying Challenges in DPO')).toBe(
      '3d-properties-identifying-challenges-in-dpo',
    );
  });

  it('folds accents and spells out letters that have no accent-free form', () => {
    expect(slugify("Régularisation par débruitage pour l'imagerie sismique")).toBe(
      'regularisation-par-debruitage-pour-l-imagerie-sismique',
    );
    expect(slugify('Große Œuvre: Æsthetic Bjørn Łódź')).toBe('grosse-oeuvre-aesthetic-bjorn-lodz');
    expect(slugify('ﬁne-tuning')).toBe('fine-tuning');
  });

  it('cuts a long title at a word boundary within 80 characters', () => {
    const title =
      'Mixout: Effective Regularization to Finetune Large-scale Pretrained Language Models';
    const slug = slugify(title);
    expect(slug).toBe(
      'mixout-effective-regularization-to-finetune-large-scale-pretrained-language',
    );
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(MAX_SLUG_LENGTH).toBe(80);
  });

  it('cuts a single word longer than 80 characters to 80 characters', () => {
    expect(slugify(`${'x'.repeat(100)} tail`)).toBe('x'.repeat(80));
  });

  it('falls back to "paper" for a title with no ASCII letter or digit', () => {
    expect(slugify('日本語の論文')).toBe('paper');
    expect(slugify('∑ ∏ —')).toBe('paper');
    expect(slugify('')).toBe('paper');
  });

  it('drops Greek letters, so α-Entmax and β-Entmax share a slug', () => {
    expect(slugify('α-Entmax')).toBe('entmax');
    expect(slugify('β-Entmax')).toBe('entmax');
  });

  it('always gives a URL-safe slug of at most 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const slug = slugify(title);
        return slug.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
      }),
    );
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug and numbers a taken one from -2 on', () => {
    const taken = new Set(['entmax', 'entmax-2']);
    expect(uniqueSlug('sparsemax', (slug) => taken.has(slug))).toBe('sparsemax');
    expect(uniqueSlug('entmax', (slug) => taken.has(slug))).toBe('entmax-3');
    expect(uniqueSlug('entmax', (slug) => slug === 'entmax')).toBe('entmax-2');
  });
});

describe('titleKey', () => {
  it('is the same for titles that differ only in case, punctuation, accents and spacing', () => {
    const key = titleKey('Mixout: Effective Regularization to Finetune Large-scale Models');
    expect(titleKey('MIXOUT — effective   regularization to finetune large scale models.')).toBe(
      key,
    );
    expect(titleKey('Régularisation par débruitage')).toBe(
      titleKey('Regularisation par debruitage'),
    );
  });

  it('tells apart titles that differ in a non-Latin letter', () => {
    expect(titleKey('α-Entmax')).not.toBe(titleKey('β-Entmax'));
  });

  it('tells apart titles that differ in a word or a number', () => {
    expect(titleKey('Dropout as a Bayesian Approximation')).not.toBe(
      titleKey('Dropout as a Bayesian Approximation Revisited'),
    );
    expect(titleKey('L1 Regularization')).not.toBe(titleKey('L2 Regularization'));
  });
});
