import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/lib/problems/problem.ts';
import { loadTaxonomy } from '../../src/lib/topics/load.ts';
import { taxonomySchema, topicSchema } from '../../src/lib/topics/schema.ts';
import { SMALL_TAXONOMY as VALID } from '../helpers/taxonomy.ts';

const TOPICS_FILE = fileURLToPath(new URL('../../content/topics.yaml', import.meta.url));
const FILE = 'content/topics.yaml';

/** The error `loadTaxonomy` throws for a text, or a failure if it throws none. */
function loadError(text: string): ProblemError {
  try {
    loadTaxonomy(text, FILE);
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected the taxonomy to be rejected');
}

describe('loadTaxonomy', () => {
  it('loads the real taxonomy file', async () => {
    const taxonomy = loadTaxonomy(await readFile(TOPICS_FILE, 'utf8'), FILE);
    expect(taxonomy.topics).toHaveLength(16);
  });

  it('loads a valid file and applies no defaults of its own', () => {
    const taxonomy = loadTaxonomy(VALID, FILE);
    expect(taxonomy.scoring.fallbackTopic).toBe('alpha');
    expect(taxonomy.topics.map((topic) => topic.id)).toEqual(['alpha', 'beta']);
    expect(taxonomy.topics[0]?.description).toBe('Papers about alpha. They matter.');
  });

  it('rejects an unknown field, naming the file, the line and the fields allowed', () => {
    const error = loadError(
      VALID.replace('    name: Beta\n', '    name: Beta\n    colour: blue\n'),
    );
    expect(error.message).toBe(
      `${FILE}:23: topics[1].colour: unknown field (remove it, or use one of: id, name, description, rules)`,
    );
    expect(error.problems.map((problem) => problem.file)).toEqual([FILE]);
  });

  it('rejects an unknown scoring setting with the settings allowed', () => {
    const error = loadError(VALID.replace('  maxTopics: 3\n', '  maxTopic: 3\n'));
    const problem = error.problems.find((candidate) => candidate.field === 'scoring.maxTopic');
    expect(problem?.line).toBe(8);
    expect(problem?.message).toBe('unknown field');
    expect(problem?.hint).toContain('titleWeight, abstractWeight, abstractRepeats');
  });

  it('says which kind of value a setting takes, quoting the value written', () => {
    expect(loadError(VALID.replace('titleWeight: 3', 'titleWeight: high')).message).toBe(
      `${FILE}:3: scoring.titleWeight: expected a number, not "high" (see the comment at the top of the file)`,
    );
  });

  it('places a missing field at the entry that lacks it', () => {
    const error = loadError(VALID.replace('    name: Beta\n', ''));
    expect(error.message).toMatch(new RegExp(`^${FILE}:21: topics\\[1\\]\\.name: missing `));
  });

  it('rejects a duplicate topic id, naming the line of the second one', () => {
    const error = loadError(VALID.replace('  - id: beta', '  - id: alpha'));
    expect(error.message).toContain(
      `${FILE}:21: topics[1].id: duplicate topic id 'alpha' (also topics[0])`,
    );
    expect(error.message).toContain('give each topic its own id');
  });

  it('rejects a pattern that does not compile, naming its line and how to fix it', () => {
    const error = loadError(VALID.replace("'first letter'", "'first (letter'"));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(
      new RegExp(
        `^${FILE}:20: topics\\[0\\]\\.rules\\[0\\]\\.patterns\\[1\\]: invalid regular expression 'first \\(letter': Unterminated group \\(write the pattern in single quotes`,
      ),
    );
  });

  it('rejects a pattern that would only compile by breaking out of its word boundaries', () => {
    expect(loadError(VALID.replace("'beta'", "'be)|(ta'")).message).toContain(
      `${FILE}:27: topics[1].rules[0].patterns[0]: invalid regular expression 'be)|(ta': Unmatched ')'`,
    );
  });

  it('rejects a pattern that matches empty text, since it would fire on every paper', () => {
    expect(loadError(VALID.replace("'beta'", "'b?'")).message).toContain(
      `${FILE}:27: topics[1].rules[0].patterns[0]: pattern 'b?' matches empty text`,
    );
  });

  it('rejects a fallback topic that is not in the list', () => {
    expect(
      loadError(VALID.replace('fallbackTopic: alpha', 'fallbackTopic: gamma')).message,
    ).toContain(`${FILE}:9: scoring.fallbackTopic: unknown topic id 'gamma'`);
  });

  it('rejects a description of more than three sentences', () => {
    const long = 'description: One. Two. Three. Four.';
    expect(loadError(VALID.replace('description: Papers about beta.', long)).message).toContain(
      `${FILE}:23: topics[1].description: write one to three full sentences`,
    );
  });

  it('rejects a zero weight', () => {
    expect(loadError(VALID.replace('weight: 3', 'weight: 0')).message).toContain(
      `${FILE}:25: topics[1].rules[0].weight: write a non-zero number`,
    );
  });

  it('reports broken YAML with its line', () => {
    const error = loadError(VALID.replace('    name: Beta', '    name: Beta: with colon'));
    expect(error.message).toMatch(new RegExp(`^${FILE}:22: yaml: invalid YAML: `));
  });

  it('reports every problem at once', () => {
    const broken = VALID.replace('  - id: beta', '  - id: alpha').replace("'beta'", "'(('");
    expect(loadError(broken).problems.map((problem) => problem.field)).toEqual([
      'topics[1].rules[0].patterns[0]',
      'topics[1].id',
    ]);
  });
});

describe('the schemas for Astro', () => {
  it('validate each entry of the topics list on its own', async () => {
    const data = load(await readFile(TOPICS_FILE, 'utf8')) as { topics: unknown[] };
    for (const entry of data.topics) expect(topicSchema.safeParse(entry).success).toBe(true);
    expect(taxonomySchema.safeParse(data).success).toBe(true);
  });
});
