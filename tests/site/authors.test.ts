import { describe, expect, it } from 'vitest';
import { authorsInBrief, initialled, upvotesText } from '../../src/lib/site/authors.ts';

describe('authors on the site', () => {
  it('initials given names, keeping particles, hyphens, suffixes and teams', () => {
    expect(initialled('Ana Ortiz')).toBe('A. Ortiz');
    expect(initialled('Jean-Luc van Dam')).toBe('J.-L. van Dam');
    expect(initialled('Martin Luther King Jr.')).toBe('M. L. King Jr.');
    expect(initialled('Google Brain Team')).toBe('Google Brain Team');
    expect(initialled('Inês Duarte')).toBe('I. Duarte');
  });

  it('lists up to three names, else two and et al., and et al. when names are missing', () => {
    expect(authorsInBrief({ authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor'] })).toBe(
      'A. Ortiz, B. Chen, C. Okafor',
    );
    expect(
      authorsInBrief({ authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor', 'Dana Weiss'] }),
    ).toBe('A. Ortiz, B. Chen, et al.');
    expect(authorsInBrief({ authors: ['Ana Ortiz'], authorCount: 4 })).toBe('A. Ortiz, et al.');
    expect(authorsInBrief({ authorCount: 4 })).toBeUndefined();
  });

  it('dates an upvote count read from the index, and names its source', () => {
    expect(upvotesText({ upvotes: 42, upvotesOn: '2026-12-06' })).toBe(
      '42 upvotes on Hugging Face, as of Dec 6, 2026',
    );
    expect(upvotesText({ upvotes: 1 })).toBe('1 upvote on Hugging Face');
    expect(upvotesText({})).toBeUndefined();
  });
});
