/**
 * The four listing layouts on small hand-written listings: how each is recognised, what a saved
 * file may add around the entries (a final newline, page furniture), and the message and hint of
 * every refusal a contributor can meet while importing.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, parseListing, type ParseOptions } from '../../src/lib/listing/parse.ts';
import { ProblemError, type Problem } from '../../src/lib/problems/problem.ts';

const TITLE = 'Lattice Dropout: Structured Noise for Feature Maps';
const ABSTRACT = 'Dropout on feature maps removes too little. We drop whole sublattices.';

/** The header a Daily Papers search page prints above its results. */
const HEADER = [
  'new',
  '',
  'Get trending papers in your email inbox!',
  '',
  'Get trending papers in your email inbox once a day!',
  '',
  'Subscribe',
  '',
  'Daily Papers',
  '',
  'byAK and the research community',
  '',
  'Oct 28',
  '',
];

/** The one problem a refused listing is refused for. */
function errorOf(text: string, options?: ParseOptions): Problem {
  try {
    parseListing(text, options);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    if (problem !== undefined) return problem;
  }
  throw new Error('the listing was accepted');
}

function block(title: string, abstract: string, authors: string, date: string): string[] {
  return [title, '', abstract, '', authors, '·', date, ''];
}

describe('blocks listings', () => {
  it('reads entries after the page header, with and without upvotes and a year', () => {
    const text = [
      ...HEADER,
      ...block(TITLE, ABSTRACT, '  • 4 authors', 'Jun 11, 2024 17'),
      ...block('Spectral Weight Decay', 'Weight decay filters directions.', '• 1 author', 'Mar 6'),
    ].join('\n');
    expect(parseListing(text, { year: 2025 })).toEqual({
      layout: 'blocks',
      entries: [
        {
          title: TITLE,
          abstract: ABSTRACT,
          line: 15,
          authorCount: 4,
          upvotes: 17,
          date: '2024-06-11',
        },
        {
          title: 'Spectral Weight Decay',
          abstract: 'Weight decay filters directions.',
          line: 23,
          authorCount: 1,
          date: '2025-03-06',
        },
      ],
    });
  });

  it('keeps a date without a year as printed when no year is given', () => {
    const text = block(TITLE, ABSTRACT, '• 2 authors', 'Mar 6').join('\n');
    expect(parseListing(text).entries).toEqual([
      { title: TITLE, abstract: ABSTRACT, line: 1, authorCount: 2, dateText: 'Mar 6' },
    ]);
  });

  it.each([
    ['an author line', '• 3 authors'],
    ['a lone "·"', '·'],
    ['a date', 'Jun 11, 2024'],
  ])('refuses %s where a title should be, at its line', (_, line) => {
    const text = [...block(TITLE, ABSTRACT, '• 2 authors', 'Mar 6'), line].join('\n');
    const error = errorOf(text);
    expect(error.line).toBe(9);
    expect(error.message).toBe(`expected a title line, found "${line}"`);
    expect(error.hint).toBe(
      'each entry is a title, its abstract, "• N authors", "·" and a date, as on the page',
    );
  });

  it('names the missing author line, "·" line and date of a cut-off entry', () => {
    const hint =
      'each entry is a title, its abstract, "• N authors", "·" and a date, as on the page';
    const noAuthors = errorOf([TITLE, ABSTRACT, '·', 'Mar 6', '• 2 authors'].join('\n'));
    expect([noAuthors.line, noAuthors.message, noAuthors.hint]).toEqual([
      3,
      `expected "• N authors" after the abstract of "${TITLE}"`,
      hint,
    ]);
    const noDot = errorOf([TITLE, ABSTRACT, '• 2 authors', 'Mar 6'].join('\n'));
    expect([noDot.line, noDot.message]).toEqual([4, 'expected a line "·" after the author count']);
    const noDate = errorOf([TITLE, ABSTRACT, '• 2 authors', '·'].join('\n'));
    expect([noDate.line, noDate.message]).toEqual([
      4,
      `expected a date such as "Jun 11, 2024" after the "·" line of "${TITLE}"`,
    ]);
    const badDate = errorOf([TITLE, ABSTRACT, '• 2 authors', '·', 'Feb 30, 2024'].join('\n'));
    expect([badDate.line, badDate.message, badDate.hint]).toEqual([
      5,
      'expected a real date, found "Feb 30, 2024"',
      'write the date as Jun 11, 2024',
    ]);
    const noAbstract = errorOf([TITLE, '• 2 authors', '·', 'Mar 6'].join('\n'));
    expect([noAbstract.line, noAbstract.message]).toEqual([
      2,
      `expected the abstract of "${TITLE}"`,
    ]);
  });

  it('reads an author line with or without a space after the bullet', () => {
    const text = block(TITLE, ABSTRACT, '•3 authors', 'Mar 6, 2025').join('\n');
    expect(parseListing(text).entries[0]).toMatchObject({ authorCount: 3, date: '2025-03-06' });
  });

  it.each(['Posted Jun 11, 2024', 'Jun 11, 2024 17 comments'])(
    'refuses the date line "%s", which holds more than a date and upvotes',
    (line) => {
      const error = errorOf(block(TITLE, ABSTRACT, '• 2 authors', line).join('\n'));
      expect([error.line, error.message]).toEqual([
        7,
        `expected a date such as "Jun 11, 2024" after the "·" line of "${TITLE}"`,
      ]);
    },
  );

  it('reports an author count glued to the end of the abstract as a missing author line', () => {
    const text = [
      ...block(TITLE, ABSTRACT, '• 2 authors', 'Mar 6'),
      'Spectral Weight Decay',
      'Weight decay filters directions. • 1 author',
      '·',
      'Mar 6',
    ].join('\n');
    const error = errorOf(text);
    expect([error.line, error.message]).toEqual([
      11,
      'expected "• N authors" after the abstract of "Spectral Weight Decay"',
    ]);
  });

  it('refuses a second page header where a title should be', () => {
    const text = [...block(TITLE, ABSTRACT, '• 2 authors', 'Mar 6'), ...HEADER].join('\n');
    const error = errorOf(text);
    expect(error.line).toBe(9);
    expect(error.message).toBe('expected a title line, found the page furniture "new"');
    expect(error.hint).toBe(
      'a second search page seems to start here; save each listing as a file of its own',
    );
  });

  it('accepts a title of 300 characters and refuses one of 301 as an abstract without a title', () => {
    const accepted = 'T'.repeat(300);
    expect(
      parseListing(block(accepted, ABSTRACT, '• 2 authors', 'Mar 6').join('\n')).entries[0]?.title,
    ).toBe(accepted);
    const error = errorOf(block('T'.repeat(301), ABSTRACT, '• 2 authors', 'Mar 6').join('\n'));
    expect(error.line).toBe(1);
    expect(error.message).toBe('expected a title line, found 301 characters of text');
    expect(error.hint).toBe(
      'an abstract seems to have no title before it; add the title on its own line above it',
    );
  });
});

