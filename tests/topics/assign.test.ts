import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPapers } from '../../src/lib/paper/files.ts';
import {
  assignTopics,
  chooseTopics,
  compileTaxonomy,
  type Assignment,
} from '../../src/lib/topics/assign.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { normalizeText } from '../../src/lib/topics/prefilter.ts';
import type { Taxonomy } from '../../src/lib/topics/schema.ts';

const TOPICS_FILE = fileURLToPath(new URL('../../content/topics.yaml', import.meta.url));
const PAPERS_DIR = fileURLToPath(new URL('../../content/papers', import.meta.url));
const SAMPLE_FILE = fileURLToPath(
  new URL('../fixtures/topics/curated-sample.yaml', import.meta.url),
);

/** The sixteen topics the product asks for, in the order the site lists them. */
const EXPECTED_TOPICS = [
  'weight-penalties',
  'dropout-noise',
  'data-augmentation',
  'implicit-regularization',
  'entropy-information',
  'reinforcement-learning',
  'language-models',
  'optimal-transport',
  'generative-models',
  'inverse-problems',
  'robustness',
  'sparsity-compression',
  'continual-transfer',
  'representation-learning',
  'optimization',
  'scientific-ml',
];

interface CuratedPaper {
  slug: string;
  title: string;
  topics: string[];
  why: string;
}

interface LoadedPaper {
  slug: string;
  title: string;
  abstract: string;
}

let taxonomy: Taxonomy;
let papers: LoadedPaper[];
let sample: CuratedPaper[];
let assignments: Map<string, Assignment>;

beforeAll(async () => {
  taxonomy = loadTaxonomy(await readFile(TOPICS_FILE, 'utf8'), 'content/topics.yaml');
  const read = await readPapers(PAPERS_DIR);
  expect(read.problems).toEqual([]);
  papers = read.papers.map((paper) => ({
    slug: paper.slug,
    title: paper.data.title,
    abstract: paper.abstract,
  }));
  sample = (load(await readFile(SAMPLE_FILE, 'utf8')) as { papers: CuratedPaper[] }).papers;
  const matcher = compileTaxonomy(taxonomy);
  assignments = new Map(papers.map((paper) => [paper.slug, matcher.assign(paper)]));
});

function assignmentOf(slug: string): Assignment {
  const assignment = assignments.get(slug);
  if (assignment === undefined) throw new Error(`no paper ${slug} in content/papers`);
  return assignment;
}

/** Micro-averaged precision and recall over topic labels, and primary-topic accuracy. */
function measure(curated: readonly CuratedPaper[]) {
  let agreed = 0;
  let predicted = 0;
  let expected = 0;
  let primaryRight = 0;
  for (const paper of curated) {
    const got = assignmentOf(paper.slug).topics;
    agreed += got.filter((topic) => paper.topics.includes(topic)).length;
    predicted += got.length;
    expected += paper.topics.length;
    if (got[0] === paper.topics[0]) primaryRight += 1;
  }
  return {
    precision: agreed / predicted,
    recall: agreed / expected,
    primaryAccuracy: primaryRight / curated.length,
  };
}

function formatMeasures(measures: ReturnType<typeof measure>, size: number): string {
  return (
    `precision ${measures.precision.toFixed(3)}, recall ${measures.recall.toFixed(3)}, ` +
    `primary accuracy ${measures.primaryAccuracy.toFixed(3)} on ${size} curated papers`
  );
}

describe('the taxonomy in content/topics.yaml', () => {
  it('lists exactly the sixteen product topics in order', () => {
    expect(taxonomy.topics.map((topic) => topic.id)).toEqual(EXPECTED_TOPICS);
  });

  it('makes a title mention count more than any number of the same mentions in the abstract', () => {
    const { titleWeight, abstractWeight, abstractRepeats } = taxonomy.scoring;
    expect(titleWeight).toBeGreaterThan(abstractWeight * abstractRepeats);
  });
});

