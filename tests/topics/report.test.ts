import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/lib/topics/assign.ts';
import {
  buildTopicReport,
  formatTopicReport,
  topicMargins,
  type AssignedPaper,
} from '../../src/lib/topics/report.ts';
import type { Taxonomy } from '../../src/lib/topics/schema.ts';

const scoring: Taxonomy['scoring'] = {
  titleWeight: 3,
  abstractWeight: 1,
  abstractRepeats: 2,
  threshold: 5,
  secondaryRatio: 0.5,
  maxTopics: 3,
  fallbackTopic: 'gamma',
};

const taxonomy: Taxonomy = {
  scoring,
  topics: ['alpha', 'beta', 'gamma'].map((id) => ({
    id,
    name: id.toUpperCase(),
    description: `About ${id}.`,
    rules: [{ weight: 1, patterns: [id] }],
  })),
};

function scored(topics: string[], scores: [string, number][]): Assignment {
  return { topics, scores: scores.map(([id, score]) => ({ id, score, matches: [`${id}-term`] })) };
}

function paper(slug: string, assignment: Assignment): AssignedPaper {
  return { slug, title: slug.toUpperCase(), assignment };
}

describe('topicMargins', () => {
  it('measures the primary topic against the runner-up and further topics against the bar', () => {
    const margins = topicMargins(
      scored(
        ['alpha', 'beta'],
        [
          ['alpha', 20],
          ['beta', 12],
          ['gamma', 3],
        ],
      ),
      scoring,
    );
    expect(margins).toEqual([
      { topic: 'alpha', rank: 1, score: 20, margin: 8, matches: ['alpha-term'] },
      { topic: 'beta', rank: 2, score: 12, margin: 2, matches: ['beta-term'] },
    ]);
  });

  it('measures a lone primary topic against the threshold when that is closer', () => {
    expect(topicMargins(scored(['alpha'], [['alpha', 7]]), scoring)[0]?.margin).toBe(2);
  });

  it('gives a negative margin to a topic below the threshold and to the fallback topic', () => {
    expect(topicMargins(scored(['beta'], [['beta', 3]]), scoring)[0]?.margin).toBe(-2);
    expect(topicMargins({ topics: ['gamma'], scores: [] }, scoring)).toEqual([
      { topic: 'gamma', rank: 1, score: 0, margin: -5, matches: [] },
    ]);
  });
});

describe('buildTopicReport', () => {
  const papers = [
    paper(
      'p1',
      scored(
        ['alpha', 'beta'],
        [
          ['alpha', 20],
          ['beta', 11],
        ],
      ),
    ),
    paper(
      'p2',
      scored(
        ['alpha'],
        [
          ['alpha', 30],
          ['beta', 2],
        ],
      ),
    ),
    paper('p3', scored(['beta'], [['beta', 4]])),
    paper('p4', { topics: ['gamma'], scores: [] }),
  ];

  it('counts papers and primary papers per topic in the order of the taxonomy', () => {
    const report = buildTopicReport(taxonomy, papers, 5);
    expect(report.paperCount).toBe(4);
    expect(report.belowThreshold).toBe(2);
    expect(report.topics.map(({ id, papers: count, primary }) => [id, count, primary])).toEqual([
      ['alpha', 2, 2],
      ['beta', 2, 1],
      ['gamma', 1, 1],
    ]);
  });

  it('lists the weakest assignments first and only as many as asked', () => {
    const report = buildTopicReport(taxonomy, papers, 1);
    expect(
      report.topics.map((topic) => topic.weakest.map((entry) => [entry.slug, entry.margin])),
    ).toEqual([[['p1', 9]], [['p3', -1]], [['p4', -5]]]);
    expect(
      buildTopicReport(taxonomy, papers, 0).topics.every((topic) => topic.weakest.length === 0),
    ).toBe(true);
  });

  it('orders equal margins by slug so the report is stable', () => {
    const twins = [
      paper('zeta', scored(['alpha'], [['alpha', 9]])),
      paper('eta', scored(['alpha'], [['alpha', 9]])),
    ];
    const [alpha] = buildTopicReport(taxonomy, twins, 5).topics;
    expect(alpha?.weakest.map((entry) => entry.slug)).toEqual(['eta', 'zeta']);
  });
});

describe('formatTopicReport', () => {
  it('prints the totals, then each topic with its counts and weakest papers', () => {
    const text = formatTopicReport(
      buildTopicReport(
        taxonomy,
        [
          paper(
            'p1',
            scored(
              ['alpha', 'beta'],
              [
                ['alpha', 20],
                ['beta', 10.5],
              ],
            ),
          ),
          paper('p4', { topics: ['gamma'], scores: [] }),
        ],
        2,
      ),
    );
    expect(text).toBe(
      [
        "2 papers, 3 topics; 1 papers reach no topic's threshold of 5 and have only their best topic or the fallback topic.",
        '',
        'alpha (ALPHA): 1 papers, 1 as primary topic',
        '  weakest assignments:',
        '    margin    9.5  primary  p1  (score 20: alpha-term)',
        '',
        'beta (BETA): 1 papers, 0 as primary topic',
        '  weakest assignments:',
        '    margin    0.5  topic 2  p1  (score 10.5: beta-term)',
        '',
        'gamma (GAMMA): 1 papers, 1 as primary topic',
        '  weakest assignments:',
        '    margin     -5  primary  p4  (score 0: no pattern matched)',
        '',
      ].join('\n'),
    );
  });
});
