/**
 * `npm run import` on bad, odd and hostile listings (tests/fixtures/bad-input/): it imports exactly
 * the right papers, or exits with status 1 and one `file:line: …` message naming the right line.
 * It never crashes, never changes a paper already in the folder when it refuses, and never leaves
 * a temporary file. The golden fixtures of tests/fixtures/listings/ are read by the parser itself
 * (tests/listing/fixtures.test.ts), which the command runs on every listing the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, type ExpectStatic } from 'vitest';
import { z } from 'zod';
import { serializePaper } from '../../src/lib/paper/paper-file.ts';
import {
  crashSigns,
  paperFiles,
  readValidPaper,
  runImport,
  temporaryFiles,
  useTempRoot,
} from './helpers.ts';

const BAD_INPUT_DIR = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url));

const expansion = z.strictObject({ sentence: z.string().min(1), count: z.int().min(1) });
const expectedPaper = z.strictObject({
  file: z.string().regex(/^[a-z0-9-]+\.md$/),
  title: z.string().min(1),
  abstract: z.string().min(1),
  fields: z.record(z.string(), z.unknown()).optional(),
});
const expectedCase = z.union([
  z.strictObject({
    description: z.string().min(1),
    expand: z.record(z.string(), expansion).optional(),
    papers: z.array(expectedPaper).min(1),
    stdout: z.array(z.string()).optional(),
  }),
  z.strictObject({
    description: z.string().min(1),
    expand: z.record(z.string(), expansion).optional(),
    error: z.strictObject({
      file: z.string().min(1),
      line: z.int().min(1),
      messageContains: z.string().min(1),
    }),
  }),
]);

type Expected =
  | { papers: z.infer<typeof expectedPaper>[]; stdout?: string[] | undefined }
  | { error: { file: string; line: number; messageContains: string } };

interface Case {
  name: string;
  /** Listing files to import together, in this order. */
  inputs: { name: string; bytes: Uint8Array }[];
  expected: Expected;
}

/** `text` with each placeholder replaced by its sentence repeated `count` times. */
function expand(text: string, expand: Record<string, z.infer<typeof expansion>>): string {
  let out = text;
  for (const [placeholder, { sentence, count }] of Object.entries(expand)) {
    out = out.split(placeholder).join(Array.from({ length: count }, () => sentence).join(' '));
  }
  return out;
}

/** The cases of tests/fixtures/bad-input/, placeholders expanded. */
function badInputCases(): Case[] {
  return readdirSync(BAD_INPUT_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = path.join(BAD_INPUT_DIR, name);
      const json: unknown = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'));
      const parsed = expectedCase.parse(json);
      const placeholders = parsed.expand ?? {};
      const inputs = readdirSync(folder)
        .filter((file) => file.endsWith('.txt'))
        .sort()
        .map((file) => {
          const bytes = new Uint8Array(readFileSync(path.join(folder, file)));
          if (Object.keys(placeholders).length === 0) return { name: file, bytes };
          const text = expand(new TextDecoder().decode(bytes), placeholders);
          return { name: file, bytes: new TextEncoder().encode(text) };
        });
      const expected: Expected =
        'papers' in parsed
          ? {
              papers: parsed.papers.map((paper) => ({
                ...paper,
                title: expand(paper.title, placeholders),
                abstract: expand(paper.abstract, placeholders),
              })),
              stdout: parsed.stdout,
            }
          : { error: parsed.error };
      return { name, inputs, expected };
    });
}

/** A paper already in the folder, edited by hand: no import of a bad input may touch it. */
const CONTROL_FILE = 'a-paper-already-in-the-list.md';
const CONTROL_TEXT = serializePaper(
  {
    title: 'A Paper Already in the List',
    topics: ['weight-penalties'],
    sources: ['2026-01-01-hf-papers-blocks.txt'],
    added: '2026-01-01',
    notes: 'Edited by hand; every import must leave this file exactly as it is.',
  },
  'An abstract that was in the list before any of the bad listings was imported.',
);

const newDir = useTempRoot('bad-input');

/** Writes the inputs and a papers folder holding the control paper; returns their paths. */
async function prepare(
  name: string,
  inputs: Case['inputs'],
): Promise<{ out: string; files: string[] }> {
  const dir = await newDir(name);
  const out = path.join(dir, 'papers');
  await mkdir(out);
  await writeFile(path.join(out, CONTROL_FILE), CONTROL_TEXT);
  const files: string[] = [];
  for (const input of inputs) {
    const file = path.join(dir, input.name);
    await writeFile(file, input.bytes);
    files.push(file);
  }
  return { out, files };
}

/** Runs the import on a case and checks everything a user would see. */
async function expectImport(testCase: Case, expect: ExpectStatic): Promise<void> {
  const { out, files } = await prepare(testCase.name, testCase.inputs);
  const run = await runImport(['--out', out, ...files]);
  expect(crashSigns(run.stderr), run.stderr).toEqual([]);
  expect(await temporaryFiles(out)).toEqual([]);
  const after = await paperFiles(out);
  expect(after.get(CONTROL_FILE)).toBe(CONTROL_TEXT);
  const { expected } = testCase;

  if ('error' in expected) {
    const { file, line, messageContains } = expected.error;
    expect(run.code, run.stdout).toBe(1);
    const [first = ''] = run.stderr.split('\n');
    expect(first.startsWith(`${path.join(path.dirname(out), file)}:${line}: `), first).toBe(true);
    expect(first).toContain(messageContains);
    expect(run.stdout).toBe('');
    // Nothing was written: the folder holds only the paper that was there before.
    expect([...after.keys()]).toEqual([CONTROL_FILE]);
    return;
  }

  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  const expectedFiles = expected.papers.map((paper) => paper.file);
  expect([...after.keys()].filter((name) => name !== CONTROL_FILE).sort()).toEqual(
    [...expectedFiles].sort(),
  );
  for (const paper of expected.papers) {
    const { data, raw, abstract } = readValidPaper(paper.file, after.get(paper.file) ?? '');
    // As written in the file, not only as the schema (which trims) reads it.
    const { title } = raw;
    expect(title === paper.title, `${paper.file}: title ${JSON.stringify(title)}`).toBe(true);
    expect(abstract === paper.abstract, `${paper.file}: abstract differs`).toBe(true);
    if (paper.fields !== undefined) expect(data).toMatchObject(paper.fields);
  }
  const printed = run.stdout.split('\n');
  for (const line of expected.stdout ?? []) expect(printed).toContain(line);
}

describe.concurrent('npm run import on the bad inputs of tests/fixtures/bad-input', () => {
  for (const testCase of badInputCases()) {
    const what =
      'error' in testCase.expected
        ? `is refused at ${testCase.expected.error.file}:${testCase.expected.error.line}, changing nothing`
        : `imports exactly its ${testCase.expected.papers.length} papers`;
    test(`${testCase.name}: ${what}`, async ({ expect }) => {
      await expectImport(testCase, expect);
    });
  }
});
