/** The slug rules a contributor meets when naming a paper file by hand, with hand-written slugs. */
import { describe, expect, it } from 'vitest';
import { isWellFormedSlug, slugify, titleKey, uniqueSlug } from '../src/lib/paper/slug.ts';

describe('slugify, letter by letter', () => {
  it.each([
    ['Straße der Regularisierung', 'strasse-der-regularisierung'],
    ['Cæsar Sparsity', 'caesar-sparsity'],
    ['Søren Priors', 'soren-priors'],
    ['Manœuvre Noise', 'manoeuvre-noise'],
    ['Łukasz Dropout', 'lukasz-dropout'],
    ['Đorđe Weight Decay', 'dorde-weight-decay'],
    ['Þórr Networks', 'thorr-networks'],
    ['Yıldız Penalty', 'yildiz-penalty'],
  ])('spells "%s" as "%s"', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('joins the words that fit into exactly 80 characters, and no more', () => {
    const words = ['a'.repeat(39), 'b'.repeat(40)];
    // 39 + 1 + 40 = 80 characters: the limit itself still fits.
    expect(slugify(`${words.join(' ')} c`)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`);
    expect(slugify(`${'a'.repeat(40)} ${'b'.repeat(40)}`)).toBe('a'.repeat(40));
  });

  it('keeps a single word of exactly 80 characters whole', () => {
    expect(slugify('x'.repeat(80))).toBe('x'.repeat(80));
  });
});

describe('isWellFormedSlug', () => {
  it.each(['decoupled-weight-decay-regularization', '3d-mri', 'paper', 'entmax-2', 'x'.repeat(84)])(
    'accepts "%s"',
    (name) => {
      expect(isWellFormedSlug(name)).toBe(true);
    },
  );

  it.each([
    ['an upper-case letter', 'Dropout'],
    ['a leading hyphen', '-dropout'],
    ['a trailing hyphen', 'dropout-'],
    ['two hyphens in a row', 'drop--out'],
    ['an underscore', 'drop_out'],
    ['an accent', 'régularisation'],
    ['a space', 'weight decay'],
    ['the .md extension', 'dropout.md'],
    ['nothing at all', ''],
    ['85 characters', 'x'.repeat(85)],
  ])('refuses a name with %s', (_, name) => {
    expect(isWellFormedSlug(name)).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('counts on past a run of taken numbers, and asks only about the slugs it tries', () => {
    const asked: string[] = [];
    const taken = new Set(['mixup', 'mixup-2', 'mixup-3', 'mixup-4']);
    const slug = uniqueSlug('mixup', (candidate) => {
      asked.push(candidate);
      return taken.has(candidate);
    });
    expect(slug).toBe('mixup-5');
    expect(asked).toEqual(['mixup', 'mixup-2', 'mixup-3', 'mixup-4', 'mixup-5']);
  });
});

describe('titleKey', () => {
  it('spells a title as lower-case words separated by single spaces', () => {
    expect(titleKey('  Mixout: Effective—Regularization (2019)!  ')).toBe(
      'mixout effective regularization 2019',
    );
    expect(titleKey('Régularisation')).toBe('regularisation');
    expect(titleKey('α-Entmax and β_VAE')).toBe('α entmax and β vae');
    expect(titleKey('...')).toBe('');
  });
});