describe('the curated sample', () => {
  it('has at least 60 papers from content/papers with one to three known topics each', () => {
    expect(sample.length).toBeGreaterThanOrEqual(60);
    const known = new Set(taxonomy.topics.map((topic) => topic.id));
    for (const paper of sample) {
      expect(papers.find((candidate) => candidate.slug === paper.slug)?.title).toBe(paper.title);
      expect(paper.topics.length).toBeGreaterThanOrEqual(1);
      expect(paper.topics.length).toBeLessThanOrEqual(3);
      expect(new Set(paper.topics).size).toBe(paper.topics.length);
      for (const topic of paper.topics)
        expect(known.has(topic), `${paper.slug}: ${topic}`).toBe(true);
      expect(paper.why.trim()).not.toBe('');
    }
    expect(new Set(sample.map((paper) => paper.slug)).size).toBe(sample.length);
  });

  it('labels every topic on at least three papers', () => {
    for (const id of EXPECTED_TOPICS) {
      const labelled = sample.filter((paper) => paper.topics.includes(id)).length;
      expect(labelled, id).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the rules measured against the curated sample', () => {
  it('agree with the curator on topics: micro precision at least 0.88, recall at least 0.85', () => {
    const measures = measure(sample);
    const report = formatMeasures(measures, sample.length);
    expect(measures.precision, report).toBeGreaterThanOrEqual(0.88);
    expect(measures.recall, report).toBeGreaterThanOrEqual(0.85);
  });

  it('pick the curator’s primary topic for at least 87% of the papers', () => {
    const measures = measure(sample);
    expect(
      measures.primaryAccuracy,
      formatMeasures(measures, sample.length),
    ).toBeGreaterThanOrEqual(0.87);
  });
});

describe('assigning topics to the reading list', () => {
  it('gives every paper one to three distinct, known topics', () => {
    const known = new Set(taxonomy.topics.map((topic) => topic.id));
    for (const paper of papers) {
      const { topics } = assignmentOf(paper.slug);
      expect(topics.length, paper.slug).toBeGreaterThanOrEqual(1);
      expect(topics.length, paper.slug).toBeLessThanOrEqual(3);
      expect(new Set(topics).size, paper.slug).toBe(topics.length);
      for (const topic of topics) expect(known.has(topic), `${paper.slug}: ${topic}`).toBe(true);
    }
  });

  it('assigns every topic of the taxonomy to at least one paper', () => {
    const used = new Set([...assignments.values()].flatMap((assignment) => assignment.topics));
    const unused = taxonomy.topics.map((topic) => topic.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('gives the same result whatever the order and however often papers are assigned', () => {
    const again = compileTaxonomy(taxonomy);
    const reversed = [...papers]
      .reverse()
      .map((paper) => [paper.slug, again.assign(paper)] as const);
    expect(new Map(reversed)).toEqual(assignments);
    const paper = papers[0];
    if (paper === undefined) throw new Error('content/papers is empty');
    expect(assignTopics(paper, taxonomy)).toEqual(assignTopics(paper, taxonomy));
  });

  it('lists scores best first with the patterns that fired', () => {
    for (const [slug, { scores }] of assignments) {
      for (const [index, score] of scores.entries()) {
        expect(score.matches.length, slug).toBeGreaterThan(0);
        const next = scores[index + 1];
        if (next !== undefined) expect(score.score, slug).toBeGreaterThanOrEqual(next.score);
      }
    }
  });

  it('explains an assignment by the patterns written in the taxonomy', () => {
    const { topics, scores } = assignmentOf('decoupled-weight-decay-regularization');
    expect(topics[0]).toBe('weight-penalties');
    expect(scores[0]?.matches).toContain('weight decay');
  });
});

type Rules = Taxonomy['topics'][number]['rules'];

/** A two-topic taxonomy with the real scoring settings, to test the scoring alone. */
function twoTopics(
  overrides: Partial<Taxonomy['scoring']> = {},
  alphaRules: Rules = [{ weight: 5, patterns: ['alpha'] }],
): Taxonomy {
  return {
    scoring: { ...taxonomy.scoring, ...overrides },
    topics: [
      { id: 'alpha', name: 'Alpha', description: 'Alpha.', rules: alphaRules },
      {
        id: 'beta',
        name: 'Beta',
        description: 'Beta.',
        rules: [{ weight: 5, patterns: ['beta'] }],
      },
    ],
  };
}

describe('scoring', () => {
  it('lets a title match outweigh repeated abstract matches of another topic', () => {
    const result = assignTopics(
      { title: 'Beta networks', abstract: 'alpha alpha alpha alpha alpha. We study beta.' },
      twoTopics(),
    );
    expect(result.topics[0]).toBe('beta');
    const { titleWeight, abstractWeight, abstractRepeats } = taxonomy.scoring;
    expect(result.scores.map((score) => [score.id, score.score])).toEqual([
      ['beta', 5 * titleWeight + 5 * abstractWeight],
      ['alpha', 5 * abstractWeight * abstractRepeats],
    ]);
  });

  it('matches whole words, ignoring case and treating hyphens as spaces', () => {
    const decay = twoTopics({}, [{ weight: 5, patterns: ['weight decay'] }]);
    expect(assignTopics({ title: 'Weight-Decay', abstract: '' }, decay).topics).toEqual(['alpha']);
    expect(assignTopics({ title: 'Weightdecay alphabet', abstract: '' }, decay).scores).toEqual([]);
    expect(normalizeText('a\u2013b-c\n\n d')).toBe('a b c d');
  });

  it('breaks ties by title score, then by the order of the topics in the file', () => {
    const byOrder = assignTopics({ title: 'nothing', abstract: 'beta alpha' }, twoTopics());
    expect(byOrder.topics[0]).toBe('alpha');
    const byTitle = assignTopics(
      { title: 'beta', abstract: 'alpha alpha' },
      twoTopics({ titleWeight: 2, abstractRepeats: 2 }),
    );
    expect(byTitle.scores.map((score) => score.score)).toEqual([10, 10]);
    expect(byTitle.topics[0]).toBe('beta');
  });

  it('adds further topics only when they reach the threshold and the share of the primary score', () => {
    const settings = { ...taxonomy.scoring, threshold: 5, secondaryRatio: 0.5, maxTopics: 2 };
    const ranked = [
      { id: 'a', score: 20, matches: ['x'] },
      { id: 'b', score: 10, matches: ['x'] },
      { id: 'c', score: 9, matches: ['x'] },
    ];
    expect(chooseTopics(ranked, settings)).toEqual(['a', 'b']);
    expect(chooseTopics(ranked, { ...settings, maxTopics: 3, secondaryRatio: 0.4 })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(chooseTopics(ranked, { ...settings, threshold: 15 })).toEqual(['a']);
  });

  it('falls back to the best topic below the threshold, and to the fallback topic without matches', () => {
    const settings = { ...taxonomy.scoring, threshold: 5, fallbackTopic: 'z' };
    expect(chooseTopics([{ id: 'a', score: 2, matches: ['x'] }], settings)).toEqual(['a']);
    expect(chooseTopics([], settings)).toEqual(['z']);
    expect(chooseTopics([{ id: 'a', score: -3, matches: ['x'] }], settings)).toEqual(['z']);
    expect(assignTopics({ title: 'Gamma', abstract: 'delta' }, twoTopics())).toEqual({
      topics: [taxonomy.scoring.fallbackTopic],
      scores: [],
    });
  });

  it('lets a negative weight take points away', () => {
    const entropy = twoTopics({}, [
      { weight: 5, patterns: ['entropy'] },
      { weight: -5, patterns: ['cross entropy method'] },
    ]);
    const result = assignTopics({ title: 'The cross-entropy method', abstract: '' }, entropy);
    expect(result.scores).toEqual([
      { id: 'alpha', score: 0, matches: ['entropy', 'cross entropy method'] },
    ]);
  });
});
