import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  formKey,
  parseQuery,
  queryWords,
  spellingVariants,
  vocabularyIndex,
} from '../../src/lib/site/search-query.ts';
import { editDistance, nearestWord } from '../../src/lib/site/search-typo.ts';
import { checkVocabulary, parseVocabulary } from '../../src/lib/site/search-vocabulary.ts';
import { indexWords, searchIdentifiers } from '../../src/lib/site/search-words.ts';

const vocabulary = vocabularyIndex([
  ['cnn', 'conv', 'convolutional'],
  ['llm', 'large language model'],
  ['fine-tune', 'fine-tuning'],
  ['ot', 'optimal transport'],
]);

describe('parseQuery', () => {
  it('drops stop words and question words', () => {
    expect(
      parseQuery('why does sgd find flat minima', vocabulary, false).map((c) => c.text),
    ).toEqual(['sgd', 'find', 'flat', 'minima']);
  });

  it('keeps a query made only of stop words', () => {
    expect(parseQuery('to be or not', vocabulary, false).map((c) => c.text)).toEqual([
      'to',
      'be',
      'or',
      'not',
    ]);
  });

  it('expands a word or a phrase of the vocabulary to every form of its group', () => {
    const [llm, alignment] = parseQuery('LLMs alignment', vocabulary, false);
    expect(llm?.terms).toEqual(['llms', 'llm', 'large language model']);
    expect(alignment?.terms).toEqual(['alignment']);
    const [phrase] = parseQuery('large language models', vocabulary, false);
    expect(phrase?.text).toBe('large language models');
    expect(phrase?.terms).toContain('llm');
  });

  it('reads hyphens as Pagefind does: fine-tuning is finetuning', () => {
    expect(parseQuery('fine-tuning', vocabulary, false)[0]?.terms).toEqual([
      'finetuning',
      'finetune',
    ]);
    expect(queryWords('arXiv:2010.01412').map(({ word }) => word)).toEqual(['arxiv', '201001412']);
  });

  it('adds the other spelling of -ise and -ize words', () => {
    expect(spellingVariants('regularisation')).toEqual(['regularization']);
    expect(spellingVariants('optimized')).toEqual(['optimised']);
    expect(spellingVariants('noise')).toEqual([]);
    expect(parseQuery('regularise', vocabulary, false)[0]?.terms).toEqual([
      'regularise',
      'regularize',
    ]);
  });

  it('matches only the last word as a prefix, and only while it is being typed', () => {
    const prefixes = (query: string, typing: boolean) =>
      parseQuery(query, vocabulary, typing).map((concept) => concept.prefix);
    expect(prefixes('drop', true)).toEqual([true]);
    expect(prefixes('sparse drop', true)).toEqual([false, true]);
    expect(prefixes('sparse drop ', true)).toEqual([false, false]);
    expect(prefixes('sparse drop', false)).toEqual([false, false]);
  });

  it('reads plurals as the same form', () => {
    expect(formKey('CNNs')).toBe(formKey('cnn'));
    expect(formKey('loss')).toBe('loss');
  });
});

describe('typo correction', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('dropuot', 'dropout', 2)).toBe(1);
    expect(editDistance('grokkking', 'grokking', 2)).toBe(1);
    expect(editDistance('asdfgh', 'dropout', 2)).toBe(3);
  });

  it('picks the nearest word, the more frequent on a tie, and nothing when none is near', () => {
    const words = ['network', 'networks', 'dropout', 'mixout', 'mixup'];
    expect(nearestWord('netwrok', words)).toBe('network');
    expect(nearestWord('mixuot', words)).toBe('mixout');
    expect(nearestWord('asdfgh', words)).toBeUndefined();
    expect(nearestWord('dropout', words)).toBeUndefined();
  });
});

describe('the vocabulary file', () => {
  it('content/search-vocabulary.yaml has no problems', async () => {
    const text = await readFile('content/search-vocabulary.yaml', 'utf8');
    expect(parseVocabulary(text).problems).toEqual([]);
    expect(parseVocabulary(text).vocabulary.length).toBeGreaterThan(20);
  });

  it('names the line of a form that is in two groups, and of a malformed form', () => {
    const text = 'groups:\n  - [cnn, convolutional]\n  - [conv, cnns]\n';
    expect(checkVocabulary(text, 'content/search-vocabulary.yaml')).toEqual([
      {
        file: 'content/search-vocabulary.yaml',
        line: 3,
        field: 'groups[1]',
        message: '"cnns" is also in the group on line 2',
        hint: 'merge the two groups, or keep the form in one of them',
      },
    ]);
    const bad = checkVocabulary(
      'groups:\n  - [cnn, convolutional]\n  - - llm\n    - Big Batch\n',
      'v.yaml',
    );
    expect(bad.map((problem) => [problem.line, problem.field, problem.message])).toEqual([
      [4, 'groups[1][1]', 'expected lower-case words separated by single spaces or hyphens'],
    ]);
    const unknown = checkVocabulary('groups: []\nsynonyms: []\n', 'v.yaml');
    expect(unknown.map((problem) => [problem.line, problem.field])).toEqual([[2, 'synonyms']]);
    expect(checkVocabulary(undefined, 'v.yaml')).toEqual([]);
  });
});

describe('what the index knows of a paper', () => {
  it('indexes the venue, and ids both as written and as a query reads them', () => {
    expect(
      searchIdentifiers({ arxiv: '2010.01412', doi: '10.5555/ab.12', venue: 'ICLR 2021' }),
    ).toEqual(['2010.01412', '201001412', '10.5555/ab.12', '105555ab12', 'ICLR 2021']);
    expect(searchIdentifiers({})).toEqual([]);
  });

  it('lists the words of the index, most papers first, without numbers or short words', () => {
    expect(indexWords([['Dropout in 2014', 'of nets'], ['Dropout nets'], ['Mixup']])).toBe(
      'dropout\nnets\nmixup\n',
    );
  });
});
