/**
 * The exports of an enriched corpus: the fixture papers enriched from the local sources, then
 * written as BibTeX, RIS, CSL-JSON, CSV and papers.json, each read back with a real parser.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibliography } from '../../src/lib/cite/bibtex.ts';
import { cslItem } from '../../src/lib/cite/csl.ts';
import { citationKeys } from '../../src/lib/cite/reference.ts';
import { risRecord } from '../../src/lib/cite/ris.ts';
import { EnrichCache } from '../../src/lib/enrich/cache.ts';
import { createLookups, SOURCE_NAMES } from '../../src/lib/enrich/lookups.ts';
import { runEnrichment } from '../../src/lib/enrich/run.ts';
import { createClients } from '../../src/lib/enrich/setup.ts';
import { papersCsv } from '../../src/lib/export/csv.ts';
import { papersJson } from '../../src/lib/export/papers-json.ts';
import { readPapers } from '../../src/lib/paper/files.ts';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { fakeSourcesEnv, FIXTURE_ROUTES } from '../helpers/enrich-routes.ts';
import { useFakeSources } from '../helpers/enrich-server.ts';
import { repoRoot } from '../helpers/paths.ts';

const start = useFakeSources();
const pageUrl = (slug: string): string => `https://example.org/papers/${slug}/`;

async function enrichedCorpus(): Promise<Paper[]> {
  const server = await start(FIXTURE_ROUTES);
  const { papers } = await readPapers(path.join(repoRoot, 'tests/fixtures/enrich/papers'));
  const clients = createClients(fakeSourcesEnv(server.url), 'curator@example.org');
  const lookups = createLookups({
    sources: new Set(SOURCE_NAMES),
    clients,
    cache: EnrichCache.parse(undefined, 'cache.json'),
    offline: false,
    refresh: false,
    today: '2026-12-06',
  });
  const { outcomes } = await runEnrichment(papers, lookups);
  const enriched = new Map(outcomes.map((outcome) => [outcome.slug, outcome.paper]));
  return papers.map((paper) => enriched.get(paper.slug) ?? paper);
}

describe('the exports of an enriched corpus', () => {
  it('carry the authors, ids, venues and DOIs, and parse back', async () => {
    const papers = await enrichedCorpus();
    const keys = citationKeys(papers);

    const library = parseBibtex(bibliography(papers, pageUrl), { english: false });
    expect(library.errors).toEqual([]);
    const spectral = library.entries.find((entry) => entry.key === 'ortiz2021spectral');
    expect(spectral?.type).toBe('inproceedings');
    expect(spectral?.fields.booktitle).toBe('Neural Information Processing Systems 2021');
    expect(spectral?.fields.doi).toBe('10.5555/sdgnn.2021.17');
    expect(spectral?.fields.author).toEqual([
      { lastName: 'Ortiz', firstName: 'Ana' },
      { lastName: 'Chen', firstName: 'Bo' },
      { lastName: 'Okafor', firstName: 'Chidi' },
    ]);
    const entropic = library.entries.find((entry) => entry.key === 'mori2019entropic');
    expect(entropic?.type).toBe('misc');
    expect(entropic?.fields.eprint).toBe('1905.07777');
    expect(entropic?.fields.primaryclass).toBe('math.OC');
    expect(entropic?.fields.author).toEqual([
      { lastName: 'Mori', firstName: 'Kaito' },
      { lastName: 'Fernández', firstName: 'Lucía' },
    ]);
    const labelSmoothing = library.entries.find((entry) => entry.key === 'duarte2023label');
    expect(labelSmoothing?.fields.author).toEqual([
      { lastName: 'Duarte', firstName: 'Inês' },
      { lastName: 'Berg', firstName: 'Jonas', prefix: 'van der' },
    ]);

    const spectralPaper = papers.find((paper) => paper.slug.startsWith('spectral'));
    if (spectralPaper === undefined) throw new Error('no spectral paper');
    const ris = risRecord(spectralPaper, pageUrl(spectralPaper.slug));
    expect(ris).toContain('TY  - CPAPER\r\n');
    expect(ris).toContain('AU  - Ortiz, Ana\r\nAU  - Chen, Bo\r\nAU  - Okafor, Chidi\r\n');
    expect(ris).toContain('DO  - 10.5555/sdgnn.2021.17\r\n');
    const csl = cslItem(spectralPaper, pageUrl(spectralPaper.slug));
    expect(csl.author).toEqual([
      { family: 'Ortiz', given: 'Ana' },
      { family: 'Chen', given: 'Bo' },
      { family: 'Okafor', given: 'Chidi' },
    ]);
    expect(keys.get(spectralPaper.slug)).toBe('ortiz2021spectral');

    const rows = parseCsv<Record<string, string>>(papersCsv(papers, 'https://example.org/'), {
      columns: true,
    });
    const row = rows.find((candidate) => candidate.slug === spectralPaper.slug);
    expect(row).toMatchObject({
      authors: 'Ana Ortiz; Bo Chen; Chidi Okafor',
      arxiv: '2106.04321',
      code: 'https://github.com/example-lab/spectral-dropout',
      upvotesOn: '2026-12-06',
    });
    const json = papersJson(papers, { buildDate: '2026-12-06', siteUrl: 'https://example.org/' });
    const record = json.papers.find((paper) => paper.slug === spectralPaper.slug);
    expect(record).toMatchObject({
      authors: ['Ana Ortiz', 'Bo Chen', 'Chidi Okafor'],
      doi: '10.5555/sdgnn.2021.17',
    });
  });
});
