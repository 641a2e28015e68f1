/**
 * What a paper's page shows besides the paper's own fields, worked out here so the route and its
 * components only arrange it: the plain title and description, the topics as links, the
 * metadata for scholarly tools, the citations, the reading-path steps, the related papers and the
 * pager to the next newer and older paper of the primary topic.
 */
import { referenceOf } from '../cite/reference.ts';
import type { RelatedPaper } from '../discovery/related.ts';
import { renderAbstract } from '../markdown/render-abstract.ts';
import { displayDate } from '../paper/ordering.ts';
import type { PathPosition } from '../topics/reading-paths.ts';
import type { Paper } from '../paper/schema.ts';
import { hasTitleMath, titleText } from '../paper/title-math.ts';
import { paperPath } from './urls.ts';
import { topicsOf, type Neighbours, type SiteTopic } from './catalog.ts';
import { CITATION_FORMATS, citationText } from '../cite/formats.ts';
import type { SiteLinks } from './links.ts';
import { FILTER, pagefindPair } from './pagefind-names.ts';
import { jsonLdText, paperMetaTags, scholarlyArticle, type MetaTag } from './paper-meta.ts';
import { paperDescription } from './shorten.ts';

/** The links a paper page makes. */
export type PaperPageLinks = Pick<SiteLinks, 'paperHref' | 'topicHref' | 'absoluteUrl'>;

/** A topic as a paper page links it: its name, its page, and the search filter it sets. */
export interface TopicLink {
  name: string;
  href: string;
  /** `topic:<id>`, the value of the page's `data-pagefind-filter` for the topic. */
  filter: string;
}

export interface PaperPageView {
  /** The title as plain text, math read as Unicode: the tab's title and search metadata. */
  plainTitle: string;
  /** Whether the title holds `$…$` math, shown as markup with the plain text kept for search. */
  titleHasMath: boolean;
  description: string;
  /** The page's absolute address, named in its metadata and cited when nothing else is. */
  pageUrl: string;
  topics: TopicLink[];
  metaTags: MetaTag[];
  /** The abstract as HTML (Markdown read as plain text, `$…$` math typeset). */
  abstractHtml: string;
  /** The schema.org ScholarlyArticle, as the text of a JSON-LD script element. */
  jsonLd: string;
  /** The day the paper joined the list, as a reader reads it (`Jan 5, 2026`). */
  addedText: string | undefined;
}

/** Everything a paper page shows that is derived from the paper and the site. */
export function paperPageView(
  paper: Paper,
  topicById: ReadonlyMap<string, SiteTopic>,
  links: PaperPageLinks,
  siteName: string,
): PaperPageView {
  const { data } = paper;
  const topics = topicsOf(paper, topicById);
  const plainTitle = titleText(data.title);
  const pageUrl = links.absoluteUrl(paperPath(paper.slug));
  const metaInput = {
    data,
    abstract: paper.abstract,
    pageUrl,
    siteName,
    topicNames: topics.map((topic) => topic.name),
  };
  return {
    plainTitle,
    titleHasMath: hasTitleMath(data.title),
    description: paperDescription(plainTitle, paper.abstract),
    pageUrl,
    topics: topics.map((topic) => ({
      name: topic.name,
      href: links.topicHref(topic.id),
      filter: pagefindPair(FILTER.topic, topic.id),
    })),
    metaTags: paperMetaTags(metaInput),
    abstractHtml: renderAbstract(paper.abstract),
    jsonLd: jsonLdText(scholarlyArticle(metaInput)),
    addedText: displayDate({ date: data.added }),
  };
}

/** One citation a paper page offers: shown, copied and downloaded. */
export interface CitationEntry {
  format: (typeof CITATION_FORMATS)[number];
  text: string;
  /** A `data:` link to the same text: no file of its own per paper (see CitePaper.astro). */
  href: string;
  /** The name the download is saved under: `<slug>.<extension>`. */
  fileName: string;
}

/**
 * The paper's citation in every format. Entries leave out the abstract, which is on the page
 * already; `key` is the paper's citation key in the whole list, so the page cites it as the
 * list's downloads do.
 */
