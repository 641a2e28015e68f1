/**
 * The search vocabulary of the content folder (`search-vocabulary.yaml` beside `topics.yaml`),
 * read once per build for the search page. A content folder without one searches without it; a
 * broken one fails the build with the same messages as `npm run check`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseVocabulary, type Vocabulary } from '../lib/site/search-vocabulary.ts';

const file = path.join(process.env.CONTENT_DIR ?? 'content', 'search-vocabulary.yaml');

function readVocabulary(): Vocabulary {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const { vocabulary, problems } = parseVocabulary(text);
  if (problems.length > 0) {
    throw new Error(
      problems
        .map((problem) => `${file}:${String(problem.line)}: ${problem.message} (${problem.hint})`)
        .join('\n'),
    );
  }
  return vocabulary;
}

export const searchVocabulary: Vocabulary = readVocabulary();
