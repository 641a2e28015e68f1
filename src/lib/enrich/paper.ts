/**
 * Enriching one paper: find its arXiv id by title when it has none, confirm the id with a second
 * source, then read what each source knows and fill what the paper lacks.
 *
 * 1. The Hugging Face index is searched by title (arXiv's title search stands in when the index
 *    is down), and the record that passes the acceptance rule gives the arXiv id.
 * 2. An id found by one source is confirmed only when the other source's record for that id has
 *    our title too; an unconfirmed id is reported, never written. An id already in the file needs
 *    no confirmation, but a source's record whose title is not ours is not used.
 * 3. OpenAlex is searched by title for the published version's venue, DOI and page.
 */
import { arxivBase } from '../paper/duplicates.ts';
import type { Paper } from '../paper/schema.ts';
import type { ArxivEntry } from './arxiv.ts';
import type { HfPaper } from './huggingface.ts';
import type { Lookups, Outcome, SourceName } from './lookups.ts';
import { matchRecord, mismatches, type FoundRecord, type OurPaper } from './match.ts';
import { fillPaper, type Findings } from './merge.ts';
import { bareDoi, type OpenAlexWork } from './openalex.ts';

/** How a source fared for one paper. */
export type Verdict = 'accepted' | 'candidates' | 'not-found' | 'skipped' | 'error';

/** A record a person should look at: what it is, and why it was not written. */
export interface ReviewItem {
  source: SourceName;
  /** `arXiv:2106.09685` or an OpenAlex work URL. */
  id: string;
  title: string;
  /** `3 authors, 2021`, what we know of the record. */
  detail: string;
  reasons: string[];
}

export interface PaperOutcome {
  slug: string;
  /** The paper as it should be written; the same object as the input when nothing changed. */
  paper: Paper;
  filled: string[];
  verdicts: Record<SourceName, Verdict>;
  review: ReviewItem[];
  errors: { source: SourceName; message: string }[];
  notes: string[];
}

function year(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Number(date.slice(0, 4));
}

type Found<T> = FoundRecord & { value: T };

/** A source's record as the acceptance rule sees it, keeping the record itself. */
function found<T>(
  value: T,
  record: { id: string; title: string; authors: readonly string[]; year: number | undefined },
): Found<T> {
  const count = record.authors.length;
  return {
    id: record.id,
    title: record.title,
    authorCount: count > 0 ? count : undefined,
    year: record.year,
    value,
  };
}
const fromHf = (paper: HfPaper): Found<HfPaper> =>
  found(paper, { ...paper, year: year(paper.published) });
const fromArxiv = (entry: ArxivEntry): Found<ArxivEntry> =>
  found(entry, { ...entry, year: year(entry.published) });
const fromOpenAlex = (work: OpenAlexWork): Found<OpenAlexWork> => found(work, work);

function describe(record: FoundRecord): string {
  const parts: string[] = [];
  if (record.authorCount !== undefined)
    parts.push(`${record.authorCount} author${record.authorCount === 1 ? '' : 's'}`);
  if (record.year !== undefined) parts.push(String(record.year));
  return parts.join(', ');
}

/** Whether a paper still lacks anything the sources could give. */
export function needsEnrichment(paper: Paper): boolean {
  const { data } = paper;
  return (
    data.arxiv === undefined ||
    data.arxivCategory === undefined ||
    data.authors === undefined ||
    data.date === undefined ||
    data.upvotesOn === undefined ||
    data.code === undefined ||
    data.projectPage === undefined ||
    data.doi === undefined ||
    data.venue === undefined ||
    data.url === undefined
  );
}

