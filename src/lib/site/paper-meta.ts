/**
 * Metadata a paper page carries for scholarly tools and link previews: Highwire Press
 * `citation_*` tags (what Google Scholar reads), a schema.org ScholarlyArticle as JSON-LD, and
 * OpenGraph and Twitter card tags. Only data we have is stated; no author is ever invented.
 */
import { venueKind } from '../cite/reference.ts';
import type { PaperData } from '../paper/schema.ts';
import { shorten } from './shorten.ts';

export interface MetaTag {
  /** `name` for citation_* and twitter:*, `property` for OpenGraph. */
  attribute: 'name' | 'property';
  key: string;
  content: string;
}

export interface PaperMetaInput {
  data: PaperData;
  abstract: string;
  /** Absolute URL of the paper page. */
  pageUrl: string;
  siteName: string;
  /** Names of the paper's topics, primary first. */
  topicNames: string[];
}

/** `2024/06/11` as Highwire wants it, or the year alone. */
function citationDate(date: string | undefined): string | undefined {
  return date?.replaceAll('-', '/');
}

function summary(abstract: string, limit = 200): string {
  return shorten(abstract, limit);
}

/** The meta tags of a paper page, in a fixed order. */
export function paperMetaTags(input: PaperMetaInput): MetaTag[] {
  const { data, abstract, pageUrl, siteName } = input;
  const tags: MetaTag[] = [];
  const name = (key: string, content: string | undefined): void => {
    if (content !== undefined && content !== '') tags.push({ attribute: 'name', key, content });
  };
  const property = (key: string, content: string | undefined): void => {
    if (content !== undefined && content !== '') tags.push({ attribute: 'property', key, content });
  };
  name('citation_title', data.title);
  for (const author of data.authors ?? []) name('citation_author', author);
  name('citation_publication_date', citationDate(data.date));
  name('citation_abstract', abstract.replace(/\s+/g, ' ').trim());
  name('citation_doi', data.doi);
  if (data.arxiv !== undefined) {
    name('citation_arxiv_id', data.arxiv);
    name('citation_pdf_url', `https://arxiv.org/pdf/${data.arxiv}`);
  }
  if (data.venue !== undefined) {
    // Google Scholar reads a journal's name and a conference's from different tags.
    const kind = venueKind(data.venue);
    if (kind === 'journal') name('citation_journal_title', data.venue);
    else if (kind === 'conference') name('citation_conference_title', data.venue);
    else name('citation_publisher', data.venue);
  }
  name('citation_abstract_html_url', pageUrl);
  for (const topic of input.topicNames) name('citation_keywords', topic);

  property('og:type', 'article');
  property('og:site_name', siteName);
  property('og:title', data.title);
  property('og:description', summary(abstract));
  property('og:url', pageUrl);
  if (data.date !== undefined) property('article:published_time', data.date);
  for (const topic of input.topicNames) property('article:tag', topic);
  name('twitter:card', 'summary');
  name('twitter:title', data.title);
  name('twitter:description', summary(abstract));
  return tags;
}

/** schema.org ScholarlyArticle for the page, as a plain object. */
export function scholarlyArticle(input: PaperMetaInput): Record<string, unknown> {
  const { data, abstract, pageUrl } = input;
  const sameAs = [
    ...(data.arxiv === undefined ? [] : [`https://arxiv.org/abs/${data.arxiv}`]),
    ...(data.doi === undefined ? [] : [`https://doi.org/${data.doi}`]),
    ...(data.url === undefined ? [] : [data.url]),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: data.title,
    name: data.title,
    abstract: abstract.replace(/\s+/g, ' ').trim(),
    url: pageUrl,
    ...(data.date === undefined ? {} : { datePublished: data.date }),
    ...(data.authors === undefined
      ? {}
      : { author: data.authors.map((author) => ({ '@type': 'Person', name: author })) }),
    ...(data.doi === undefined
      ? {}
      : { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: data.doi } }),
    ...(input.topicNames.length === 0 ? {} : { keywords: input.topicNames.join(', ') }),
    ...(sameAs.length === 0 ? {} : { sameAs }),
    ...(data.venue === undefined
      ? {}
      : { isPartOf: { '@type': 'PublicationEvent', name: data.venue } }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<` is escaped so no text in a title
 * or abstract can close the element early.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
