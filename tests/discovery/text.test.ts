/** The words related-paper matching compares, and how they are shown to readers. */
import { describe, expect, it } from 'vitest';
import { foldWord, textTerms, untitled } from '../../src/lib/discovery/text.ts';

/** Adjacent words of one phrase, as `first second`. */
function phrases(text: string): string[] {
  const { words, links } = textTerms(text);
  return words.flatMap((word, i) =>
    i > 0 && links[i] !== '' ? [`${words[i - 1] ?? ''} ${word}`] : [],
  );
}

describe('foldWord', () => {
  it('folds plurals to the singular', () => {
    expect(['networks', 'entropies', 'losses', 'batches', 'boxes', 'gans'].map(foldWord)).toEqual([
      'network',
      'entropy',
      'loss',
      'batch',
      'box',
      'gan',
    ]);
  });

  it('leaves words that only look plural alone', () => {
    const words = ['analysis', 'bias', 'corpus', 'loss', 'series', 'lens', 'gas'];
    expect(words.map(foldWord)).toEqual(words);
  });

  it('spells British -isation the American way, so both spellings match', () => {
    expect(foldWord('regularisation')).toBe('regularization');
    expect(foldWord('regularisations')).toBe('regularization');
  });
});

describe('textTerms', () => {
  it('drops stopwords, numbers and single letters', () => {
    expect(textTerms('We propose a novel method: the 2 networks of 3 layers in A.').words).toEqual([
      'network',
      'layer',
    ]);
  });

  it('pairs adjacent words into phrases, but not across a stopword or punctuation', () => {
    expect(phrases('Weight decay of the weights; optimal transport, Sinkhorn iterations.')).toEqual(
      ['weight decay', 'optimal transport', 'sinkhorn iteration'],
    );
  });

  it('joins a hyphenated prefix to its word so pre-trained and pretrained match', () => {
    expect(textTerms('pre-trained self-supervised models').words).toEqual([
      'pretrained',
      'selfsupervised',
      'model',
    ]);
    expect(textTerms('pretrained models').words[0]).toBe('pretrained');
    expect(textTerms('weight-decay').links).toEqual(['', '-']);
  });

  it('keeps how a word is written, lower-casing only a capital that starts a sentence', () => {
    const { surfaces } = textTerms('The Sinkhorn iterations converge. Entropic OT uses GANs.');
    expect(surfaces).toEqual(['Sinkhorn', 'iterations', 'converge', 'entropic', 'OT', 'GANs']);
  });

  it("ignores accents, TeX commands and a possessive 's", () => {
    expect(
      textTerms("Rényi's divergence with $\\ell_1$ and \\mathcal{O}(n) Régularisation").words,
    ).toEqual(['renyi', 'divergence', 'regularization']);
  });
});

describe('untitled', () => {
  it('undoes title case but keeps acronyms and coined names', () => {
    expect(['Sinkhorn', 'Fine-Tuning', 'OT', 'GANs', 'ImageNet', 'iPhone'].map(untitled)).toEqual([
      'sinkhorn',
      'fine-tuning',
      'OT',
      'GANs',
      'ImageNet',
      'iPhone',
    ]);
  });
});
