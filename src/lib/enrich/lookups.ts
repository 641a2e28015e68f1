/**
 * The questions an enrichment run asks, each answered from the cache or from its source: a
 * cached answer is used unless `refresh` is set, a new answer is cached, and a failure is
 * reported (never cached). A source that fails `downAfter` times in a row is taken to be down
 * and is not asked again in this run, so one unreachable host does not cost every paper its
 * timeouts.
 */
import type { ArxivClient, ArxivEntry } from './arxiv.ts';
import type { EnrichCache } from './cache.ts';
import type { HfPaper, HuggingFaceClient } from './huggingface.ts';
import type { OpenAlexClient, OpenAlexWork } from './openalex.ts';
import { normalizeTitle } from './title.ts';

export const SOURCE_NAMES = ['huggingface', 'arxiv', 'openalex'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** How each source is named in messages and the report. */
export const SOURCE_LABELS: Readonly<Record<SourceName, string>> = {
  huggingface: 'Hugging Face',
  arxiv: 'arXiv',
  openalex: 'OpenAlex',
};

export type Outcome<T> =
  | { status: 'ok'; value: T; read: string }
  | { status: 'error'; message: string }
  | { status: 'skipped'; message: string };

/** How many live requests each source answered and failed in this run (cached answers aside). */
export type LiveCounts = Record<SourceName, { answered: number; failed: number }>;

export interface Lookups {
  readonly live: LiveCounts;
  hfSearch(title: string): Promise<Outcome<HfPaper[]>>;
  hfPaper(arxivId: string): Promise<Outcome<HfPaper | null>>;
  arxivById(arxivId: string): Promise<Outcome<ArxivEntry | null>>;
  arxivByTitle(title: string): Promise<Outcome<ArxivEntry[]>>;
  openAlexByTitle(title: string): Promise<Outcome<OpenAlexWork[]>>;
}

export interface LookupOptions {
  /** The sources this run uses; the others are skipped, even where the cache has answers. */
  sources: ReadonlySet<SourceName>;
  /** The clients of the sources; none is needed `offline`. */
  clients: {
    huggingface?: HuggingFaceClient | undefined;
    arxiv?: ArxivClient | undefined;
    openalex?: OpenAlexClient | undefined;
  };
  cache: EnrichCache;
  /** Answer from the cache only. */
  offline: boolean;
  /** Ask again even when the cache has an answer. */
  refresh: boolean;
  /** `YYYY-MM-DD`, recorded with every new answer. */
  today: string;
  /** Failures in a row after which a source is not asked again; 3 by default. */
  downAfter?: number;
}

/** Cache keys: the source, the question and its normalised argument. */
export const cacheKeys = {
  hfSearch: (title: string) => `huggingface search ${normalizeTitle(title)}`,
  hfPaper: (id: string) => `huggingface paper ${id}`,
  arxivById: (id: string) => `arxiv id ${id}`,
  arxivByTitle: (title: string) => `arxiv title ${normalizeTitle(title)}`,
  openAlexByTitle: (title: string) => `openalex title ${normalizeTitle(title)}`,
};

/**
 * A record, or a list of records, without the abstracts the sources send along: enrichment never
 * uses them, and the listings' abstracts are in the papers already.
 */
function withoutSummaries<T>(value: T): T {
  const strip = (record: unknown): unknown => {
    if (record === null || typeof record !== 'object' || !('summary' in record)) return record;
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'summary'));
  };
  return (Array.isArray(value) ? value.map(strip) : strip(value)) as T;
}

export function createLookups(options: LookupOptions): Lookups {
  const downAfter = options.downAfter ?? 3;
  const failuresInARow = new Map<SourceName, number>();
  const live: LiveCounts = {
    huggingface: { answered: 0, failed: 0 },
    arxiv: { answered: 0, failed: 0 },
    openalex: { answered: 0, failed: 0 },
  };

  const ask = async <T>(
    source: SourceName,
    key: string,
    question: (() => Promise<T>) | undefined,
  ): Promise<Outcome<T>> => {
    if (!options.sources.has(source)) return { status: 'skipped', message: 'source not selected' };
    const cached = options.cache.get(key);
    if (cached !== undefined && (!options.refresh || options.offline))
      return { status: 'ok', value: cached.value as T, read: cached.read };
    if (options.offline) return { status: 'skipped', message: 'not in the cache (--offline)' };
    if (question === undefined) return { status: 'skipped', message: 'no client for this source' };
    const failures = failuresInARow.get(source) ?? 0;
    if (failures >= downAfter) {
      return {
        status: 'error',
        message: `not asked: ${SOURCE_LABELS[source]} failed ${failures} times in a row`,
      };
    }
    try {
      const value = withoutSummaries(await question());
      failuresInARow.set(source, 0);
      live[source].answered += 1;
      options.cache.set(key, { read: options.today, value });
      return { status: 'ok', value, read: options.today };
    } catch (error) {
      failuresInARow.set(source, failures + 1);
      live[source].failed += 1;
      return { status: 'error', message: (error as Error).message };
    }
  };

  const { huggingface, arxiv, openalex } = options.clients;
  return {
    live,
    hfSearch: (title) =>
      ask(
        'huggingface',
        cacheKeys.hfSearch(title),
        huggingface && (() => huggingface.search(title)),
      ),
    hfPaper: (id) =>
      ask(
        'huggingface',
        cacheKeys.hfPaper(id),
        huggingface && (async () => (await huggingface.paper(id)) ?? null),
      ),
    arxivById: (id) =>
      ask('arxiv', cacheKeys.arxivById(id), arxiv && (async () => (await arxiv.byId(id)) ?? null)),
    arxivByTitle: (title) =>
      ask('arxiv', cacheKeys.arxivByTitle(title), arxiv && (() => arxiv.byTitle(title))),
    openAlexByTitle: (title) =>
      ask(
        'openalex',
        cacheKeys.openAlexByTitle(title),
        openalex && (() => openalex.byTitle(title)),
      ),
  };
}
