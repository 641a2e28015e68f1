/**
 * What `npm run check` says about one paper file, called in this process: each message and hint a
 * contributor can meet for a field, a topic id or a file name, written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  bodyLine,
  checkPaperFile,
  closestTopic,
  type PaperContext,
} from '../../src/lib/check/paper.ts';
import { closestField } from '../../src/lib/paper/paper-file.ts';
import { dateMessage } from '../../src/lib/problems/zod.ts';
import { formatProblem } from '../../src/lib/problems/problem.ts';

const IDS = [
  'weight-penalties',
  'dropout-noise',
  'robustness',
  'sparsity-compression',
  'optimization',
  'optimal-transport',
  'reinforcement-learning',
];

const CONTEXT: PaperContext = {
  papersDir: 'content/papers',
  taxonomyFile: 'content/topics.yaml',
  topicIds: IDS,
  today: '2026-06-01',
};

const FIELDS =
  'title, date, dateText, authorCount, authors, upvotes, upvotesOn, comments, topics, autoTopics, arxiv, arxivCategory, doi, url, code, projectPage, venue, sources, added, notes';

/** A correct paper file with `extra` lines from line 5 on. */
function paper(extra = '', topics = ['weight-penalties']): string {
  const topicLines = topics.map((id) => `  - "${id}"\n`).join('');
  return `---\ntitle: "Weight Decay Revisited"\ntopics:\n${topicLines}${extra}added: "2026-01-05"\n---\nA long enough abstract about weight decay.\n`;
}

function problems(text: string, name = 'weight-decay.md', context = CONTEXT): string[] {
  return checkPaperFile({ name, text }, context).problems.map(formatProblem);
}

const F = 'content/papers/weight-decay.md';

describe('checkPaperFile on field values', () => {
  it('accepts a correct paper and returns its data', () => {
    const checked = checkPaperFile({ name: 'weight-decay.md', text: paper() }, CONTEXT);
    expect(checked.problems).toEqual([]);
    expect(checked.file).toBe(F);
    expect(checked.data?.title).toBe('Weight Decay Revisited');
  });

  it('says "must be at least" with the value written, for a count below its least value', () => {
    expect(problems(paper('upvotes: -1\n'))).toEqual([
      `${F}:5: upvotes: must be at least 0, not -1 (write a whole number, 0 or more)`,
    ]);
    expect(problems(paper('authorCount: 0\n'))).toEqual([
      `${F}:5: authorCount: must be at least 1, not 0 (write a whole number of at least 1)`,
    ]);
  });

  it('names the type expected in plain words, with the value as written', () => {
    expect(problems(paper('upvotes: many\n'))).toEqual([
      `${F}:5: upvotes: expected a number, not "many" (write a whole number, 0 or more)`,
    ]);
    expect(problems(paper('authors: "Ada Lovelace"\n'))).toEqual([
      `${F}:5: authors: expected a list, not "Ada Lovelace" (see the example in CONTRIBUTING.md)`,
    ]);
    expect(problems(paper('authors: [1]\n'))).toEqual([
      `${F}:5: authors: expected text in double quotes, not "1" (see the example in CONTRIBUTING.md)`,
    ]);
  });

  it('says a field written without a value has none', () => {
    expect(problems(paper('upvotes:\n'))).toEqual([
      `${F}:5: upvotes: has no value (write a whole number, 0 or more)`,
    ]);
  });

  it('tells a date that is no day of the calendar from one written another way', () => {
    const hint = '(write the date as "2024-06-11")';
    expect(problems(paper('date: "2024-02-30"\n'))).toEqual([
      `${F}:5: date: "2024-02-30" is not a day of the calendar ${hint}`,
    ]);
    expect(problems(paper("date: '2024-13-01'\n"))).toEqual([
      `${F}:5: date: "2024-13-01" is not a day of the calendar ${hint}`,
    ]);
    expect(problems(paper('date: June 11 # as printed\n'))).toEqual([
      `${F}:5: date: "June 11" is not an ISO date such as 2024-06-11 ${hint}`,
    ]);
  });

  it('reports every unknown field at its line, suggesting a known field only when one is near', () => {
    expect(problems(paper('author: ["Ada Lovelace"]\nTitle: "x"\nxyzzy: 1\n'))).toEqual([
      `${F}:5: author: unknown field (did you mean \`authors\`? The fields are: ${FIELDS})`,
      `${F}:6: Title: unknown field (did you mean \`title\`? The fields are: ${FIELDS})`,
      `${F}:7: xyzzy: unknown field (remove it, or use one of: ${FIELDS})`,
    ]);
  });

  it('reports a missing required field with the line to add', () => {
    const text =
      '---\ntitle: "Weight Decay Revisited"\ntopics:\n  - "weight-penalties"\n---\nA long enough abstract about weight decay.\n';
    expect(problems(text)).toEqual([
      `${F}:1: added: missing (add a line added: "YYYY-MM-DD" with the day the paper joins the list)`,
    ]);
  });
});

