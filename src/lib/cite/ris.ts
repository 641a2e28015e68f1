/**
 * RIS records for papers, the tagged format EndNote, Zotero and Mendeley import.
 *
 * One `TAG  - value` line per field, lines ending in CRLF as the format's specification asks,
 * no line break inside a value, and `ER  - ` closing the record.
 */
import type { Paper } from '../paper/schema.ts';
import { oneLine, referenceOf, type PersonName, type Reference } from './reference.ts';

const TYPE = { conference: 'CPAPER', journal: 'JOUR', other: 'GEN' } as const;

/** A name as RIS writes it: `Family, Given, Suffix`, or the name as it is. */
function risName(name: PersonName): string {
  if ('literal' in name) return name.literal;
  const parts = [name.family, name.given];
  if (name.suffix !== undefined) parts.push(name.suffix);
  return parts.filter((part) => part !== '').join(', ');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The RIS record of one reference. */
export function risFromReference(reference: Reference): string {
  const lines: [string, string][] = [
    ['TY', reference.venue === undefined ? 'GEN' : TYPE[reference.venue.kind]],
    ['ID', reference.key],
    ['TI', reference.title],
  ];
  for (const name of reference.authors) lines.push(['AU', risName(name)]);
  if (reference.issued !== undefined) {
    const { year, month, day } = reference.issued;
    lines.push(['PY', String(year)]);
    lines.push(['DA', `${year}/${pad(month)}/${pad(day)}/`]);
  }
  if (reference.venue !== undefined) lines.push(['T2', reference.venue.name]);
  if (reference.authorNote !== undefined) lines.push(['N1', reference.authorNote]);
  if (reference.doi !== undefined) lines.push(['DO', reference.doi]);
  if (reference.arxiv !== undefined) lines.push(['AN', `arXiv:${reference.arxiv}`]);
  lines.push(['UR', reference.url]);
  if (reference.abstract !== '') lines.push(['AB', reference.abstract]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}\r\n`).join('');
}

/** The RIS record of `paper`, whose page on this site is at `pageUrl`. */
export function risRecord(paper: Paper, pageUrl: string): string {
  return risFromReference(referenceOf(paper, pageUrl));
}
