/**
 * Lists of paper fields that modules running in the browser need too (the shortlist's CSV), kept
 * apart from the schema so that importing them does not bring zod into a page's script.
 */
import type { PaperData } from './schema.ts';

/**
 * Where a paper can be found: its identifiers, links and venue, in the order paper files and the
 * CSV export list them. Each is a single value that enrichment may fill when it is missing.
 */
export const REFERENCE_FIELDS = [
  'arxiv',
  'arxivCategory',
  'doi',
  'url',
  'code',
  'projectPage',
  'venue',
] as const satisfies readonly (keyof PaperData)[];
