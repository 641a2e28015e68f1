/**
 * `npm run new -- --arxiv ID` pre-fills what a contributor would otherwise type, from the same
 * clients as `npm run enrich`: the title, abstract, authors and date from arXiv (the Hugging Face
 * index where arXiv has none), the code and project page from the index. A value given as a flag
 * always wins, and the contributor sees the file before it is written.
 */
import type { NewPaperFields } from '../import/new-paper/fields.ts';
import type { ArxivClient, ArxivEntry } from './arxiv.ts';
import type { HfPaper, HuggingFaceClient } from './huggingface.ts';

export interface Prefill {
  fields: NewPaperFields;
  /** The fields filled, in the order of the file. */
  filled: (keyof NewPaperFields)[];
  /** What went wrong or disagreed, for the contributor. */
  notes: string[];
}

/** Merges what the two sources say into the fields the contributor left empty. */
export function prefillFields(
  fields: NewPaperFields,
  arxiv: ArxivEntry | undefined,
  hf: HfPaper | undefined,
): Prefill {
  const result: NewPaperFields = { ...fields };
  const filled: (keyof NewPaperFields)[] = [];
  const notes: string[] = [];
  const authors = arxiv !== undefined && arxiv.authors.length > 0 ? arxiv.authors : hf?.authors;
  const found: Partial<Record<keyof NewPaperFields, string | undefined>> = {
    title: arxiv?.title ?? hf?.title,
    abstract: arxiv?.summary ?? hf?.summary,
    date: arxiv?.published ?? hf?.published,
    authors: authors === undefined || authors.length === 0 ? undefined : authors.join('; '),
    code: hf?.githubRepo,
    projectPage: hf?.projectPage,
  };
  for (const key of ['title', 'abstract', 'date', 'authors', 'code', 'projectPage'] as const) {
    const value = found[key];
    if (value !== undefined && (result[key] ?? '').trim() === '') {
      result[key] = value;
      filled.push(key);
    }
  }
  if (arxiv !== undefined && hf !== undefined && arxiv.title !== hf.title)
    notes.push(`arXiv and the Hugging Face index print the title differently; arXiv's is used`);
  return { fields: result, filled, notes };
}

/** Asks both sources about `id`; a source that fails leaves a note and nothing else. */
export async function prefillFromSources(
  fields: NewPaperFields,
  id: string,
  clients: { arxiv: ArxivClient; huggingface: HuggingFaceClient },
): Promise<Prefill> {
  const notes: string[] = [];
  const ask = async <T>(label: string, question: () => Promise<T | undefined>) => {
    try {
      const value = await question();
      if (value === undefined) notes.push(`${label} has no paper ${id}`);
      return value;
    } catch (error) {
      notes.push(`${label} could not be asked: ${(error as Error).message}`);
      return undefined;
    }
  };
  const arxiv = await ask('arXiv', () => clients.arxiv.byId(id));
  const hf = await ask('the Hugging Face index', () => clients.huggingface.paper(id));
  const prefill = prefillFields(fields, arxiv, hf);
  return { ...prefill, notes: [...notes, ...prefill.notes] };
}
