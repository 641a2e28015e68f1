/**
 * OpenAlex works search, for the venue and DOI of a paper's published version. Requests carry a
 * `mailto=` contact, which puts them in OpenAlex's polite pool.
 */
import { z } from 'zod';
import type { Http } from './http.ts';
import { httpLink } from './huggingface.ts';
import { parseJsonBody } from './malformed.ts';
import { normalizeTitle } from './title.ts';

export const OPENALEX_BASE_URL = 'https://api.openalex.org';

/** The prefix of the DOIs arXiv registers for its own preprints, which name no venue. */
const ARXIV_DOI = /^10\.48550\//i;

export interface OpenAlexWork {
  /** `https://openalex.org/W…`. */
  id: string;
  title: string;
  authors: string[];
  year: number | undefined;
  /** The DOI of the published version, bare; never arXiv's own. */
  doi: string | undefined;
  /** Where it was published: a journal or conference, never a repository such as arXiv. */
  venue: string | undefined;
  /** The published version's page, when it is not arXiv's. */
  landingPage: string | undefined;
}

const sourceShape = z
  .looseObject({
    display_name: z.string().nullable().optional(),
    type: z.string().nullable().optional(),
  })
  .nullable()
  .optional();
const locationShape = z.looseObject({
  landing_page_url: z.string().nullable().optional(),
  source: sourceShape,
});
const workShape = z.looseObject({
  id: z.string().min(1),
  title: z.string().nullable().optional(),
  display_name: z.string().nullable().optional(),
  doi: z.string().nullable().optional(),
  publication_year: z.int().nullable().optional(),
  authorships: z
    .array(
      z.looseObject({ author: z.looseObject({ display_name: z.string().nullable().optional() }) }),
    )
    .optional(),
  primary_location: locationShape.nullable().optional(),
  locations: z.array(locationShape).optional(),
});
const searchShape = z.looseObject({ results: z.array(workShape) });

/** A DOI from `https://doi.org/10.…`, bare and kept as printed; arXiv's own DOIs are dropped. */
export function bareDoi(value: string | null | undefined): string | undefined {
  const doi = (value ?? '').trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(doi) && !ARXIV_DOI.test(doi) ? doi : undefined;
}

function toWork(work: z.infer<typeof workShape>): OpenAlexWork {
  // The first location in a journal or a conference; a repository (arXiv) is not a venue.
  const locations = [work.primary_location, ...(work.locations ?? [])];
  const published = locations.find((location) =>
    ['journal', 'conference'].includes(location?.source?.type ?? ''),
  );
  const name = published?.source?.display_name?.trim();
  const year = work.publication_year ?? undefined;
  const landing = httpLink(published?.landing_page_url);
  return {
    id: work.id,
    title: (work.title ?? work.display_name ?? '').replace(/\s+/g, ' ').trim(),
    authors: (work.authorships ?? [])
      .map((authorship) => authorship.author.display_name?.trim() ?? '')
      .filter((author) => author !== ''),
    year,
    doi: bareDoi(work.doi),
    venue:
      name === undefined || name === ''
        ? undefined
        : year === undefined || /\b(?:19|20)\d{2}\b/.test(name)
          ? name
          : `${name} ${year}`,
    landingPage: landing !== undefined && !/arxiv\.org/i.test(landing) ? landing : undefined,
  };
}

export function parseOpenAlexSearch(body: string, url: string): OpenAlexWork[] {
  return parseJsonBody(body, url, searchShape)
    .results.map(toWork)
    .filter((work) => work.title !== '');
}

export interface OpenAlexClient {
  byTitle(title: string, limit?: number): Promise<OpenAlexWork[]>;
}

export function openAlexClient(
  http: Http,
  contact: string,
  baseUrl = OPENALEX_BASE_URL,
): OpenAlexClient {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async byTitle(title, limit = 5) {
      // The title's words only: a comma would end the filter's value.
      const filter = `title.search:${normalizeTitle(title)}`;
      const url =
        `${root}/works?filter=${encodeURIComponent(filter)}&per-page=${limit}` +
        `&mailto=${encodeURIComponent(contact)}`;
      const response = await http.get(url, 'application/json');
      return response.status === 404 ? [] : parseOpenAlexSearch(response.body, url);
    },
  };
}
