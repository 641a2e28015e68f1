/** The local sources' answers for the papers in `tests/fixtures/enrich/papers/`. */
import type { Reply } from './enrich-server.ts';

/** Every source's answer for the fixture papers, in the order the command asks. */
export const FIXTURE_ROUTES: Record<string, Reply | Reply[]> = {
  // An exact match, confirmed by arXiv, published at a conference.
  '/api/papers/search q=Spectral Dropout for Graph Neural Networks': {
    file: 'hf-search-spectral.json',
  },
  '/api/papers/2106.04321': { file: 'hf-paper-2106.04321.json' },
  '/api/query id_list=2106.04321': { file: 'arxiv-2106.04321.xml' },
  '/works filter=title.search:spectral dropout for graph neural networks': {
    file: 'openalex-spectral.json',
  },
  // A near-miss title.
  '/api/papers/search q=Weight Decay Is All You Need': { file: 'hf-search-weight-decay.json' },
  '/works filter=title.search:weight decay is all you need': { file: 'openalex-empty.json' },
  // Two candidates.
  '/api/papers/search q=Mixing Patches for Robust Vision': { file: 'hf-search-mixing.json' },
  // No result anywhere.
  '/api/papers/search q=Orthogonal Penalties in Tiny Recurrent Networks': {
    file: 'hf-search-empty.json',
  },
  '/works filter=title.search:orthogonal penalties in tiny recurrent networks': {
    file: 'openalex-empty.json',
  },
  // A 429 then the answer; OpenAlex never answers in time.
  '/api/papers/search q=Label Smoothing Under Distribution Shift': [
    { status: 429, headers: { 'retry-after': '0' }, body: 'slow down' },
    { file: 'hf-search-label-smoothing.json' },
  ],
  '/api/papers/2301.05555': { file: 'hf-paper-2301.05555.json' },
  '/api/query id_list=2301.05555': { file: 'arxiv-2301.05555.xml' },
  '/works filter=title.search:label smoothing under distribution shift': {
    file: 'openalex-empty.json',
    delayMs: 6000,
  },
  // The index's search fails with 500: arXiv's title search stands in, the index confirms.
  '/api/papers/search q=Entropic Regularization of Wasserstein Barycenters': {
    status: 500,
    body: 'error',
  },
  '/api/query search_query=ti:"entropic regularization of wasserstein barycenters"': {
    file: 'arxiv-search-entropic.xml',
  },
  '/api/papers/1905.07777': { file: 'hf-paper-1905.07777.json' },
  // An id typed by hand; the index answers with an HTML page.
  '/api/papers/2007.08888': { file: 'malformed.html' },
  '/api/query id_list=2007.08888': { file: 'arxiv-2007.08888.xml' },
};

/** The environment that points every client at the local server `url`, without pauses. */
export function fakeSourcesEnv(url: string): Record<string, string> {
  return {
    ENRICH_HF_URL: url,
    ENRICH_ARXIV_URL: url,
    ENRICH_OPENALEX_URL: url,
    ENRICH_ARXIV_INTERVAL_MS: '0',
    ENRICH_RETRIES: '1',
    ENRICH_BACKOFF_MS: '1',
    // Long enough for a loaded machine, short enough that the hanging source costs seconds.
    ENRICH_TIMEOUT_MS: '1500',
  };
}
