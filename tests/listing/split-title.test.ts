/**
 * Where the title of a one-line entry ends. The titles and abstracts below are invented; the last
 * test measures the rule against the real vendored listings, where titles are printed on their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { splitTitleAndAbstract } from '../../src/lib/listing/split-title.ts';
import { decodeListing } from '../../src/lib/listing/text.ts';
import { ProblemError } from '../../src/lib/problems/problem.ts';
import { sourcesDir } from '../helpers/paths.ts';

/** Runs the rule on `title abstract` and expects it to find the title again. */
function expectSplit(title: string, abstract: string): void {
  expect(splitTitleAndAbstract(`${title} ${abstract}`)).toEqual({ title, abstract });
}

/** A one-per-line listing of a single entry. */
function oneLine(text: string): string {
  return `4 ${text} 3 authors · Apr 2, 2024`;
}

describe('splitTitleAndAbstract', () => {
  it('keeps a title whose last words open the abstract', () => {
    expectSplit(
      'SPARK-Net: Sparse Priors for Accelerated Reconstruction of Kinetic Tomography',
      'Kinetic tomography recovers a moving object from a handful of projections per time frame. We model the object as a sparse combination of temporal atoms.',
    );
    expectSplit(
      'Penalised Likelihood for Sparse Graphs',
      'Sparse graphs arise in genomics, where few genes interact directly.',
    );
  });

  it('keeps a Title Case title whose last words are the capitalised subject of the abstract', () => {
    expectSplit(
      'Optimal Transport Regularisation for Domain Adaptation',
      'Domain Adaptation is a standard way to transfer a classifier to a shifted target distribution.',
    );
  });

  it('ends the title before a capitalised phrase followed by its acronym', () => {
    expectSplit(
      'Calibrated Ensembles for Clinical Risk Prediction',
      'Electronic Medical Records (EMR) are widely used to train risk models, but their labels are noisy.',
    );
    expectSplit(
      'Sparse Autoencoders Find Interpretable Features',
      'Sparse Autoencoders (SAEs) are trained to reconstruct activations from a sparse code.',
    );
  });

  it('splits titles written in sentence case or lower case', () => {
    expectSplit(
      'Learning to forget: label noise and the memorisation of rare examples',
      'Deep networks eventually fit noisy labels. We show that early stopping helps.',
    );
    expectSplit(
      'mixing noise into the teacher: a note on self-distillation',
      'Self-distillation improves a network by training it on its own soft predictions, but why it helps is debated.',
    );
  });

  it('splits very short titles', () => {
    expectSplit('Tiny', 'We study tiny networks and how they overfit.');
    expectSplit('Mixup Helps', 'We show that mixup improves calibration on small data sets.');
    expectSplit(
      'Graph Dropout',
      'Graph neural networks (GNNs) over-smooth node features as depth grows.',
    );
  });

  it('ends the title before a typical opening such as "We" or "In this paper"', () => {
    expectSplit(
      'Gradient Centralisation as Implicit Regularisation',
      'We show that centring gradients constrains the weights to a hyperplane.',
    );
    expectSplit(
      'Sharper Minima Need Not Generalise Worse',
      'In this paper we revisit the link between flatness and generalisation.',
    );
    expectSplit(
      'Tempered Posteriors for Bayesian Deep Learning',
      'Although Bayesian neural networks promise calibrated uncertainty, they underfit.',
    );
  });

  it('ends the title before "The X Y (XY) algorithm"', () => {
    expectSplit(
      'Stable Sharpness Control for Large-Batch Training',
      'The Adaptive Sharpness Penalty (ASP) algorithm rescales the perturbation radius by the batch size.',
    );
  });

  it('ends the title before a structured-abstract label such as "Background:"', () => {
    expectSplit(
      'Weight Decay in Survival Models for Oncology',
      'Background: Survival models trained on small cohorts overfit quickly. Methods: We compare penalties.',
    );
  });

  it('does not end a title that starts with an acronym after the acronym', () => {
    expectSplit(
      '3D CT lung nodule detection with consistency regularization',
      'Automated detection of lung nodules from 3D computed tomography scans supports early diagnosis.',
    );
    expectSplit(
      'MRI reconstruction with learned total variation',
      'MRI is a slow imaging modality, and undersampling speeds it up.',
    );
    expectSplit('L0 Gates', 'We prune networks with learned gates.');
  });

  it('finds no title in text where nothing reads as the start of an abstract', () => {
    expect(splitTitleAndAbstract('Only Title Case Words Here Forever')).toBeUndefined();
    expect(splitTitleAndAbstract('Dropout')).toBeUndefined();
  });
});

describe('parseListing on one-line entries', () => {
  const title = 'Mixout Regularisation In the Low-Resource Regime';
  const abstract =
    'Fine-tuning large pretrained models on small data sets overfits quickly. We revisit mixout.';

  it('uses a title known from another listing in preference to the rule', () => {
    // The rule alone would end this title at "In the", a typical abstract opening.
    expect(splitTitleAndAbstract(`${title} ${abstract}`)?.title).toBe('Mixout Regularisation');
    const listing = parseListing(oneLine(`${title} ${abstract}`), {
      knownTitle: (text) => (text.startsWith('Mixout') ? title : undefined),
    });
    expect(listing.entries).toEqual([
      {
        title,
        abstract,
        line: 1,
        authorCount: 3,
        upvotes: 4,
        date: '2024-04-02',
        titleSplit: 'known',
      },
    ]);
  });

  it('refuses, at its line, a one-line entry where no word opens an abstract', () => {
    const text = [
      oneLine('Mixup Helps We show that mixup improves calibration on small data sets.'),
      oneLine('Only Title Case Words Here Forever And Ever'),
    ].join('\n');
    expect(() => parseListing(text)).toThrow(ProblemError);
    expect(() => parseListing(text)).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ line: 2, message: 'expected a title followed by an abstract' }),
        ],
      }),
    );
  });

  it('dates a yearless one-line entry only when a year is given', () => {
    const text = '- Mixup Helps We show that mixup helps. 2 authors · Mar 3 5';
    expect(parseListing(text).entries[0]).toMatchObject({ dateText: 'Mar 3', comments: 5 });
    expect(parseListing(text, { year: 2025 }).entries[0]).toMatchObject({ date: '2025-03-03' });
    expect(parseListing(text, { year: 2025 }).entries[0]).not.toHaveProperty('dateText');
  });
});

describe('the split rule on the real vendored listings', () => {
  it('recovers at least 97% of the titles printed on their own line', () => {
    const files = readdirSync(sourcesDir).filter((name) =>
      /-(?:blocks|paragraphs|title-abstract-lines)\.txt$/.test(name),
    );
    let total = 0;
    let recovered = 0;
    for (const name of files) {
      const text = decodeListing(readFileSync(path.join(sourcesDir, name)));
      for (const entry of parseListing(text).entries) {
        total += 1;
        const split = splitTitleAndAbstract(`${entry.title} ${entry.abstract}`);
        if (split?.title === entry.title && split.abstract === entry.abstract) recovered += 1;
      }
    }
    const fraction = recovered / total;
    const measured = `${recovered} of ${total} titles recovered (${(fraction * 100).toFixed(1)}%)`;
    expect(total, measured).toBeGreaterThan(0);
    expect(fraction, measured).toBeGreaterThanOrEqual(0.97);
  });
});
