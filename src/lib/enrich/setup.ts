/**
 * The enrichment clients as a run builds them from the environment, shared by `npm run enrich`
 * and `npm run new -- --arxiv`. Every base URL and pace can be changed, so tests point the
 * clients at a local server and run without arXiv's three seconds between requests.
 */
import { ARXIV_BASE_URL, ARXIV_INTERVAL_MS, arxivClient, type ArxivClient } from './arxiv.ts';
import { createHttp } from './http.ts';
import { HUGGING_FACE_BASE_URL, huggingFaceClient, type HuggingFaceClient } from './huggingface.ts';
import { OPENALEX_BASE_URL, openAlexClient, type OpenAlexClient } from './openalex.ts';

/** The User-Agent every source sees: the project's name and whom to contact about it. */
export function userAgent(contact: string): string {
  return `regularization-reading-list/0.1 (curated reading list enrichment; mailto:${contact})`;
}

export interface Clients {
  huggingface: HuggingFaceClient;
  arxiv: ArxivClient;
  openalex: OpenAlexClient;
}

/** The environment a run reads; every variable is optional but `ENRICH_CONTACT`. */
export type EnrichEnv = Readonly<Record<string, string | undefined>>;

/** `ENRICH_CONTACT` is missing or is not an e-mail address. */
export class ContactError extends Error {
  constructor(value: string | undefined) {
    super(
      `${value === undefined || value.trim() === '' ? 'ENRICH_CONTACT is not set' : `ENRICH_CONTACT is not an e-mail address: "${value}"`}. ` +
        'The sources ask to know who is calling: set it to an address where you can be reached, ' +
        'as in ENRICH_CONTACT=you@example.org npm run enrich (or run with --offline to use only the cache).',
    );
    this.name = 'ContactError';
  }
}

/** The contact address from the environment; throws `ContactError` when it is unusable. */
export function contactFrom(env: EnrichEnv): string {
  const value = env.ENRICH_CONTACT?.trim();
  if (value === undefined || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    throw new ContactError(env.ENRICH_CONTACT);
  return value;
}

function numberFrom(env: EnrichEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name}: expected a number of milliseconds (or a count), got "${text}"`);
  return value;
}

/**
 * The three clients. `ENRICH_HF_URL`, `ENRICH_ARXIV_URL` and `ENRICH_OPENALEX_URL` replace the
 * sources' addresses; `ENRICH_ARXIV_INTERVAL_MS` (3000), `ENRICH_TIMEOUT_MS` (20000),
 * `ENRICH_RETRIES` (3) and `ENRICH_BACKOFF_MS` (1000) the pacing.
 */
export function createClients(env: EnrichEnv, contact: string): Clients {
  const urls = {
    huggingface: env.ENRICH_HF_URL ?? HUGGING_FACE_BASE_URL,
    arxiv: env.ENRICH_ARXIV_URL ?? ARXIV_BASE_URL,
    openalex: env.ENRICH_OPENALEX_URL ?? OPENALEX_BASE_URL,
  };
  const http = createHttp({
    userAgent: userAgent(contact),
    timeoutMs: numberFrom(env, 'ENRICH_TIMEOUT_MS', 20_000),
    retries: numberFrom(env, 'ENRICH_RETRIES', 3),
    backoffMs: numberFrom(env, 'ENRICH_BACKOFF_MS', 1000),
    minIntervalMs: {
      [new URL(urls.arxiv).host]: numberFrom(env, 'ENRICH_ARXIV_INTERVAL_MS', ARXIV_INTERVAL_MS),
    },
  });
  return {
    huggingface: huggingFaceClient(http, urls.huggingface),
    arxiv: arxivClient(http, urls.arxiv),
    openalex: openAlexClient(http, contact, urls.openalex),
  };
}
