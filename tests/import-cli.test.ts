/**
 * `node scripts/import.ts` end to end, run the way `npm run import` runs it (from the repository
 * root, with the Node that runs the tests), always into temporary folders.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runScript, type Run } from './helpers/cli.ts';
import { describe, expect, it } from 'vitest';
import { listingFixturesDir, papersDir } from './helpers/paths.ts';
import { edit } from './helpers/papers.ts';
import { snapshotDir, useTempDirs } from './helpers/temp.ts';

function runImport(args: readonly string[]): Promise<Run> {
  return runScript('import.ts', args);
}

/** Copies fixture inputs into a fresh folder under the given names; returns their paths. */
async function listingFiles(
  dir: string,
  files: Readonly<Record<string, string>>,
): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, fixture] of Object.entries(files)) {
    const target = path.join(dir, name);
    await copyFile(path.join(listingFixturesDir, fixture, 'input.txt'), target);
    paths.push(target);
  }
  return paths;
}

const newTempDir = useTempDirs();

const REAL_LISTINGS = [
  ['2026-11-22-hf-papers-blocks.txt', 'blocks', 59],
  ['2026-11-22-hf-papers-one-per-line.txt', 'one-per-line', 83],
  ['2026-11-22-hf-papers-paragraphs.txt', 'paragraphs', 25],
  ['2026-11-22-hf-papers-title-abstract-lines.txt', 'title-abstract-lines', 201],
] as const;

