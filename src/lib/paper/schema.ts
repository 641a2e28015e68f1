/**
 * The data model of the reading list: one schema for a paper's frontmatter, shared by the
 * importer, the content checker and the Astro site. Types are derived from it, never restated.
 */
import { z } from 'zod';
import { dateErrorMap } from '../problems/zod.ts';
import { REFERENCE_FIELDS } from './fields.ts';

/**
 * `YYYY-MM-DD` that is also a real calendar day. Its messages describe the value as written
 * (`"2024-02-30" is not a day of the calendar`) wherever it is parsed, the site's build included.
 */
export const isoDate = z.iso.date({ error: dateErrorMap });

/**
 * YAML loaders turn an unquoted `2024-06-11` into a Date; a contributor may well write one.
 * Accept it and hand the rest of the system the same ISO string the importer writes.
 */
const isoDateInput = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().slice(0, 10)
      : value,
  isoDate,
);

/** arXiv identifiers: new style `2106.09685` (optionally versioned) or old style `cs/0112017`. */
export const arxivId = z
  .string()
  .regex(/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/, {
    error: 'expected an arXiv identifier such as 2106.09685 or cs/0112017',
  });

/** Topic ids are lower-case words joined by hyphens, as in `weight-penalties`. */
export const topicId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'expected a topic id such as weight-penalties',
});

const nonEmptyText = z.string().trim().min(1, { error: 'must not be empty' });

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/** arXiv subject classes: `cs.LG`, `stat.ML`, `math.OC`, or an archive alone such as `hep-th`. */
export const arxivCategory = z.string().regex(/^[a-z-]+(?:\.[A-Za-z-]+)?$/, {
  error: 'expected an arXiv category such as cs.LG or stat.ML',
});

/** A bare DOI, `10.<registrant>/<suffix>`, without `https://doi.org/` or `doi:`. */
export const doi = z.string().regex(/^10\.\d{4,9}\/\S+$/, {
  error: 'expected a bare DOI such as 10.1109/CVPR.2016.90',
});

export const paperSchema = z.strictObject({
  /** The title exactly as the listing printed it (a curator may correct it by hand). */
  title: nonEmptyText,
  /** Publication date shown by the listing, as `YYYY-MM-DD`; absent when the listing gave no year. */
  date: isoDateInput.optional(),
  /** The date as printed when it carried no year (`Mar 6`); a year is never guessed. */
  dateText: z
    .string()
    .regex(/^[A-Z][a-z]{2} \d{1,2}$/, { error: 'expected a month and day such as Mar 6' })
    .optional(),
  /** Number of authors shown by the listing (`7 authors`). */
  authorCount: z.int().min(1).optional(),
  /** Author names in order, added by hand or by `npm run enrich`; the listings give only a count. */
  authors: z.array(nonEmptyText).min(1).optional(),
  /** Upvotes on Hugging Face: the listing's figure, or the index's as read on `upvotesOn`. */
  upvotes: z.int().min(0).optional(),
  /** The day `npm run enrich` read `upvotes` from the Hugging Face paper index. */
  upvotesOn: isoDateInput.optional(),
  /** The second count a one-line listing prints after the date (the card's comment count). */
  comments: z.int().min(0).optional(),
  /** Topic ids, the first being the primary topic; see `content/topics.yaml`. */
  topics: z.array(topicId).default([]),
  /**
   * The topics the rules in `content/topics.yaml` gave the paper, written by the importer and by
   * `npm run new` when the proposal is accepted. While `topics` equals this list the rules may
   * update both (`npm run import -- --retopic`); once a person changes `topics`, or when this field
   * is absent, the topics are a person's choice and no import touches them.
   */
  autoTopics: z.array(topicId).min(1).optional(),
  /** arXiv identifier, added by hand or by `npm run enrich`. */
  arxiv: arxivId.optional(),
  /** The arXiv primary category (`cs.LG`), for citations; from arXiv itself. */
  arxivCategory: arxivCategory.optional(),
  /** The DOI of the published version (not arXiv's own `10.48550/…`). */
  doi: doi.optional(),
  /** A link to the paper (publisher, OpenReview), added by hand or from the published version. */
  url: httpUrl.optional(),
  /** The paper's code repository. */
  code: httpUrl.optional(),
  /** The paper's project page, when the authors made one. */
  projectPage: httpUrl.optional(),
  /** Where the paper was published (`NeurIPS 2023`), added by hand. */
  venue: nonEmptyText.optional(),
  /** Every listing file under `content/sources/` the paper appears in, sorted. */
  sources: z.array(nonEmptyText).default([]),
  /** The day the paper entered the reading list. */
  added: isoDateInput,
  /** A curator's note shown on the paper page. */
  notes: nonEmptyText.optional(),
});

/** A paper's frontmatter as written in a file (defaults not yet applied). */
export type PaperInput = z.input<typeof paperSchema>;
/** A paper's frontmatter after validation. */
export type PaperData = z.output<typeof paperSchema>;

/** The order in which frontmatter fields are written, so files diff minimally. */
export const paperFieldOrder = [
  'title',
  'date',
  'dateText',
  'authorCount',
  'authors',
  'upvotes',
  'upvotesOn',
  'comments',
  'topics',
  'autoTopics',
  ...REFERENCE_FIELDS,
  'sources',
  'added',
  'notes',
] as const satisfies readonly (keyof PaperData)[];

/** A paper as the importer and checker handle it: frontmatter plus the abstract. */
export interface Paper {
  /** File name without `.md`; the paper's URL is `/papers/<slug>/`. */
  slug: string;
  data: PaperData;
  /** The abstract, the Markdown body of the file. */
  abstract: string;
}
