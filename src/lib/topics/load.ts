/**
 * Loading `content/topics.yaml`: parsed as Astro parses it (js-yaml), validated by the shared
 * schema, and every problem reported with the file, the line of the value (from the \`yaml\`
 * library's node positions) and what to fix.
 */
import { load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { inFile, ProblemError } from '../problems/problem.ts';
import { formatPath, yamlLines } from '../problems/yaml-path.ts';
import { issueProblems, zodErrorMap } from '../problems/zod.ts';
import { ruleSchema, scoringSchema, taxonomySchema, topicSchema, type Taxonomy } from './schema.ts';

/** The fields allowed where an unknown field was found, by the path of the field. */
function fieldsAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 1) return Object.keys(taxonomySchema.shape);
  if (path[0] === 'scoring') return Object.keys(scoringSchema.shape);
  if (path.length === 3) return Object.keys(topicSchema.shape);
  return Object.keys(ruleSchema.shape);
}

/** What to do about a validation issue, in a contributor's words. */
function hintFor(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  const last = issue.path.at(-1);
  if (issue.code === 'unrecognized_keys') {
    return `remove it, or use one of: ${fieldsAt(path).join(', ')}`;
  }
  if (issue.path.includes('patterns')) {
    return 'write the pattern in single quotes, and put a backslash before ( ) [ ] { } . * + ? | where you mean the character itself';
  }
  if (last === 'id') return 'give each topic its own id: lower-case words joined by hyphens';
  if (last === 'fallbackTopic') return 'use the id of a topic listed under topics';
  if (last === 'description') return 'say what the topic covers and why it matters';
  if (last === 'weight') return 'a positive number adds points, a negative one subtracts them';
  return 'see the comment at the top of the file';
}

/**
 * Parses and validates the taxonomy file; `file` is how the file is named in messages. Throws a
 * `ProblemError` naming the file, the line and what to fix for every problem.
 */
export function loadTaxonomy(yamlText: string, file: string): Taxonomy {
  let data: unknown;
  try {
    // Stryker disable next-line ObjectLiteral: js-yaml puts the file name only in `message`, and the problem below is built from `reason` and `file`
    data = load(yamlText, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // The typings promise a mark, but js-yaml leaves it out for some errors.
    const mark = error.mark as YAMLException['mark'] | undefined;
    throw new ProblemError({
      file,
      line: (mark?.line ?? 0) + 1,
      field: 'yaml',
      message: `invalid YAML: ${error.reason}`,
      hint: 'check the indentation, and quote texts that contain a colon, a # or quotes',
    });
  }
  const result = taxonomySchema.safeParse(data, { error: zodErrorMap });
  if (!result.success) {
    const problems = issueProblems(result.error.issues, {
      field: formatPath,
      line: yamlLines(yamlText),
      hint: hintFor,
    });
    throw new ProblemError(inFile(problems, file));
  }
  return result.data;
}