describe('one-line listings', () => {
  const entry = `12 ${TITLE} ${ABSTRACT} 4 authors · Jun 11, 2024`;
  const expected = {
    title: TITLE,
    abstract: ABSTRACT,
    line: 1,
    authorCount: 4,
    upvotes: 12,
    date: '2024-06-11',
    titleSplit: 'rule',
  };

  it('reads a listing of one entry saved with a final newline', () => {
    expect(parseListing(`${entry}\n`)).toEqual({ layout: 'one-per-line', entries: [expected] });
    expect(parseListing(`${entry}\n\n\n`).entries).toEqual([expected]);
  });

  it('reads "-" as no upvotes, a trailing number as comments, and skips blank lines', () => {
    const text = `\n${entry}\n\n- Mixup Helps We show that mixup helps. 1 author · Mar 3, 2025 7\n`;
    expect(parseListing(text).entries).toEqual([
      { ...expected, line: 2 },
      {
        title: 'Mixup Helps',
        abstract: 'We show that mixup helps.',
        line: 4,
        authorCount: 1,
        upvotes: 0,
        comments: 7,
        date: '2025-03-03',
        titleSplit: 'rule',
      },
    ]);
  });

  it('reads one-line entries below the page header, with counts of two digits', () => {
    const text = [...HEADER, `112 ${TITLE} ${ABSTRACT} 12 authors · Jun 11, 2024 15`].join('\n');
    expect(parseListing(text)).toEqual({
      layout: 'one-per-line',
      entries: [{ ...expected, line: 15, upvotes: 112, authorCount: 12, comments: 15 }],
    });
  });

  it.each([
    ['text before the upvotes', `Upvoted 12 ${TITLE} ${ABSTRACT} 4 authors · Jun 11, 2024`],
    ['text after the date', `12 ${TITLE} ${ABSTRACT} 4 authors · Jun 11, 2024 5 comments`],
  ])('refuses a one-line entry with %s, at its line', (_, line) => {
    const error = errorOf(`${entry}\n${line}`);
    expect([error.line, error.message]).toEqual([
      2,
      'expected an entry "UPVOTES TITLE ABSTRACT N authors · Mon D, YYYY" on one line',
    ]);
  });

  it('keeps two spaces between title and abstract out of both', () => {
    const text = `12 ${TITLE}  ${ABSTRACT} 4 authors · Jun 11, 2024`;
    expect(parseListing(text).entries).toEqual([expected]);
    const known = parseListing(text, {
      knownTitle: (t) => (t.startsWith(TITLE) ? TITLE : undefined),
    }).entries;
    expect(known).toEqual([{ ...expected, titleSplit: 'known' }]);
  });

  it('refuses a cut-off entry whose known title has no abstract after it', () => {
    const text = `${entry}\n7 ${TITLE}  3 authors · Apr 2, 2024`;
    const error = errorOf(text, { knownTitle: (t) => (t.startsWith(TITLE) ? TITLE : undefined) });
    expect(error.line).toBe(2);
    expect(error.message).toBe(`expected an abstract after the title "${TITLE}"`);
    expect(error.hint).toBe('the entry is cut off; add its abstract');
  });

  it('uses a known title only when the text goes on after it', () => {
    // The known title is longer than the entry's text, so the rule decides.
    const text = `3 Mixup Helps We show that mixup helps. 1 author · Mar 3, 2025`;
    const entries = parseListing(text, {
      knownTitle: () => 'Mixup Helps We show that mixup helps. And more',
    }).entries;
    expect(entries[0]).toMatchObject({ title: 'Mixup Helps', titleSplit: 'rule' });
  });

  it('refuses a line of another layout inside a one-line listing, at its line', () => {
    const error = errorOf(`${entry}\n${TITLE}`);
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'expected an entry "UPVOTES TITLE ABSTRACT N authors · Mon D, YYYY" on one line',
    );
    expect(error.hint).toBe(
      'one-line listings hold one paper per line; is the line cut off, or from another layout?',
    );
  });

  it('explains how to add an entry whose title the rule cannot find', () => {
    const error = errorOf('4 Only Title Case Words Here Forever 3 authors · Apr 2, 2024');
    expect(error.hint).toBe(
      'no word reads as the start of an abstract; add the paper with its title on its own line instead',
    );
  });
});