export function citationEntries(
  paper: Paper,
  pageUrl: string,
  key: string | undefined,
): CitationEntry[] {
  const reference = referenceOf({ ...paper, abstract: '' }, pageUrl, key);
  return CITATION_FORMATS.map((format) => {
    const text = citationText(format.id, reference);
    return {
      format,
      text,
      href: `data:${format.mediaType},${encodeURIComponent(text)}`,
      fileName: `${paper.slug}.${format.extension}`,
    };
  });
}

/** A link to another paper, under a label saying how it relates. */
export interface PaperStep {
  href: string;
  /** The paper's title as written in its file, `$…$` math included. */
  title: string;
}

/** The pager under a paper: the next newer and older paper of its primary topic. */
export interface PaperPager {
  /** The pager's accessible name: `More in Dropout`. */
  label: string;
  newer: (PaperStep & { label: string }) | undefined;
  older: (PaperStep & { label: string }) | undefined;
}

/** The pager, or undefined when the paper has no topic or is alone in it. */
export function paperPager(
  neighbours: Neighbours | undefined,
  links: Pick<SiteLinks, 'paperHref'>,
): PaperPager | undefined {
  const topic = neighbours?.topic;
  if (neighbours === undefined || topic === undefined) return undefined;
  if (neighbours.older === undefined && neighbours.newer === undefined) return undefined;
  const step = (paper: Paper | undefined, label: string) =>
    paper && { href: links.paperHref(paper.slug), title: paper.data.title, label };
  return {
    label: `More in ${topic.name}`,
    older: step(neighbours.older, `← Older in ${topic.name}`),
    newer: step(neighbours.newer, `Newer in ${topic.name} →`),
  };
}

/** Where a paper stands on one topic's reading path, with links to the steps around it. */
export interface PathStep {
  position: PathPosition;
  topic: { name: string };
  /** The link to the path on the topic's page. */
  pathHref: string;
  previous: PaperStep | undefined;
  next: PaperStep | undefined;
}

/** The paper's steps on reading paths, leaving out paths of topics or papers no longer listed. */
export function pathSteps(
  positions: readonly PathPosition[],
  paperById: ReadonlyMap<string, Paper>,
  topicById: ReadonlyMap<string, SiteTopic>,
  links: Pick<SiteLinks, 'paperHref' | 'topicHref'>,
): PathStep[] {
  const step = (slug: string | undefined): PaperStep | undefined => {
    const paper = slug === undefined ? undefined : paperById.get(slug);
    return paper && { href: links.paperHref(paper.slug), title: paper.data.title };
  };
  return positions.flatMap((position) => {
    const topic = topicById.get(position.topic);
    if (topic === undefined) return [];
    return [
      {
        position,
        topic,
        pathHref: `${links.topicHref(topic.id)}#start-here`,
        previous: step(position.previous),
        next: step(position.next),
      },
    ];
  });
}

/** A related paper as its page lists it, with why it is related in words. */
export interface RelatedItem extends PaperStep {
  /** `both on dropout; shared terms: noise, masks`, or empty. */
  reason: string;
}

/** The related papers that are still listed, each with its reason. */
export function relatedItems(
  related: readonly RelatedPaper[],
  paperById: ReadonlyMap<string, Paper>,
  topicById: ReadonlyMap<string, SiteTopic>,
  links: Pick<SiteLinks, 'paperHref'>,
): RelatedItem[] {
  return related.flatMap((item) => {
    const paper = paperById.get(item.id);
    if (paper === undefined) return [];
    const topics = item.reason.sharedTopics.flatMap((id) => topicById.get(id)?.name ?? []);
    const reasons = [
      ...(topics.length > 0 ? [`both on ${topics.join(' and ').toLowerCase()}`] : []),
      ...(item.reason.sharedTerms.length > 0
        ? [`shared terms: ${item.reason.sharedTerms.join(', ')}`]
        : []),
    ];
    return [
      { href: links.paperHref(paper.slug), title: paper.data.title, reason: reasons.join('; ') },
    ];
  });
}
