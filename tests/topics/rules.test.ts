/**
 * Regularizers the rules once missed, checked on the papers that showed it: each lands in the
 * topic a curator would file it under.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assignTopics } from '../../src/lib/topics/assign.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';

const taxonomy = loadTaxonomy(await readFile('content/topics.yaml', 'utf8'), 'content/topics.yaml');

describe('the topic rules', () => {
  it('file label smoothing under entropy, not robustness', () => {
    const { topics } = assignTopics(
      {
        title: 'When Does Label Smoothing Help?',
        abstract:
          'The generalization and learning speed of a multi-class neural network can often be ' +
          'significantly improved by using soft targets that are a weighted average of the hard ' +
          'targets and the uniform distribution over labels. Smoothing the labels in this way ' +
          'prevents the network from becoming over-confident and label smoothing has been used in ' +
          'many state-of-the-art models, including image classification, language translation and ' +
          'speech recognition. Despite its widespread use, label smoothing is still poorly ' +
          'understood. Here we show empirically that in addition to improving generalization, ' +
          'label smoothing improves model calibration which can significantly improve beam-search.',
      },
      taxonomy,
    );
    expect(topics[0]).toBe('entropy-information');
  });

  it('file early stopping under implicit regularization with confidence, not by fallback', () => {
    const { topics, scores } = assignTopics(
      {
        title: 'Automatic Early Stopping Using Cross Validation: Quantifying the Criteria',
        abstract:
          'Cross validation can be used to detect when overfitting starts during supervised ' +
          'training of a neural network; training is then stopped before convergence to avoid ' +
          'the overfitting.',
      },
      taxonomy,
    );
    expect(topics[0]).toBe('implicit-regularization');
    expect(scores[0]?.score).toBeGreaterThanOrEqual(taxonomy.scoring.threshold);
  });

  it('give a paper on early stopping against label noise both of its topics', () => {
    const { topics } = assignTopics(
      {
        title: 'Early Stopping Against Label Noise Without Validation Data',
        abstract:
          'Early stopping methods in deep learning face the challenge of balancing the volume of ' +
          'training and validation data, especially in the presence of label noise. We propose a ' +
          'stopping rule that needs no validation data.',
      },
      taxonomy,
    );
    expect(topics).toEqual(expect.arrayContaining(['implicit-regularization', 'robustness']));
  });
});