describe('paragraphs and title-abstract-lines listings', () => {
  it('tells the two unmarked layouts apart by the blank line after the first title', () => {
    const paragraphs = [...HEADER, TITLE, '', ABSTRACT, '', 'Second Title', '', 'Second.'].join(
      '\n',
    );
    const lines = [...HEADER, TITLE, ABSTRACT, 'Second Title', 'Second.'].join('\n');
    expect(detectLayout(paragraphs)).toBe('paragraphs');
    expect(detectLayout(lines)).toBe('title-abstract-lines');
    expect(parseListing(paragraphs).entries).toEqual([
      { title: TITLE, abstract: ABSTRACT, line: 15 },
      { title: 'Second Title', abstract: 'Second.', line: 19 },
    ]);
    expect(parseListing(`${lines}\n`).entries).toEqual([
      { title: TITLE, abstract: ABSTRACT, line: 15 },
      { title: 'Second Title', abstract: 'Second.', line: 17 },
    ]);
  });

  it('reads a title glued to "Subscribe" as the first title', () => {
    const text = ['Get trending papers in your email inbox!', `Subscribe${TITLE}`, ABSTRACT].join(
      '\n',
    );
    expect(parseListing(text)).toEqual({
      layout: 'title-abstract-lines',
      entries: [{ title: TITLE, abstract: ABSTRACT, line: 2 }],
    });
  });

  it('refuses text with no entry marks and no page header, at its first line', () => {
    const error = errorOf(['', 'root:x:0:0:root:/root:/bin/bash', 'daemon:x:1:1'].join('\n'));
    expect(error.line).toBe(2);
    expect(error.message).toContain('unrecognised layout');
    expect(error.hint).toBe(
      'save the search page as text from its very top, header included; content/sources/README.md shows the four layouts',
    );
  });

  it('refuses a file of page furniture alone, at its last line', () => {
    const error = errorOf(HEADER.join('\n'));
    expect(error.line).toBe(HEADER.length);
    expect(error.message).toBe(
      'no paper entries found (the file is empty or holds only page furniture)',
    );
    expect(error.hint).toBe('paste the listing of a search results page, entries included');
  });

  it('refuses a line break inside a paragraph, at the broken line', () => {
    const text = [...HEADER, TITLE, '', 'Dropout on feature maps', 'removes too little.'].join(
      '\n',
    );
    const error = errorOf(text);
    expect(error.line).toBe(18);
    expect(error.message).toBe('expected a blank line between a title and its abstract');
    expect(error.hint).toBe(
      'this listing separates every title and abstract by a blank line; a line break may have split a paragraph',
    );
  });

  it('refuses a title without an abstract at the end of a paragraphs listing', () => {
    const error = errorOf([...HEADER, TITLE, '', ABSTRACT, '', 'Cut Off Title', ''].join('\n'));
    expect(error.line).toBe(19);
    expect(error.message).toBe('expected an abstract after the title "Cut Off Title"');
    expect(error.hint).toBe('the entry is cut off; add its abstract');
  });

  it('reads a paragraphs listing whose first title follows the header with no blank line', () => {
    const text = ['Daily Papers', TITLE, '', ABSTRACT].join('\n');
    expect(parseListing(text)).toEqual({
      layout: 'paragraphs',
      entries: [{ title: TITLE, abstract: ABSTRACT, line: 2 }],
    });
  });

  it('reads a file that starts with a title glued to "Subscribe", with no header above it', () => {
    expect(parseListing([`Subscribe${TITLE}`, ABSTRACT].join('\n'))).toEqual({
      layout: 'title-abstract-lines',
      entries: [{ title: TITLE, abstract: ABSTRACT, line: 1 }],
    });
  });

  it('takes "Subscribe" off the first line only, and only at its start', () => {
    const text = [
      'Subscribe',
      'Predicting Subscriber Churn Under Label Noise',
      ABSTRACT,
      'Subscriber Retention Models with Mixup',
      'Second.',
    ].join('\n');
    expect(parseListing(text).entries.map((entry) => entry.title)).toEqual([
      'Predicting Subscriber Churn Under Label Noise',
      'Subscriber Retention Models with Mixup',
    ]);
  });

  it('refuses a blank line between entries of a title-abstract-lines listing', () => {
    const text = ['Subscribe', TITLE, ABSTRACT, '', 'Second Title', 'Second.'].join('\n');
    const error = errorOf(text);
    expect(error.line).toBe(4);
    expect(error.message).toBe(
      'expected a title or abstract line (this layout has no blank lines between entries)',
    );
    expect(error.hint).toBe(
      'remove the blank line, or check whether two listings were pasted into one file',
    );
  });
});