describe('checkPaperFile on topic ids', () => {
  it('suggests the id meant for a close spelling, and lists the file of ids otherwise', () => {
    expect(problems(paper('', ['weight-penalty', 'vision']))).toEqual([
      `${F}:3: topics: unknown topic id "weight-penalty" (did you mean "weight-penalties"? The ids are listed in content/topics.yaml)`,
      `${F}:3: topics: unknown topic id "vision" (use one of the ids listed in content/topics.yaml)`,
    ]);
  });

  it('reports an id listed twice, once', () => {
    expect(problems(paper('', ['robustness', 'robustness']))).toEqual([
      `${F}:3: topics: "robustness" is listed twice (list each topic once, the primary topic first)`,
    ]);
  });

  it('reports an empty topic list with how to let the rules choose', () => {
    const text = paper().replace('topics:\n  - "weight-penalties"\n', 'topics: []\n');
    expect(problems(text)).toEqual([
      `${F}:3: topics: no topics (list topic ids from content/topics.yaml, primary topic first, or empty the list and run \`npm run import\` to let the rules choose)`,
    ]);
  });

  it('checks nothing about ids when the taxonomy cannot be read', () => {
    expect(
      problems(paper('', ['vision']), 'weight-decay.md', { ...CONTEXT, topicIds: undefined }),
    ).toEqual([]);
  });

  it('names the record of automatic topics with its own hint', () => {
    expect(problems(paper('autoTopics: ["dropout", "dropout-noise"]\n'))).toEqual([
      `${F}:5: autoTopics: unknown topic id "dropout" (it records what the rules chose and is written by \`npm run import\`; delete the field to mark the topics as chosen by hand)`,
    ]);
  });
});

describe('closestTopic', () => {
  it.each([
    ['weight-penalty', 'weight-penalties'],
    ['robustnes', 'robustness'],
    ['sparsity', 'sparsity-compression'],
    ['transport', 'optimal-transport'],
    ['optimisation', 'optimization'],
  ])('offers "%s" → "%s"', (id, meant) => {
    expect(closestTopic(id, IDS)).toBe(meant);
  });

  it.each(['vision', 'rl', 'ot', 'generative', 'language-models'])(
    'offers nothing for "%s", which is close to no id',
    (id) => {
      expect(closestTopic(id, IDS)).toBeUndefined();
    },
  );

  it('offers an id that holds a short form of three letters or more, but not of two', () => {
    expect(closestTopic('opt', IDS)).toBe('optimization');
    // "op" sits inside "dropout-noise", which is not what was meant.
    expect(closestTopic('op', IDS)).toBeUndefined();
  });

  it('offers a spelling as far from the id as the limit allows, and no farther', () => {
    // Two letters left out of a word of eight: the limit for an id that short.
    expect(closestTopic('robstnss', IDS)).toBe('robustness');
    expect(closestTopic('rbstnss', IDS)).toBeUndefined();
  });

  it('offers the id listed first of two as near', () => {
    expect(closestTopic('dropit', ['dropout', 'droplet'])).toBe('dropout');
    expect(closestTopic('dropit', ['droplet', 'dropout'])).toBe('droplet');
  });

  it('prefers the nearest spelling, wherever it is listed', () => {
    expect(closestTopic('dropot', ['drop-it', 'dropout', 'dropouts'])).toBe('dropout');
    expect(closestTopic('ab', ['abc', 'xy'])).toBe('abc');
  });
});

