/**
 * Hostile content a pull request may bring: characters that break feeds or reorder text, values
 * beyond any plausible size or date, file names Windows cannot check out, links and devices in the
 * papers folder, and lines long enough to expose any pass that is not linear. Every one must be a
 * problem with file and line, never a crash or a hang.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/lib/check/corpus.ts';
import { dateTextProblem, isWindowsReserved, LIMITS } from '../../src/lib/check/limits.ts';
import { checkPaperFile } from '../../src/lib/check/paper.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems/problem.ts';
import {
  checkPapersFolder,
  ContentFolderError,
  explainLoadError,
} from '../../src/lib/paper/content-folder.ts';
import { findForbiddenCharacters, invalidUtf8Line } from '../../src/lib/paper/text-safety.ts';
import { paperFieldOrder } from '../../src/lib/paper/schema.ts';
import { repoRoot } from '../helpers/paths.ts';
import { runScript } from '../helpers/cli.ts';
import { useTempDirs } from '../helpers/temp.ts';

const TAXONOMY = readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8');
const TODAY = '2026-12-01';
const CONTEXT = {
  papersDir: 'content/papers',
  taxonomyFile: 'content/topics.yaml',
  topicIds: ['weight-penalties', 'dropout-noise', 'optimization'],
  today: TODAY,
};
const ABSTRACT = 'We study weight decay in deep networks and find that it helps.';

function paper(fields: string, abstract = ABSTRACT): string {
  return `---\ntitle: "Weight Decay Revisited"\ntopics:\n  - "weight-penalties"\n${fields}added: "2026-11-22"\n---\n${abstract}\n`;
}

function problems(text: string, name = 'weight-decay-revisited.md'): string[] {
  return sortProblems(checkPaperFile({ name, text }, CONTEXT).problems).map(formatProblem);
}

const newTempDir = useTempDirs();

describe('characters a paper file may not contain', () => {
  it.each([
    ['U+0001', '\u0001', 'control character U+0001'],
    ['NUL', '\u0000', 'control character U+0000 (NUL)'],
    ['form feed', '\f', 'control character U+000C (form feed)'],
    ['a lone carriage return', '\r', 'control character U+000D (carriage return)'],
    ['a C1 control', '\u0085', 'control character U+0085 (next line)'],
    ['U+FFFE', '\uFFFE', 'noncharacter U+FFFE'],
    ['U+FDD0', '\uFDD0', 'noncharacter U+FDD0'],
    ['a plane-16 noncharacter', '\u{10FFFF}', 'noncharacter U+10FFFF'],
    [
      'a right-to-left override',
      '\u202E',
      'invisible direction control U+202E (right-to-left override)',
    ],
    [
      'a first strong isolate',
      '\u2068',
      'invisible direction control U+2068 (first strong isolate)',
    ],
    ['a lone surrogate', '\uD800', 'half a character (a lone surrogate) U+D800'],
  ])('rejects %s with file, line and column', (_, char, message) => {
    const text = paper('', `We study weight decay ${char}in deep networks and find it helps.`);
    expect(problems(text)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^content/papers/weight-decay-revisited\\.md:7: text: ${message.replace(/[()+]/g, '\\$&')} at column 23 \\(`,
        ),
      ),
    );
  });

  it('accepts tabs, line breaks, CRLF line endings and ordinary non-ASCII text', () => {
    const text = paper('notes: "Über α-Entmax — 日本語\\t…"\n').replaceAll('\n', '\r\n');
    expect(problems(text)).toEqual([]);
  });

  it('names one problem per line and the line of each', () => {
    const text = paper(
      'venue: "ICLR\u202E 2019\u202E"\n',
      `First\f line.\nSecond \u0001 line, long enough.`,
    );
    expect(findForbiddenCharacters(text).map(({ line, code }) => [line, code])).toEqual([
      [5, 0x202e],
      [8, 0x0c],
      [9, 0x01],
    ]);
  });

  it('finds the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: "A"\n'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ]);
    expect(invalidUtf8Line(bytes)).toBe(3);
    expect(invalidUtf8Line(Buffer.from('---\ntitle: "Ü"\n'))).toBeUndefined();
  });

  it('reports bytes that are not UTF-8 at their line, through npm run check', async () => {
    const dir = await newTempDir('check-utf8');
    await mkdir(path.join(dir, 'papers'));
    await writeFile(path.join(dir, 'topics.yaml'), TAXONOMY);
    const bytes = Buffer.from(paper('', `${ABSTRACT} caf\u00e9`), 'utf8');
    // Latin-1 é where UTF-8 was expected.
    const latin1 = Buffer.concat([bytes.subarray(0, bytes.length - 3), Buffer.from([0xe9, 0x0a])]);
    await writeFile(path.join(dir, 'papers', 'weight-decay-revisited.md'), latin1);
    const run = await runScript('check.ts', [dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${dir}/papers/weight-decay-revisited.md:7: encoding: not valid UTF-8 (save the file as UTF-8`,
    );
  });
});

describe('size and plausibility limits', () => {
  it.each([
    [
      'a title over the limit',
      paper('').replace('Weight Decay Revisited', 'W'.repeat(LIMITS.title + 1)),
      `:2: title: 301 characters, more than the limit of 300 (shorten it to at most 300 characters)`,
    ],
    [
      'an abstract over the limit',
      paper('', 'a '.repeat(3000).trim()),
      ':7: abstract: 5,999 characters, more than the limit of 5,000 (paste the abstract as published, without the paper body)',
    ],
    [
      'a year before 1900',
      paper('date: "1899-12-31"\n'),
      ':5: date: the year 1899 is outside 1900 to 2027 (give the publication date as YYYY-MM-DD)',
    ],
    [
      'a year after next year',
      paper('date: "2028-01-01"\n'),
      ':5: date: the year 2028 is outside 1900 to 2027 (give the publication date as YYYY-MM-DD)',
    ],
    [
      '`added` in the future',
      paper('').replace('added: "2026-11-22"', 'added: "2999-01-01"'),
      ':5: added: "2999-01-01" is in the future (today is 2026-12-01) (write the day the paper joins the list, usually today)',
    ],
    [
      'a dateText that is no day',
      paper('dateText: "Feb 30"\n'),
      ':5: dateText: Feb has no day 30 (Feb has 29 days) (write the month and day as printed, such as "Mar 6")',
    ],
    [
      'a dateText that is no month',
      paper('dateText: "Foo 3"\n'),
      ':5: dateText: "Foo" is not a month (write Jan, Feb, Mar … Dec) (write the month and day as printed, such as "Mar 6")',
    ],
  ])('reports %s with its line and the limit', (_, text, expected) => {
    expect(problems(text)).toEqual([`content/papers/weight-decay-revisited.md${expected}`]);
  });

  it('accepts February 29th without a year, and today as the day added', () => {
    expect(dateTextProblem('Feb 29')).toBeUndefined();
    expect(problems(paper('dateText: "Feb 29"\n').replace('2026-11-22', TODAY))).toEqual([]);
  });

  it.each(['nul.md', 'con.md', 'aux.md', 'com1.md', 'lpt9.md', 'prn.md'])(
    'rejects the Windows device name %s',
    (name) => {
      expect(isWindowsReserved(name)).toBe(true);
      expect(problems(paper(''), name)).toEqual([
        `content/papers/${name}:1: file name: "${name}" is a name Windows reserves for a device, so the repository cannot be checked out there (rename it to ${name.slice(0, -3)}-paper.md, or to the slug of the paper's title)`,
      ]);
    },
  );

  it('accepts names that only start like a device name', () => {
    expect(isWindowsReserved('console.md')).toBe(false);
    expect(isWindowsReserved('null-space-regularization.md')).toBe(false);
  });
});

describe('every pass is linear', () => {
  // A correctness test with a generous bound: the quadratic pattern took 28.8 s on 300 KB.
  it.each([
    // A title continued on a second line of 5 MB without a colon, in a file missing `added`: the
    // schema fails, so every line is searched for its key.
    [
      'a frontmatter line of 5 MB without a colon',
      `---\ntitle: "Weight\nx${' '.repeat(5_000_000)}y"\ntopics:\n  - "optimization"\n---\n${ABSTRACT}\n`,
    ],
    ['a field value of 5 MB with inner spaces', paper(`venue: x${' '.repeat(5_000_000)}y\n`)],
    [
      'an abstract line of 5 MB full of control characters',
      paper('', `${ABSTRACT}${'\f '.repeat(2_500_000)}`),
    ],
  ])('checks %s in well under a second per megabyte', (_, text) => {
    const started = performance.now();
    const found = checkPaperFile({ name: 'long.md', text }, CONTEXT).problems;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('links and special files in the papers folder', () => {
  async function corpusWith(make: (papers: string) => Promise<void>): Promise<string> {
    const dir = await newTempDir('check-links');
    const papers = path.join(dir, 'papers');
    await mkdir(papers);
    await writeFile(path.join(dir, 'topics.yaml'), TAXONOMY);
    await writeFile(path.join(papers, 'weight-decay-revisited.md'), paper(''));
    await make(papers);
    return dir;
  }

  it.each([
    [
      'a dangling link',
      (papers: string) => symlink('missing.md', path.join(papers, 'dangling.md')),
    ],
    ['a link to /dev/zero', (papers: string) => symlink('/dev/zero', path.join(papers, 'zero.md'))],
    ['a link to a folder', (papers: string) => symlink('/etc', path.join(papers, 'etc.md'))],
    [
      'a link to a file outside',
      (papers: string) => symlink('/etc/hostname', path.join(papers, 'outside.md')),
    ],
  ])('npm run check reports %s without following it', async (_, make) => {
    const dir = await corpusWith(make);
    const run = await runScript('check.ts', [dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /\/papers\/\w+\.md:1: file name: a symbolic link, which neither the checker nor the site follows \(put the paper file itself here, not a link to it\)\n1 problem in 1 file/,
    );
  });

  it('npm run check reports a named pipe instead of waiting on it', async () => {
    const dir = await corpusWith((papers) => {
      execFileSync('mkfifo', [path.join(papers, 'pipe.md')]);
      return Promise.resolve();
    });
    const run = await runScript('check.ts', [dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('/papers/pipe.md:1: file name: not a regular file');
  });

  it('the build refuses a link in the papers folder, and an empty folder, in one sentence', async () => {
    const dir = await corpusWith((papers) =>
      symlink('/etc/hostname', path.join(papers, 'outside.md')),
    );
    const papers = path.join(dir, 'papers');
    await expect(checkPapersFolder(papers, 'content/papers')).rejects.toThrow(
      'content/papers/outside.md: a symbolic link, which the site does not follow; put the paper file itself there (run `npm run check` to see every problem of the content)',
    );
    const empty = await newTempDir('build-empty');
    await expect(checkPapersFolder(empty, 'content/papers')).rejects.toThrow(
      /^no papers: content\/papers has no paper files \(\*\.md\), so there is no site to build/,
    );
    await expect(
      checkPapersFolder(path.join(empty, 'absent'), 'content/papers'),
    ).rejects.toBeInstanceOf(ContentFolderError);
  });

  it('the build names the file and line of a frontmatter that is not YAML, and npm run check', async () => {
    const dir = await corpusWith((papers) =>
      writeFile(
        path.join(papers, 'broken.md'),
        '---\ntitle: "A"\n  added: "2026-11-22"\n---\nText.\n',
      ),
    );
    const explained = await explainLoadError(
      path.join(dir, 'papers'),
      'content/papers',
      new Error('YAMLException'),
    );
    expect(String(explained)).toMatch(
      /^ContentFolderError: content\/papers\/broken\.md:3: invalid YAML: bad indentation of a mapping entry \(start every field at the beginning of its line.*\); run `npm run check` to see every problem of the content$/,
    );
  });
});

describe('npm run check reports every problem of a file in one run', () => {
  it('reports the repeated topic even while the date is wrong', () => {
    const text = paper('date: "2024-02-30"\n').replace(
      'topics:\n  - "weight-penalties"\n',
      'topics:\n  - "weight-penalties"\n  - "weight-penalties"\n',
    );
    expect(problems(text)).toEqual([
      'content/papers/weight-decay-revisited.md:3: topics: "weight-penalties" is listed twice (list each topic once, the primary topic first)',
      'content/papers/weight-decay-revisited.md:6: date: "2024-02-30" is not a day of the calendar (write the date as "2024-06-11")',
    ]);
  });

  it('suggests `authors` for `author`', () => {
    expect(problems(paper('author:\n  - "Ilya Loshchilov"\n'))).toEqual([
      `content/papers/weight-decay-revisited.md:5: author: unknown field (did you mean \`authors\`? The fields are: ${paperFieldOrder.join(', ')})`,
    ]);
  });

  it('gives an indentation hint for bad indentation, and the quoting hint for a colon', () => {
    const indented = paper('').replace('added:', '  added:');
    expect(problems(indented)[0]).toContain(
      'invalid YAML: bad indentation of a mapping entry (start every field at the beginning of its line',
    );
    const colon = paper('').replace('"Weight Decay Revisited"', 'Dropout: A Title');
    expect(problems(colon)[0]).toContain(
      '(write the value in double quotes: a colon followed by a space starts a new field)',
    );
  });

  it('reports a near-duplicate on the file added last, naming the one already listed', () => {
    const report = checkCorpus({
      papersDir: 'content/papers',
      taxonomyFile: 'content/topics.yaml',
      taxonomyText: TAXONOMY,
      today: TODAY,
      papers: [
        {
          name: 'a-weight-decay-revisited.md',
          text: paper('').replace('2026-11-22', '2026-11-30').replace('Revisited', 'Revisted'),
        },
        { name: 'weight-decay-revisited.md', text: paper('') },
      ],
    });
    expect(report.problems.map(formatProblem)).toEqual([
      'content/papers/a-weight-decay-revisited.md:2: title: nearly the same title as content/papers/weight-decay-revisited.md (if it is the same paper, keep one file and delete the other; if not, give both files their arXiv ids)',
    ]);
  });
});
