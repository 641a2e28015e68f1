/**
 * The split rule of one-line entries, one rule at a time: each example below is a title and
 * abstract that the rule in question alone gets right. Titles and abstracts are invented.
 */
import { describe, expect, it } from 'vitest';
import { splitTitleAndAbstract } from '../../src/lib/listing/split-title.ts';

function expectSplit(title: string, abstract: string): void {
  expect(splitTitleAndAbstract(`${title} ${abstract}`)).toEqual({ title, abstract });
}

// "Dropout in small networks" reads as prose, so only a typical opening word further on can win.
const PROSE_TITLE = 'Towards Better Dropout in small networks';

describe('a typical opening word wins over an earlier place that reads as prose', () => {
  it.each([
    'We show that dropout rates should shrink with the width of a network.',
    'The effect of dropout on small networks is poorly understood.',
    'In small networks dropout removes a large share of the capacity.',
    'This paper revisits dropout for networks with few units.',
    'A simple rescaling makes dropout work in narrow layers.',
    'An analysis of narrow layers shows why dropout hurts them.',
    'Our analysis covers networks of every width.',
    'These results explain why dropout hurts narrow layers.',
    'Recent work suggests that dropout hurts narrow layers.',
    'Recently, dropout was shown to hurt narrow layers.',
    'Despite its popularity, dropout hurts narrow layers.',
    'There is little work on dropout in narrow layers.',
    'To understand why, we study narrow layers.',
    'Since narrow layers have few units, dropout removes much of their capacity.',
    'While dropout helps wide layers, it hurts narrow ones.',
    'As networks shrink, dropout removes more of their capacity.',
    'Although dropout helps wide layers, it hurts narrow ones.',
    'Many practitioners apply dropout to every layer.',
    'Most networks use the same dropout rate in every layer.',
    'What dropout does to narrow layers is poorly understood.',
    'When layers are narrow, dropout removes most of their capacity.',
    'It is known that dropout hurts narrow layers.',
    'Given a narrow layer, dropout removes most of its capacity.',
    'How dropout interacts with width is poorly understood.',
    'Due to their few units, narrow layers suffer from dropout.',
    'Here we study dropout in narrow layers.',
    'Because narrow layers have few units, dropout hurts them.',
    'Such networks suffer from dropout.',
    'However, dropout hurts narrow layers.',
    'Existing work applies dropout to every layer alike.',
    'Current practice applies dropout to every layer alike.',
    'Imagine a network whose layers have ten units each.',
    'Over the last decade, dropout became a default.',
    'Building on earlier work, we study narrow layers.',
    'Motivated by pruning, we study narrow layers.',
  ])('ends the title before "%s"', (abstract) => {
    expectSplit(PROSE_TITLE, abstract);
  });
});

describe('a subordinating word followed by a capitalised noun opens the abstract', () => {
  it.each(['Although', 'Though', 'While', 'Despite', 'Since', 'Because', 'When'])(
    'ends the title before "%s Transformers …"',
    (word) => {
      expectSplit(
        'Attention Dropout for Vision Models',
        `${word} Transformers dominate image classification, they overfit small data sets.`,
      );
    },
  );

  it('does not take a subordinating word inside a title for the start of the abstract', () => {
    expectSplit(
      'When Dropout Meets Weight Decay',
      'We study how the two penalties interact in linear networks.',
    );
  });
});

describe('structured-abstract labels', () => {
  it.each([
    'Background:',
    'Context:',
    'Motivation:',
    'Purpose:',
    'Objective:',
    'Objectives:',
    'Abstract:',
    'Summary:',
    'Aims:',
    'Aim:',
  ])('ends the title before the label "%s"', (label) => {
    expectSplit(
      'Weight Decay in Survival Models',
      `${label} Survival models trained on small cohorts overfit quickly.`,
    );
  });
});

describe('where a title cannot end', () => {
  it.each([
    ['"vs."', 'Dropout vs. Weight Decay in Small Networks'],
    ['"e.g."', 'Cheap Priors, e.g. Sparsity, for Small Networks'],
    ['"i.e."', 'Noise Injection, i.e. Dropout, as Bayesian Inference'],
    ['"et al."', 'Revisiting Zhang et al. on Memorisation'],
    ['an initial', 'A Second Look at the Prior of D. Mackay'],
  ])('reads past %s, which does not end a sentence', (_, title) => {
    expectSplit(title, 'We revisit the claim on small networks.');
  });

  it('stops at the end of the first sentence of the abstract', () => {
    // "Deep networks …" reads as prose; "We" further on would win if the title could reach it.
    expectSplit(
      'Ensembles of Small Networks',
      'Deep ensembles are costly. We distil them into one network.',
    );
  });

  it.each([
    ['a colon', 'Mixup: Training Networks on convex combinations of examples'],
    ['a comma', 'Sparse, Deep and Small networks for edge devices'],
    ['a semicolon', 'Dropout; Deep networks with fewer units'],
    ['a hyphen', 'Label Smoothing Revisited - Deep networks with soft targets'],
    ['a minor word', 'A Study of Deep networks trained with label noise'],
  ])('does not end the title after %s', (_, title) => {
    expectSplit(title, 'We show that the effect depends on the width.');
  });

  it('does not end the title inside parentheses', () => {
    expectSplit(
      'Sharpness-Aware Minimization (Efficient Variants for small batches)',
      'We show that the effect depends on the batch size.',
    );
  });

  it('keeps a one-word title only before a clear opening such as "We" or a label', () => {
    expectSplit('Mixup', 'We study mixup on tabular data.');
    expectSplit('Mixup', 'Background: Tabular data is hard to augment.');
    // Prose after one word is not enough: "3D MRI brain …" would lose all but its first word.
    expect(splitTitleAndAbstract('Mixup Regularisers help tabular models.')).toBeUndefined();
  });
});