describe('closestField', () => {
  it.each([
    ['author', 'authors'],
    ['Title', 'title'],
    ['upvote', 'upvotes'],
    ['arxivid', 'arxiv'],
    ['ADDED', 'added'],
  ])('offers `%s` → `%s`', (key, field) => {
    expect(closestField(key)).toBe(field);
  });

  it.each(['xyzzy', 'ab', 'keywords'])('offers nothing for `%s`', (key) => {
    expect(closestField(key)).toBeUndefined();
  });
});

describe('checkPaperFile on the file as a whole', () => {
  it('reports a byte-order mark and still checks the rest of the file', () => {
    expect(problems(`\uFEFF${paper('upvotes: -1\n')}`)).toEqual([
      `${F}:1: frontmatter: the file starts with an invisible byte-order mark (save the file as UTF-8 without BOM, so that its first line is exactly "---")`,
      `${F}:5: upvotes: must be at least 0, not -1 (write a whole number, 0 or more)`,
    ]);
  });

  it('reports frontmatter that is never closed, and nothing about an abstract it cannot find', () => {
    expect(problems('---\ntitle: "Weight Decay Revisited"\nadded: "2026-01-05"\n')).toEqual([
      `${F}:1: frontmatter: the frontmatter is never closed (end the fields with a line "---" and put the abstract below it)`,
    ]);
  });

  it('reports a file without frontmatter once, even when a rule "---" follows its text', () => {
    const missing = `${F}:1: frontmatter: missing frontmatter (start the file with a line "---", the fields, and another "---"; see CONTRIBUTING.md)`;
    const text = 'Weight decay is the oldest regularizer of neural networks.\n';
    expect(problems(text)).toEqual([missing]);
    expect(problems(`${text}---\nSee the appendix.\n`)).toEqual([missing]);
    // A whole paper pasted without frontmatter is not measured as an abstract.
    expect(problems(text.repeat(100))).toEqual([missing]);
  });

  it('counts the abstract without the blank lines around it, and with the break between its lines', () => {
    const sentence = 'Weight decay shrinks every weight towards zero at each step. ';
    const fiveThousand = sentence.repeat(82).slice(0, 5000);
    const withAbstract = (abstract: string): string =>
      paper().replace('A long enough abstract about weight decay.\n', abstract);
    expect(problems(withAbstract(`\n${fiveThousand}\n\n\n`))).toEqual([]);
    const twoLines = `${fiveThousand.slice(0, 2500)}\n${fiveThousand.slice(2500)}`;
    expect(problems(withAbstract(`${twoLines}\n`))).toEqual([
      `${F}:7: abstract: 5,001 characters, more than the limit of 5,000 (paste the abstract as published, without the paper body)`,
    ]);
  });

  it('suggests a slug from the file name when the title cannot be read', () => {
    expect(
      problems(
        '---\ntitle: 5\n---\nA long enough abstract about weight decay.\n',
        'dropout.mdx.md',
      ),
    ).toEqual([
      'content/papers/dropout.mdx.md:2: title: expected text in double quotes, not "5" (write the title in double quotes)',
      'content/papers/dropout.mdx.md:1: added: missing (add a line added: "YYYY-MM-DD" with the day the paper joins the list)',
      'content/papers/dropout.mdx.md:1: file name: "dropout.mdx.md" is not a well-formed slug (rename it to dropout-mdx.md: lower-case letters and digits joined by single hyphens, at most 80 characters before a -2, -3 suffix)',
    ]);
  });

  it('reports bytes that are not UTF-8 at their line', () => {
    const checked = checkPaperFile(
      { name: 'weight-decay.md', text: paper(), invalidUtf8Line: 7 },
      CONTEXT,
    );
    expect(checked.problems.map(formatProblem)).toEqual([
      `${F}:7: encoding: not valid UTF-8 (save the file as UTF-8; retype the characters on this line that show as \uFFFD or boxes)`,
    ]);
  });

  it('suggests the slug of the title for a file name that is not one', () => {
    expect(problems(paper(), 'Weight Decay.md')).toEqual([
      'content/papers/Weight Decay.md:1: file name: "Weight Decay.md" is not a well-formed slug (rename it to weight-decay-revisited.md: lower-case letters and digits joined by single hyphens, at most 80 characters before a -2, -3 suffix)',
    ]);
  });

  it('reports a name that Windows reserves for a device', () => {
    expect(problems(paper(), 'con.md')).toEqual([
      `content/papers/con.md:1: file name: "con.md" is a name Windows reserves for a device, so the repository cannot be checked out there (rename it to con-paper.md, or to the slug of the paper's title)`,
    ]);
  });
});