export async function enrichPaper(paper: Paper, lookups: Lookups): Promise<PaperOutcome> {
  const { data } = paper;
  const ours: OurPaper = {
    title: data.title,
    authorCount: data.authorCount,
    year: year(data.date),
  };
  const verdicts: Record<SourceName, Verdict> = {
    huggingface: 'skipped',
    arxiv: 'skipped',
    openalex: 'skipped',
  };
  const review: ReviewItem[] = [];
  const errors: PaperOutcome['errors'] = [];
  const notes: string[] = [];

  /** Records a source's verdict; a better one (accepted over not found) is never downgraded. */
  const rank: Verdict[] = ['skipped', 'not-found', 'error', 'candidates', 'accepted'];
  const judge = (source: SourceName, verdict: Verdict): void => {
    if (rank.indexOf(verdict) > rank.indexOf(verdicts[source])) verdicts[source] = verdict;
  };
  const failed = <T>(
    source: SourceName,
    outcome: Outcome<T>,
  ): outcome is Outcome<T> & { status: 'error' | 'skipped' } => {
    if (outcome.status === 'error') {
      errors.push({ source, message: outcome.message });
      judge(source, 'error');
    }
    return outcome.status !== 'ok';
  };
  const toReview = (
    source: SourceName,
    record: FoundRecord,
    reasons: string[],
    idLabel?: string,
  ) => {
    review.push({
      source,
      id: idLabel ?? record.id,
      title: record.title,
      detail: describe(record),
      reasons,
    });
    judge(source, 'candidates');
  };
  /** Search results into the verdict and the review; the accepted record, if any. */
  const pick = <T>(
    source: SourceName,
    found: Found<T>[],
    label: (record: Found<T>) => string,
    laterYears = 0,
  ): Found<T> | undefined => {
    const match = matchRecord(ours, found, { laterYears });
    if (match.kind === 'accepted') return match.record;
    if (match.kind === 'none') judge(source, 'not-found');
    else
      for (const { record, reasons } of match.candidates)
        toReview(source, record, reasons, label(record));
    return undefined;
  };
  const arxivLabel = (record: FoundRecord): string => `arXiv:${record.id}`;

  const given = data.arxiv === undefined ? undefined : arxivBase(data.arxiv);
  let id = given;
  let foundBy: SourceName | undefined;
  let hf: HfPaper | undefined;
  let hfRead: string | undefined;
  let arxiv: ArxivEntry | undefined;

  if (id === undefined) {
    const search = await lookups.hfSearch(data.title);
    if (!failed('huggingface', search)) {
      const record = pick('huggingface', search.value.map(fromHf), arxivLabel);
      if (record !== undefined) {
        id = record.id;
        foundBy = 'huggingface';
      }
    } else {
      const fallback = await lookups.arxivByTitle(data.title);
      if (!failed('arxiv', fallback)) {
        const record = pick('arxiv', fallback.value.map(fromArxiv), arxivLabel);
        if (record !== undefined) {
          id = record.id;
          foundBy = 'arxiv';
          arxiv = record.value;
        }
      }
    }
  }

  if (id !== undefined) {
    const answer = await lookups.hfPaper(id);
    if (!failed('huggingface', answer)) {
      if (answer.value === null) judge('huggingface', 'not-found');
      else {
        const reasons = mismatches(ours, fromHf(answer.value));
        if (reasons.length === 0) {
          hf = answer.value;
          hfRead = answer.read;
        } else
          toReview('huggingface', fromHf(answer.value), reasons, arxivLabel(fromHf(answer.value)));
      }
    }
  }
  if (id !== undefined && arxiv === undefined) {
    const answer = await lookups.arxivById(id);
    if (!failed('arxiv', answer)) {
      if (answer.value === null) judge('arxiv', 'not-found');
      else {
        const reasons = mismatches(ours, fromArxiv(answer.value));
        if (reasons.length === 0) arxiv = answer.value;
        else
          toReview('arxiv', fromArxiv(answer.value), reasons, arxivLabel(fromArxiv(answer.value)));
      }
    }
  }

  // An id found by one source stands only when the other source's record has our title too.
  const confirmed =
    given !== undefined ||
    (foundBy === 'huggingface' && arxiv !== undefined) ||
    (foundBy === 'arxiv' && hf !== undefined);
  if (id !== undefined && !confirmed && foundBy !== undefined) {
    const other = foundBy === 'huggingface' ? 'arXiv' : 'the Hugging Face index';
    review.push({
      source: foundBy,
      id: `arXiv:${id}`,
      title: data.title,
      detail: 'title matches',
      reasons: [`not confirmed: ${other} gave no record with this title for the id`],
    });
    judge(foundBy, 'candidates');
    hf = undefined;
    arxiv = undefined;
  }
  if (hf !== undefined) judge('huggingface', 'accepted');
  if (arxiv !== undefined) judge('arxiv', 'accepted');

  let work: OpenAlexWork | undefined;
  const works = await lookups.openAlexByTitle(data.title);
  if (!failed('openalex', works)) {
    // Only published versions count: OpenAlex also lists the arXiv preprint as a work of its
    // own, which has nothing to give and would make every published paper look ambiguous. A
    // published version often appears the year after its preprint.
    const published = works.value.filter(
      (work) => work.venue !== undefined || work.doi !== undefined,
    );
    const record = pick('openalex', published.map(fromOpenAlex), (record) => record.id, 1);
    if (record !== undefined) {
      work = record.value;
      judge('openalex', 'accepted');
    }
  }

  const findings: Findings = {
    arxiv: confirmed && given === undefined ? id : undefined,
    arxivCategory: arxiv?.primaryCategory,
    authors: arxiv !== undefined && arxiv.authors.length > 0 ? arxiv.authors : hf?.authors,
    date: arxiv?.published ?? hf?.published,
    upvotes:
      hf?.upvotes !== undefined && hfRead !== undefined
        ? { count: hf.upvotes, read: hfRead }
        : undefined,
    code: hf?.githubRepo,
    projectPage: hf?.projectPage,
    doi: bareDoi(arxiv?.doi) ?? work?.doi,
    venue: work?.venue ?? arxiv?.journalRef,
    url: work?.landingPage,
  };
  if (findings.authors?.length === 0) findings.authors = undefined;
  const fill = fillPaper(data, findings);
  notes.push(...fill.notes);
  return {
    slug: paper.slug,
    paper: fill.filled.length === 0 ? paper : { ...paper, data: fill.data },
    filled: fill.filled,
    verdicts,
    review,
    errors,
    notes,
  };
}
