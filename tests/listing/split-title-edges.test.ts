/**
 * The split rule at its edges: each title and abstract below is split right only because one
 * condition of the rule holds exactly as written (a word list, a bound, a guard). Titles and
 * abstracts are invented, shaped like those of the listings.
 */
import { describe, expect, it } from 'vitest';
import { splitTitleAndAbstract } from '../../src/lib/listing/split-title.ts';

function expectSplit(title: string, abstract: string): void {
  expect(splitTitleAndAbstract(`${title} ${abstract}`)).toEqual({ title, abstract });
}

describe('words that do not open the abstract', () => {
  it.each([
    // A title never ends in a minor word, even one capitalised in Title Case.
    [
      'a minor word before a sentence-case run',
      'A Study of Deep networks trained with label noise',
    ],
    ['a capitalised minor word', 'Learning From Noisy labels in medical imaging'],
    // A number is not a capitalised word that could open prose.
    ['a number', 'Mixup Training of ResNet 18 models on small data sets'],
    // A dash is not a lower-case word, so "Smoothing – a note" is no sentence.
    ['a dash', 'Rethinking Label Smoothing – a note on calibration'],
    // Two capitals make an acronym, which opens prose only with a verb.
    ['an acronym of two letters', 'Label Noise Hurts CT lung nodule detection'],
    ['an acronym after the first word', 'Consistency Training for Fast MRI brain scans'],
    ['a model name with digits', 'Label Smoothing Helps ResNet50 models generalise'],
    // "pretrained Vision" is not prose: a lower-case word before a capitalised one is Title Case.
    [
      'a lower-case word before a capitalised one',
      'Label Smoothing Meets pretrained Vision Transformers',
    ],
    // A word ending in a colon is a title's own heading.
    ['a word ending in a colon', 'Label Smoothing Revisited: when does it help'],
    // Only four glue words and numbers are read past while looking for prose.
    [
      'a long run of numbers and glue words',
      'Applying Dropout Masks to 1 in 10 layers of small networks',
    ],
  ])('reads past %s: "%s"', (_, title) => {
    expectSplit(title, 'Overconfident predictions are common in small models.');
  });

  it('does not end the title inside parentheses, even when their content reads as prose', () => {
    expectSplit(
      'Sharpness-Aware Minimization (Efficient Variants for small batches)',
      'Small batches make sharpness estimates noisy.',
    );
  });
});

describe('typical opening words inside a title', () => {
  it.each([
    // "As" before a parenthesis, "Over" before a number, "In" before a name, "A" before a number.
    'Dropout As (approximate) Bayesian Inference',
    'Training Transformers Over 1000 Epochs',
    'Token Dropout In Vision transformers and convolutional networks',
    'Pruning A 2 layer network',
    // A determiner and a name open the abstract only when prose follows the name.
    'Dropout Is A Bayesian Approximation',
    // "This" is a glue word only in lower case.
    'Understanding What This Network Learns',
  ])('does not end "%s" before its opening word', (title) => {
    expectSplit(title, 'We show that dropout approximates a Gaussian process.');
  });

  it('ends the title before "The", a name and its acronym even when the title ends in lower case', () => {
    expectSplit(
      'Stable sharpness control for large batches',
      'The Adaptive Sharpness Penalty (ASP) rescales the perturbation radius.',
    );
  });
});

describe('prose after the first word of the abstract', () => {
  it('reads past a parenthesised aside to the verb', () => {
    expectSplit(
      'Flat Minima Revisited',
      'Flatness (e.g. the largest Hessian eigenvalue) predicts generalisation.',
    );
  });

  it('reads "is," or "are," as the verb that an acronym needs', () => {
    expectSplit('Calibration Under Shift', 'LLMs are, however, poorly calibrated under shift.');
  });

  it('spells an acronym from the first letter of each part of a hyphenated word, digits left out', () => {
    expectSplit(
      'Sparse Mixture of Experts at Scale',
      'Top-2 Gating (TG) routes each token to two experts.',
    );
  });
});

describe('where the abstract repeats the title', () => {
  it('ends the title where the abstract repeats its last three words', () => {
    expectSplit(
      'Priors for Neural Tangent Kernels',
      'Neural Tangent Kernels are a limit of wide networks.',
    );
  });

  it('ends the title where the abstract repeats its last four or five words', () => {
    expectSplit(
      'Priors for Deep Neural Tangent Kernels',
      'Deep Neural Tangent Kernels are a limit of wide networks.',
    );
    expectSplit(
      'Calibrating Large Language Model Agent Policies',
      'Large Language Model Agent Policies are brittle under distribution shift.',
    );
  });

  it('ends a two-word title where the abstract repeats both words', () => {
    expectSplit('Optimal Transport', 'Optimal Transport is a useful metric between distributions.');
  });

  it('prefers the repeat over an earlier place that reads as prose', () => {
    // "Dropout in small networks" reads as prose too, and comes first.
    expectSplit(
      'Towards Better Dropout in small networks',
      'Small networks lose most of their capacity under dropout.',
    );
  });
});

describe('sentence ends', () => {
  it.each([
    [
      'an acronym ending a sentence',
      'Token Dropout for Language Models',
      'Pretrained language models overfit quickly in NLP. We drop tokens at random.',
    ],
    [
      '"U.S." ending a sentence',
      'Domain Shift in Clinical Risk Models',
      'Risk models are mostly trained on patients in the U.S. We study transfer to Europe.',
    ],
  ])('does not let the title run past %s', (_, title, abstract) => {
    expectSplit(title, abstract);
  });
});

describe('text with no abstract to find', () => {
  it.each([
    ['a title alone, ending in "The" and a name', 'Tabular Mixup Beats The Baselines'],
    ['a title followed by a label and nothing else', 'Weight Decay in Survival Models Background:'],
    // The parenthesis never closes, so nothing after it can be told from an aside.
    [
      'an aside that never closes',
      'Flat Minima Revisited Flatness (measured by the Hessian predicts generalisation.',
    ],
  ])('finds no split in %s', (_, text) => {
    expect(splitTitleAndAbstract(text)).toBeUndefined();
  });
});