describe('bodyLine and dateMessage', () => {
  it('finds the first line of the abstract after blank lines, or the line after the frontmatter', () => {
    expect(bodyLine('---\ntitle: "x"\n---\n\n\nAbstract.\n')).toBe(6);
    expect(bodyLine('---\ntitle: "x"\n---\n')).toBe(4);
    // A line of spaces is blank too.
    expect(bodyLine('---\ntitle: "x"\n---\n   \nAbstract.\n')).toBe(5);
    expect(bodyLine('---\r\ntitle: "x"\r\n---\r\nAbstract.\r\n')).toBe(4);
  });

  it('tells a day missing from the calendar from a date written another way', () => {
    expect(dateMessage('2024-02-30')).toBe('"2024-02-30" is not a day of the calendar');
    expect(dateMessage('2024-6-1')).toBe('"2024-6-1" is not an ISO date such as 2024-06-11');
  });
});

describe('checkPaperFile in a corpus of its own', () => {
  const corpus: PaperContext = {
    ...CONTEXT,
    papersDir: 'corpus/papers',
    taxonomyFile: 'corpus/topics.yaml',
  };
  const W = 'corpus/papers/w.md';
  const check = (text: string): string[] =>
    checkPaperFile({ name: 'w.md', text }, corpus).problems.map(formatProblem);

  it('names characters no paper may hold, each at its line and column', () => {
    expect(check(paper().replace('A long', 'A\flong'))).toEqual([
      `${W}:7: text: control character U+000C (form feed) at column 2 (delete it: a paper file holds plain text, where only tabs and line breaks are allowed as control characters)`,
    ]);
    expect(check(paper('', ['weight-penalties']).replace('A long', 'A \uFFFE long'))).toEqual([
      `${W}:7: text: noncharacter U+FFFE at column 3 (delete it: it is not a character and usually means the text was decoded wrongly)`,
    ]);
    expect(check(paper().replace('A long', 'A \u202E long'))).toEqual([
      `${W}:7: text: invisible direction control U+202E (right-to-left override) at column 3 (delete it: direction marks are invisible and reorder the text around them; the site sets the direction itself)`,
    ]);
    expect(check(paper().replace('A long', 'A \uD800 long'))).toEqual([
      `${W}:7: text: half a character (a lone surrogate) U+D800 at column 3 (retype the character: half of it is missing)`,
    ]);
  });

  it('names the taxonomy of this corpus in the hints, not the real one', () => {
    expect(check(paper('', ['Weight Penalties']))).toEqual([
      `${W}:3: topics: expected a topic id such as weight-penalties (list topic ids from corpus/topics.yaml)`,
    ]);
  });

  it('still checks the fields that are right when another one is wrong', () => {
    expect(check(paper('upvotes: -1\n', ['weight-penalty']))).toEqual([
      `${W}:5: upvotes: must be at least 0, not -1 (write a whole number, 0 or more)`,
      `${W}:3: topics: unknown topic id "weight-penalty" (did you mean "weight-penalties"? The ids are listed in corpus/topics.yaml)`,
    ]);
    expect(check(paper('upvotes: -1\n').replace('"Weight Decay Revisited"', '"TBD"'))).toEqual([
      `${W}:5: upvotes: must be at least 0, not -1 (write a whole number, 0 or more)`,
      `${W}:2: title: placeholder "TBD" instead of the title (write the paper's title as published)`,
    ]);
  });
});
