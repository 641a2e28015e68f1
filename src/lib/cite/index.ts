/** Citations of papers in BibTeX, RIS and CSL-JSON, all from one `Reference`. */
export { bibliography, bibtexEntry, DuplicateCitationKeyError, escapeBibtex } from './bibtex.ts';
export { cslItem, type CslItem, type CslName } from './csl.ts';
export {
  citationKey,
  parseName,
  referenceOf,
  venueKind,
  type PersonName,
  type Reference,
} from './reference.ts';
export { risRecord } from './ris.ts';
