/**
 * The field's vocabulary for search: abbreviations, synonyms and spellings that readers use
 * interchangeably (CNN and convolutional, LLM and large language model, regularise and
 * regularize), kept by curators in `content/search-vocabulary.yaml`.
 *
 * Applied by expanding the query in the browser, not by adding hidden words to the index: an
 * expanded query finds the paper under every form at once, a curator's new entry needs no change to
 * the paper pages, the excerpt highlights the words the paper really uses, and the index and the
 * first search do not grow. Its cost is one more lookup in the index per extra form, which is
 * loaded already.
 */
import { load } from 'js-yaml';
import { z } from 'zod';
import { inFile, type Problem } from '../problems/problem.ts';
import { formatPath, yamlLines } from '../problems/yaml-path.ts';
import { issueProblems, zodErrorMap } from '../problems/zod.ts';
import { formKey, type Vocabulary } from './search-query.ts';

export type { Vocabulary } from './search-query.ts';

/** How a form is written in the file: lower-case words, digits, hyphens and single spaces. */
const FORM = /^[a-z0-9]+(?:[- ][a-z0-9]+)*$/;

const fileSchema = z.strictObject({
  groups: z.array(
    z
      .array(
        z.string().regex(FORM, {
          error: 'expected lower-case words separated by single spaces or hyphens',
        }),
      )
      .min(2, { error: 'a group needs at least two forms' }),
  ),
});

/**
 * Reads and checks the vocabulary file: its shape, and that no form appears in two groups (the
 * query would not know which group it means).
 */
export function parseVocabulary(text: string): {
  vocabulary: Vocabulary;
  problems: Problem[];
} {
  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    return {
      vocabulary: [],
      problems: [
        {
          line: (mark?.line ?? 0) + 1,
          message: `not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`,
          hint: 'write `groups:` and one list of forms per line, such as `- [cnn, convolutional]`',
        },
      ],
    };
  }
  const lineOf = yamlLines(text);
  const groupLine = (index: number) => lineOf(['groups', index]);
  const parsed = fileSchema.safeParse(data, { error: zodErrorMap });
  if (!parsed.success) {
    const problems = issueProblems(parsed.error.issues, {
      field: formatPath,
      line: lineOf,
      hint: () =>
        'each group is a list of at least two forms, such as `- [llm, large language model]`',
    });
    return { vocabulary: [], problems };
  }
  const problems: Problem[] = [];
  const firstGroup = new Map<string, number>();
  for (const [index, group] of parsed.data.groups.entries()) {
    for (const form of group) {
      const key = formKey(form);
      const earlier = firstGroup.get(key);
      if (earlier !== undefined && earlier !== index) {
        problems.push({
          line: groupLine(index),
          field: formatPath(['groups', index]),
          message: `"${form}" is also in the group on line ${String(groupLine(earlier))}`,
          hint: 'merge the two groups, or keep the form in one of them',
        });
      } else firstGroup.set(key, index);
    }
  }
  return { vocabulary: parsed.data.groups, problems };
}

/**
 * `npm run check`'s problems for the vocabulary file of a content folder (none when the folder
 * has no such file: search then works without a vocabulary).
 */
export function checkVocabulary(text: string | undefined, file: string): Problem[] {
  if (text === undefined) return [];
  return inFile(
    parseVocabulary(text).problems.map((problem) => ({ field: 'groups', ...problem })),
    file,
  );
}
