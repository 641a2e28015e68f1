/**
 * Citations of papers whose every text holds a hostile string: no BibTeX, RIS or CSL-JSON output
 * carries a control character, a noncharacter or a bidi override, and the BibTeX still parses.
 */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibliography } from '../../src/lib/cite/bibtex.ts';
import { cslItem } from '../../src/lib/cite/csl.ts';
import { risRecord } from '../../src/lib/cite/ris.ts';
import { hasUnsafeText } from '../../src/lib/paper/safe-text.ts';
import type { Paper } from '../../src/lib/paper/schema.ts';
import { HOSTILE_STRINGS } from '../robustness/arbitraries.ts';
import { pageUrlOf, samplePaper } from './sample-papers.ts';

/** One paper per hostile string, the string in its title, both author names, venue and abstract. */
const papers: Paper[] = HOSTILE_STRINGS.map((text, index) => {
  const plain = samplePaper(`hostile-${String(index)}`);
  return {
    ...plain,
    data: {
      ...plain.data,
      title: `${text} title`,
      authors: [`Ada ${text} Lovelace`, 'Alan Turing'],
      venue: `${text} venue`,
    },
    abstract: `${text} abstract`,
  };
});

describe('citations of papers holding hostile text', () => {
  it('BibTeX: carries no unsafe character and parses entry for entry', () => {
    const bib = bibliography(papers, pageUrlOf);
    expect(hasUnsafeText(bib)).toBe(false);
    const library = parse(bib, { english: false });
    expect(library.entries).toHaveLength(papers.length);
  });

  it('RIS: carries no unsafe character, and every record has its title on one line', () => {
    for (const paper of papers) {
      const record = risRecord(paper, pageUrlOf(paper.slug));
      expect(hasUnsafeText(record)).toBe(false);
      expect(record.split(/\r?\n/).filter((line) => line.startsWith('TI  - '))).toHaveLength(1);
    }
  });

  it('CSL-JSON: carries no unsafe character', () => {
    for (const paper of papers) {
      expect(hasUnsafeText(JSON.stringify(cslItem(paper, pageUrlOf(paper.slug))))).toBe(false);
    }
  });
});
