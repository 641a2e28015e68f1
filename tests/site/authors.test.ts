import { describe, expect, it } from 'vitest';
import { upvotesText } from '../../src/lib/site/authors.ts';

describe('authors on the site', () => {
  it('dates an upvote count read from the index, and names its source', () => {
    expect(upvotesText({ upvotes: 42, upvotesOn: '2026-12-06' })).toBe(
      '42 upvotes on Hugging Face, as of Dec 6, 2026',
    );
    expect(upvotesText({ upvotes: 1 })).toBe('1 upvote on Hugging Face');
    expect(upvotesText({})).toBeUndefined();
  });
});