describe('npm run import', () => {
  it('turns the real listings into exactly the committed paper files', async () => {
    const out = path.join(await newTempDir('import'), 'papers');
    const run = await runImport(['--out', out]);
    expect(run.code, run.stderr).toBe(0);
    for (const [file, layout, entries] of REAL_LISTINGS) {
      expect(run.stdout).toMatch(new RegExp(`^${file} \\(${layout}\\): ${entries} entries, `, 'm'));
    }
    expect(run.stdout).toContain(`wrote 323 new and 0 updated paper files to ${out}; 0 unchanged`);

    // Every paper file plus the hidden record of automatic topics, exactly as committed.
    const produced = (await readdir(out)).sort();
    const committed = (await readdir(papersDir)).sort();
    expect(produced.filter((name) => name.endsWith('.md'))).toHaveLength(323);
    expect(produced).toEqual(committed);
    const differing: string[] = [];
    for (const name of produced) {
      const [ours, theirs] = await Promise.all([
        readFile(path.join(out, name)),
        readFile(path.join(papersDir, name)),
      ]);
      if (!ours.equals(theirs)) differing.push(name);
    }
    expect(differing).toEqual([]);
  });

  it('writes nothing and changes no byte when run a second time', async () => {
    const out = path.join(await newTempDir('import-twice'), 'papers');
    expect((await runImport(['--out', out])).code).toBe(0);
    const before = await snapshotDir(out);

    const again = await runImport(['--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `wrote 0 new and 0 updated paper files to ${out}; 323 unchanged`,
    );
    expect(await snapshotDir(out)).toEqual(before);
  });

  it('keeps a hand edit made to a paper file when importing again', async () => {
    const out = path.join(await newTempDir('import-edit'), 'papers');
    expect((await runImport(['--out', out])).code).toBe(0);
    const file = path.join(
      out,
      '3d-mri-brain-tumor-segmentation-using-autoencoder-regularization.md',
    );
    const original = await readFile(file, 'utf8');
    const handTopics = original.replace(
      /^topics:.*\n(?: {2}- .*\n)*/m,
      'topics:\n  - "inverse-problems"\n  - "weight-penalties"\narxiv: "1810.11654"\n',
    );
    const edited = edit(
      edit(
        handTopics,
        'added: "2026-11-22"\n',
        'added: "2026-11-22"\nnotes: "Read the appendix."\n',
      ),
      'Automated segmentation of brain tumors',
      'Automatic segmentation of brain tumours',
    );
    expect(edited).toContain('arxiv: "1810.11654"');
    await writeFile(file, edited);

    const again = await runImport(['--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('wrote 0 new and 0 updated paper files');
    expect(await readFile(file, 'utf8')).toBe(edited);
  });

  it('moves an old shared topic record into the papers, byte for byte, and deletes it', async () => {
    const out = path.join(await newTempDir('import-legacy'), 'papers');
    expect((await runImport(['--out', out])).code).toBe(0);
    const migrated = await snapshotDir(out);
    // The folder as the previous version left it: no autoTopics, one shared record instead.
    const record: Record<string, string[]> = {};
    for (const [name, text] of migrated) {
      const block = /^autoTopics:\n((?: {2}- .*\n)+)/m.exec(text);
      if (block === null) continue;
      record[name.slice(0, -3)] = (block[1] ?? '')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line.slice(4)) as string);
      await writeFile(path.join(out, name), text.replace(block[0], ''));
    }
    expect(Object.keys(record)).toHaveLength(323);
    await writeFile(path.join(out, '.assigned-topics.json'), JSON.stringify(record));

    const run = await runImport(['--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'moved the automatic topics of 323 papers from .assigned-topics.json into their files',
    );
    expect(await snapshotDir(out)).toEqual(migrated);
  });

  it('writes nothing with --dry-run, yet reports what it would write', async () => {
    const out = path.join(await newTempDir('import-dry'), 'papers');
    const run = await runImport(['--dry-run', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `would write 323 new and 0 updated paper files to ${out}; 0 unchanged (dry run: nothing written)`,
    );
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a listing with a truncated entry, naming file and line, and writes nothing', async () => {
    const dir = await newTempDir('import-bad');
    const [good = '', bad = ''] = await listingFiles(dir, {
      '2026-01-01-good-paragraphs.txt': 'paragraphs',
      '2026-01-02-cut-blocks.txt': 'error-blocks-missing-date',
    });
    const out = path.join(dir, 'papers');
    await mkdir(out);

    const run = await runImport(['--out', out, good, bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:42: expected a date such as "Jun 11, 2024"`);
    expect(run.stderr).toContain('Nothing was written.');
    expect(run.stdout).toBe('');
    expect(await readdir(out)).toEqual([]);
  });

  it('prints its usage on --help, and exits 2 with it on an unknown option', async () => {
    const help = await runImport(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run import -- \[--out DIR\]/);
    const wrong = await runImport(['--outt', 'x']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^Unknown option '--outt'.*\n\nusage: npm run import -- /s);
  });

  it('refuses a broken retired file with each problem at its line and how to fix it', async () => {
    const dir = await newTempDir('import-retired');
    const [listing = ''] = await listingFiles(dir, { '2026-01-01-paragraphs.txt': 'paragraphs' });
    const retired = path.join(dir, 'retired.yaml');
    await writeFile(retired, '- slug: "a-paper"\n  reason: "Off topic."\n- slug: "b"\n');
    const out = path.join(dir, 'papers');
    const run = await runImport(['--out', out, '--retired', retired, listing]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      `${retired}:3: 1.reason: missing (each entry: slug or title, a reason, and optionally fields; see CONTRIBUTING.md)`,
      'Fix it (see CONTRIBUTING.md, "Retiring a paper"). Nothing was written.',
      '',
    ]);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves papers already in the folder untouched when a listing is bad', async () => {
    const dir = await newTempDir('import-bad-existing');
    const [good = '', bad = ''] = await listingFiles(dir, {
      '2026-01-01-good-paragraphs.txt': 'paragraphs',
      '2026-01-02-binary-blocks.txt': 'error-binary-nul',
    });
    const out = path.join(dir, 'papers');
    expect((await runImport(['--out', out, good])).code).toBe(0);
    const before = await snapshotDir(out);
    expect([...before.keys()].filter((name) => name.endsWith('.md'))).toHaveLength(3);

    const run = await runImport(['--out', out, good, bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:15: binary content (control character U+0000)`);
    expect(await snapshotDir(out)).toEqual(before);
  });

  it('dates listing dates printed without a year in the year given by --year', async () => {
    const dir = await newTempDir('import-year');
    const [listing = ''] = await listingFiles(dir, { '2026-01-01-blocks.txt': 'blocks' });
    const name = 'on-the-spectral-bias-of-weight-decay-in-overparameterised-regression.md';

    const plain = path.join(dir, 'plain');
    expect((await runImport(['--out', plain, listing])).code).toBe(0);
    expect(await readFile(path.join(plain, name), 'utf8')).toContain('\ndateText: "Mar 6"\n');

    const dated = path.join(dir, 'dated');
    expect((await runImport(['--year', '2025', '--out', dated, listing])).code).toBe(0);
    const text = await readFile(path.join(dated, name), 'utf8');
    expect(text).toContain('\ndate: "2025-03-06"\n');
    expect(text).not.toContain('dateText');
  });

  it('refuses --year without the listings it is for, writing nothing', async () => {
    const out = path.join(await newTempDir('import-year-all'), 'papers');
    const run = await runImport(['--year', '2017', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '--year applies only to the listings named on the command line; name the dump it is for',
    );
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lists with --dry-run every file it would change and the fields, and changes none', async () => {
    const dir = await newTempDir('import-dry-fields');
    const [listing = ''] = await listingFiles(dir, { '2026-01-01-blocks.txt': 'blocks' });
    const out = path.join(dir, 'papers');
    expect((await runImport(['--out', out, listing])).code).toBe(0);
    const before = await snapshotDir(out);
    const name = 'on-the-spectral-bias-of-weight-decay-in-overparameterised-regression.md';

    const run = await runImport(['--dry-run', '--year', '2025', '--out', out, listing]);
    expect(run.code, run.stderr).toBe(0);
    const changed = run.stdout.split('\n').filter((line) => line.startsWith('would update '));
    expect(changed).toContain(
      `would update ${path.join(out, name)}: date "2025-03-06"; dateText removed (was "Mar 6")`,
    );
    expect(changed).toHaveLength(
      [...before.values()].filter((text) => text.includes('dateText')).length,
    );
    expect(await snapshotDir(out)).toEqual(before);
  });

  it('refuses a --year that is not a four-digit year', async () => {
    const out = path.join(await newTempDir('import-bad-year'), 'papers');
    const run = await runImport(['--year', '25', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--year: expected a year such as 2025, got "25"');
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