describe('acronyms and capitalised phrases', () => {
  it('ends the title before a capitalised phrase spelled out by its acronym, hyphens included', () => {
    expectSplit(
      'Calibration Under Shift',
      'Out-of-Distribution Detection (OODD) is a standard way to flag inputs a model has not seen.',
    );
    expectSplit(
      'Sparse Coding in Practice',
      'Sparse Autoencoders (SAEs), trained on activations, find interpretable features.',
    );
  });

  it('does not end the title before an acronym that does not spell the phrase', () => {
    expectSplit(
      'Electronic Health Records (XYZ) Need Better Priors',
      'We study priors for clinical data.',
    );
  });

  it('ends the title before an acronym followed by a verb, and not before one naming a thing', () => {
    expectSplit(
      'Fast Reconstruction for Accelerated Imaging',
      'MRI is an inherently slow process, and undersampling speeds it up.',
    );
    expectSplit('Fast MRI brain tumour segmentation', 'We segment tumours in few scans.');
  });

  it('ends the title where the abstract repeats its last words as a capitalised phrase', () => {
    expectSplit(
      'Entropic Priors for Optimal Transport',
      'Optimal Transport is a useful metric between distributions.',
    );
  });

  it('prefers the place that repeats the title over an earlier one', () => {
    expectSplit(
      'Learning Rates Matter for Sharpness',
      'Sharpness measures the curvature of the loss.',
    );
  });

  it('ends the title before "The X Y" followed by prose', () => {
    expectSplit(
      'Noise Schedules for Small Diffusion Models',
      'The Gaussian noise schedule of a diffusion model is usually fixed.',
    );
    expectSplit(
      'Priors for Small Networks',
      'A Gaussian prior over weights is the usual choice in Bayesian networks.',
    );
  });

  it.each([
    'This Mixup variant works on tables.',
    'These Mixup variants work on tables.',
    'Our Mixup variant works on tables.',
    'An Input Mixup variant works on tables.',
  ])('ends the title before a determiner, a name and prose: "%s"', (abstract) => {
    // Without the rule, "Mixup variant works" reads as prose and the title takes "This".
    expectSplit('Mixup for Tabular Data', abstract);
  });
});

describe('more openings a reader would recognise', () => {
  it.each([
    [
      'Calibration Under Shift',
      'Large Language Models (LLMs), trained on the web, hallucinate facts.',
    ],
    ['Calibration Under Shift', 'Vision-Language Models (VLMs) are widely used for retrieval.'],
    [
      'Calibration Under Shift',
      'Graph Neural Networks (GNN): a tool that over-smooths node features.',
    ],
    ['Parallel Ensembles', 'Training 8 networks in parallel is costly.'],
    ['Dropout (and Friends) for Small Networks', 'We study dropout.'],
    ['Sharpness Matters', 'Deep networks (DNNs) generalise poorly when sharp.'],
    ['A B', 'We study the effect.'],
  ])('ends "%s" before "%s"', (title, abstract) => {
    expectSplit(title, abstract);
  });
});

describe('minor words, after which a title goes on', () => {
  // Without the word in the list, "Deep networks trained …" would read as the abstract's start.
  it.each([
    'a',
    'an',
    'the',
    'and',
    'or',
    'nor',
    'but',
    'of',
    'for',
    'to',
    'in',
    'on',
    'at',
    'by',
    'via',
    'with',
    'from',
    'into',
    'onto',
    'over',
    'under',
    'as',
    'vs',
    'vs.',
    'versus',
    'without',
    'within',
    'through',
    'towards',
    'toward',
    'then',
    '&',
    'per',
  ])('reads past "%s" before a sentence-case run', (word) => {
    expectSplit(
      `Noise Injection ${word} Deep networks trained with label noise`,
      'Overconfident predictions are common in small models.',
    );
  });
});

describe('glue words, which give an acronym the verb it needs to open the abstract', () => {
  // One case per glue word, the first one after the acronym: without it the acronym has no verb.
  it.each([
    'RLHF is known to harm calibration.',
    'LLMs are poorly calibrated under shift.',
    'GPT was trained on web text.',
    'LLMs were thought to be calibrated.',
    'RLHF has made models overconfident.',
    'LLMs have become overconfident.',
    'LLMs had been thought calibrated.',
    'LLMs can be confidently wrong.',
    'LLMs could be calibrated with a temperature.',
    'LLMs may be confidently wrong.',
    'LLMs might be miscalibrated under shift.',
    'LLMs will be deployed under shift.',
    'LLMs would need recalibration under shift.',
    'LLMs should abstain under shift.',
    'RLHF does harm calibration.',
    'LLMs do poorly under shift.',
    'LLMs, be they open or closed, are overconfident.',
    'LLMs, been around for years, remain overconfident.',
    'LLMs being overconfident is a known problem.',
    'RLHF, its critics argue, harms calibration.',
    'LLMs, their critics argue, are overconfident.',
    'LLMs, this paper argues, are overconfident.',
    'LLMs that hallucinate are poorly calibrated.',
    'LLMs, these results show, are overconfident.',
    'LLMs, those tuned with RLHF included, are overconfident.',
    'LLMs which hallucinate are poorly calibrated.',
    'LLMs who answer confidently are often wrong.',
  ])('ends the title before "%s"', (abstract) => {
    expectSplit('Calibration Under Shift', abstract);
  });
});
