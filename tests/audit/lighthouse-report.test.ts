/**
 * The audit's report: why a score is below 100, counted over runs, and the table a maintainer
 * reads. Lighthouse's results are shaped by hand here (only the fields the report reads).
 */
import type { RunnerResult } from 'lighthouse';
import { describe, expect, test } from 'vitest';
import {
  countShortfalls,
  formatTable,
  median,
  shortfallsOf,
  type AuditRow,
  type AuditScores,
} from '../../audit/lighthouse.ts';

function result(
  categories: Record<string, { score: number; audits: Record<string, [number, number | null]> }>,
): RunnerResult {
  const audits: Record<string, { score: number | null }> = {};
  const shaped: Record<string, unknown> = {};
  for (const [id, category] of Object.entries(categories)) {
    shaped[id] = {
      score: category.score,
      auditRefs: Object.entries(category.audits).map(([audit, [weight, score]]) => {
        audits[audit] = { score };
        return { id: audit, weight };
      }),
    };
  }
  return { lhr: { categories: shaped, audits } } as unknown as RunnerResult;
}

const perfect: AuditScores = {
  performance: 100,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  fcp: 940,
  lcp: 1210,
  tbt: 3,
  cls: 0.011,
};

describe('why a page scored below 100', () => {
  test('names the failed audits that carry weight, only in categories below 100', () => {
    const run = result({
      accessibility: {
        score: 0.96,
        audits: { 'target-size': [7, 0], 'color-contrast': [7, 1], tabindex: [0, 0] },
      },
      performance: {
        score: 0.97,
        audits: { 'largest-contentful-paint': [25, 0.72], 'speed-index': [10, null] },
      },
      seo: { score: 1, audits: { 'meta-description': [1, 1] } },
    });
    expect(shortfallsOf(run)).toEqual([
      'accessibility: target-size',
      'performance: largest-contentful-paint',
    ]);
  });

  test('a perfect run has none', () => {
    expect(shortfallsOf(result({ seo: { score: 1, audits: { 'is-crawlable': [1, 1] } } }))).toEqual(
      [],
    );
  });

  test('counts each shortfall once per run, the most frequent first', () => {
    expect(
      countShortfalls([
        ['performance: largest-contentful-paint', 'performance: largest-contentful-paint'],
        ['accessibility: target-size', 'performance: largest-contentful-paint'],
        [],
      ]),
    ).toEqual([
      'performance: largest-contentful-paint (2 of 3 runs)',
      'accessibility: target-size (1 of 3 runs)',
    ]);
  });
});

describe('the table', () => {
  const row = (name: string, shortfalls: string[]): AuditRow => ({
    page: { name, path: 'all/' },
    preset: 'desktop',
    median: perfect,
    runs: [perfect],
    shortfalls,
  });

  test('one row per page, with seconds, milliseconds and three-decimal layout shift', () => {
    expect(formatTable([row('all', [])]).split('\n')[2]).toBe(
      '| all (/all/) | desktop | 100 | 100 | 100 | 100 | 0.94 s | 1.21 s | 3 ms | 0.011 |',
    );
  });

  test('lists below the table what cost points, and says nothing when nothing did', () => {
    const table = formatTable([
      row('all', ['accessibility: target-size (1 of 3 runs)']),
      row('home', []),
    ]);
    expect(table).toContain(
      'Below 100 in some run:\n\n- desktop all: accessibility: target-size (1 of 3 runs)\n',
    );
    expect(table).not.toContain('desktop home:');
    expect(formatTable([row('home', [])])).not.toContain('Below 100');
  });

  test('the median of an even number of runs is the mean of the middle two', () => {
    expect(median([3, 1, 4, 2])).toBe(2.5);
    expect(median([0.9, 0.1, 0.5])).toBe(0.5);
  });
});
